import CZlib
import Crypto

/// A zlib stream inflated a piece at a time, as its reader takes it: the reader holds the
/// piece it reads, not the whole body, and can start on the first piece while the rest is
/// still compressed. Never inflates past `limit` bytes in all (plus one 64 KiB step); when
/// told to, hashes every byte inflated, so that the body's checksum is known once drained.
///
/// Whatever was taken before, ``finish(checksum:)`` checks the stream (sound, ended with its
/// input), then the body's size, then the checksum, in that order; ``rest()`` the stream alone.
final class InflatingReader: BodyInput {
    private var stream = z_stream()
    private let input: [UInt8]
    /// Inflated bytes not yet taken start at `position`.
    private var buffer: [UInt8] = []
    private var position = 0
    /// Bytes inflated so far, taken or not.
    private(set) var inflated = 0
    private let limit: Int
    private var ended = false
    /// The first failure of the stream itself; every later call throws it again.
    private var failure: WireError?
    private var hash: SHA256?
    private var step = [UInt8](repeating: 0, count: 64 * 1024)

    /// A reader of the zlib stream `input`, which inflates to at most `limit` bytes; with
    /// `prefix`, hashing it and then every byte inflated (for ``finish(checksum:)``).
    init(_ input: [UInt8], limit: Int, hashing prefix: ArraySlice<UInt8>?) throws(WireError) {
        self.input = input
        self.limit = limit
        if let prefix {
            hash = SHA256()
            hash?.update(data: prefix)
        }
        guard fagu_inflateInit2(&stream, 15) == Z_OK else {
            throw WireError(.badCompression, "zlib could not start decompressing")
        }
    }

    deinit { inflateEnd(&stream) }

    /// The next `count` bytes of the body, inflating as far as they need.
    ///
    /// - Throws: The stream's own faults (`bad_compression`, `too_large`), or `malformed`
    ///   when it ends before `count` more bytes.
    func take(_ count: Int) throws(WireError) -> [UInt8] {
        try fill(count)
        let piece = Array(buffer[position..<position + count])
        position += count
        if position >= 1 << 20 && position * 2 >= buffer.count {
            buffer.removeSubrange(0..<position)  // what is taken is not kept
            position = 0
        }
        return piece
    }

    /// The next byte of the body (see ``take(_:)``).
    func takeByte() throws(WireError) -> UInt8 {
        try fill(1)
        position += 1
        return buffer[position - 1]
    }

    /// Everything not yet taken, once the stream is inflated to its end and found sound.
    func rest() throws(WireError) -> [UInt8] {
        // Room for a usual ratio at once, so a large body is not copied each time it grows;
        // never more than the limit, nor far more than the input could justify.
        buffer.reserveCapacity(min(limit, max(step.count, input.count * 4)))
        while try inflateMore() {}
        defer {
            buffer = []
            position = 0
        }
        return position == 0 ? buffer : Array(buffer[position...])
    }

    /// Inflates the rest, then checks what the whole body's reader checks: the stream is
    /// sound and ends with its input, the body is exactly `limit` bytes, and its SHA-256
    /// (after the prefix given at the start) is `checksum`.
    func finish(checksum: [UInt8]) throws(WireError) {
        while try inflateMore() {
            buffer.removeAll(keepingCapacity: true)  // the rest is only hashed
            position = 0
        }
        guard inflated == limit else { throw shortBody }
        guard let hash, Array(hash.finalize()) == checksum else {
            throw WireError(.badChecksum, "the SHA-256 of header and body does not match the file's checksum")
        }
    }

    /// Inflates until `count` bytes not yet taken are buffered; `malformed` when the stream
    /// ends first.
    private func fill(_ count: Int) throws(WireError) {
        while buffer.count - position < count {
            guard try inflateMore() else { throw shortBody }
        }
    }

    /// The body inflated to fewer bytes than it declares.
    private var shortBody: WireError {
        WireError(.malformed, "the body inflates to \(inflated) bytes, not the declared \(limit)")
    }

    /// Inflates one more step onto the buffer; false once the stream has ended.
    private func inflateMore() throws(WireError) -> Bool {
        if let failure { throw failure }
        guard !ended else { return false }
        do {
            let produced = try inflateStep()
            buffer.append(contentsOf: step[0..<produced])
            return true
        } catch {
            failure = error
            throw error
        }
    }

    /// One call of `inflate` into `step`: how many bytes it made (maybe none, as the stream ends).
    private func inflateStep() throws(WireError) -> Int {
        let consumed = Int(stream.total_in)
        var status: Int32 = Z_OK
        let produced: Int = input.withUnsafeBufferPointer { source in
            step.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress.map { $0 + consumed })
                stream.avail_in = uInt(source.count - consumed)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                status = inflate(&stream, Z_NO_FLUSH)
                return target.count - Int(stream.avail_out)
            }
        }
        guard status == Z_OK || status == Z_STREAM_END || (status == Z_BUF_ERROR && produced > 0) else {
            throw WireError(.badCompression, "the compressed body is damaged (zlib status \(status))")
        }
        if inflated + produced > limit {
            throw WireError(.tooLarge, "the body inflates past the limit of \(limit) bytes")
        }
        inflated += produced
        if hash != nil {
            step.withUnsafeBufferPointer { hash?.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: $0[0..<produced]))) }
        }
        if status == Z_STREAM_END {
            ended = true
            guard Int(stream.total_in) == input.count else {
                throw WireError(.badCompression, "bytes follow the end of the compressed body")
            }
        } else if produced == 0, Int(stream.total_in) == input.count {
            throw WireError(.badCompression, "the compressed body ends before its stream does")
        }
        return produced
    }
}
