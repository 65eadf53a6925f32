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
        try InflatingReader(input, limit: limit, hashing: nil).rest()
    }
}
