/// How reading a request body ended: the whole file, or why not.
enum UploadedFile: Sendable, Equatable {
    /// Every byte the client announced (or sent, when it announced no length).
    case complete([UInt8])
    /// More than the limit was announced or sent; reading stopped there.
    case tooLarge(announced: Int?, limit: Int)
    /// The connection ended before the announced length arrived.
    case cut(received: Int, announced: Int?)

    /// Reads `body` into memory, but never more than `limit` bytes: an announced length over
    /// the limit is refused before any byte is read, and a body that grows past it is refused
    /// as soon as it does.
    ///
    /// - Parameters:
    ///   - announced: The request's `Content-Length`, when it gave one.
    ///   - body: The body's chunks as they arrive.
    static func read<Body: AsyncSequence>(announced: Int?, limit: Int, from body: Body) async -> UploadedFile
    where Body.Element: Collection<UInt8> {
        if let announced, announced > limit { return .tooLarge(announced: announced, limit: limit) }
        var bytes: [UInt8] = []
        // Never reserve from what an unauthenticated client announces: at most 1 MiB up front.
        bytes.reserveCapacity(min(announced ?? 0, limit, 1 << 20))
        do {
            for try await chunk in body {
                guard bytes.count + chunk.count <= limit else { return .tooLarge(announced: announced, limit: limit) }
                bytes.append(contentsOf: chunk)
            }
        } catch {
            return .cut(received: bytes.count, announced: announced)
        }
        if let announced, bytes.count != announced { return .cut(received: bytes.count, announced: announced) }
        return .complete(bytes)
    }
}
