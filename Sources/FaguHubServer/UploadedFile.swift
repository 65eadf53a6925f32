/// How reading a request body ended: the whole file, or why not.
enum UploadedFile: Sendable, Equatable {
    /// Every byte the client announced (or sent, when it announced no length).
    case complete([UInt8])
    /// More than the limit was announced or sent; reading stopped there.
    case tooLarge(announced: Int?, limit: Int)
    /// The connection ended before the announced length arrived.
    case cut(received: Int, announced: Int?)
    /// The body did not arrive within its deadline (a client trickling bytes).
    case tooSlow(received: Int, seconds: Int)

    /// How long an upload of `bytes` may take in all: 30 seconds, plus a second for every
    /// 16 KiB — a poor 3G link moves several times that — so a client that trickles a byte a
    /// second holds its place for half a minute, not for ever.
    static func deadline(forBytes bytes: Int?) -> Duration {
        .seconds(30 + (bytes ?? 0) / (16 << 10))
    }

    /// ``read(announced:limit:from:)`` within `deadline`: past it, reading stops and the
    /// upload is `tooSlow`.
    static func read<Body: AsyncSequence & Sendable>(announced: Int?, limit: Int, within deadline: Duration,
                                                     from body: Body) async -> UploadedFile
    where Body.Element: Collection<UInt8> {
        let received = ReceivedCount()
        return await withTaskGroup(of: UploadedFile?.self) { group in
            group.addTask { await read(announced: announced, limit: limit, from: body, counting: received) }
            group.addTask {
                try? await Task.sleep(for: deadline)   // throws only when cancelled: the upload finished first
                return Task.isCancelled ? nil : .tooSlow(received: received.value, seconds: Int(deadline.components.seconds))
            }
            let first = await group.next()!
            group.cancelAll()
            return first ?? .tooSlow(received: received.value, seconds: Int(deadline.components.seconds))
        }
    }

    /// Reads `body` into memory, but never more than `limit` bytes: an announced length over
    /// the limit is refused before any byte is read, and a body that grows past it is refused
    /// as soon as it does.
    ///
    /// - Parameters:
    ///   - announced: The request's `Content-Length`, when it gave one.
    ///   - body: The body's chunks as they arrive.
    static func read<Body: AsyncSequence>(announced: Int?, limit: Int, from body: Body,
                                          counting received: ReceivedCount? = nil) async -> UploadedFile
    where Body.Element: Collection<UInt8> {
        if let announced, announced > limit { return .tooLarge(announced: announced, limit: limit) }
        var bytes: [UInt8] = []
        // Never reserve from what an unauthenticated client announces: at most 1 MiB up front.
        bytes.reserveCapacity(min(announced ?? 0, limit, 1 << 20))
        do {
            for try await chunk in body {
                guard bytes.count + chunk.count <= limit else { return .tooLarge(announced: announced, limit: limit) }
                bytes.append(contentsOf: chunk)
                received?.set(bytes.count)
                if Task.isCancelled { return .cut(received: bytes.count, announced: announced) }
            }
        } catch {
            return .cut(received: bytes.count, announced: announced)
        }
        if let announced, bytes.count != announced { return .cut(received: bytes.count, announced: announced) }
        return .complete(bytes)
    }
}

