import CZlib

/// zlib (RFC 1950) compression of whole buffers, and decompression that stops at a limit
/// without ever allocating past it.
enum Zlib {
    /// Compresses `input` at `level` (0–9).
    static func compress(_ input: [UInt8], level: Int32 = 6) throws(WireError) -> [UInt8] {
        var stream = z_stream()
        guard fagu_deflateInit2(&stream, level, 15, 8) == Z_OK else {
            throw WireError(.badCompression, "zlib could not start compressing")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))))
        let status: Int32 = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw WireError(.badCompression, "zlib could not compress (status \(status))") }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    /// Decompresses `input`, refusing as soon as the output would pass `limit` bytes; the
    /// output grows in 64 KiB steps, so a bomb costs at most `limit` plus one step.
    ///
    /// - Throws: `.tooLarge` past the limit, `.badCompression` for a damaged or
    ///   unfinished stream or trailing bytes.
    static func decompress(_ input: [UInt8], limit: Int) throws(WireError) -> [UInt8] {
        var stream = z_stream()
        guard fagu_inflateInit2(&stream, 15) == Z_OK else {
            throw WireError(.badCompression, "zlib could not start decompressing")
        }
        defer { inflateEnd(&stream) }
        let step = 64 * 1024
        var output: [UInt8] = []
        // Room for a usual ratio at once, so a large body is not copied each time it grows;
        // never more than the limit, nor far more than the input could justify.
        output.reserveCapacity(min(limit, max(step, input.count * 4)))
        var chunk = [UInt8](repeating: 0, count: step)
        var status: Int32 = Z_OK
        try input.withUnsafeBufferPointer { source throws(WireError) in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = uInt(source.count)
            repeat {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return target.count - Int(stream.avail_out)
                }
                guard status == Z_OK || status == Z_STREAM_END || (status == Z_BUF_ERROR && produced > 0) else {
                    throw WireError(.badCompression, "the compressed body is damaged (zlib status \(status))")
                }
                if output.count + produced > limit {
                    throw WireError(.tooLarge, "the body inflates past the limit of \(limit) bytes")
                }
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_OK, produced == 0, stream.avail_in == 0 { break }
            } while status != Z_STREAM_END
            guard status == Z_STREAM_END else {
                throw WireError(.badCompression, "the compressed body ends before its stream does")
            }
            guard stream.avail_in == 0 else {
                throw WireError(.badCompression, "bytes follow the end of the compressed body")
            }
        }
        return output
    }
}
