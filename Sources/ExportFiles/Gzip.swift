import CZlib
import Foundation

/// Deterministic gzip (RFC 1952) through zlib: no file name, modification time zero, the
/// best level. The same bytes always give the same `.gz`, so two exports of the same data
/// agree byte for byte and `export --check` can compare them; the server sends the same
/// bytes as nginx does from the twins.
public enum Gzip {
    public static func compress(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBytes { compress($0) }
    }

    public static func compress(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 16: a gzip wrapper; with no header set (deflateSetHeader), zlib
        // writes MTIME 0 and no name.
        let started = deflateInit2_(
            &stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size))
        // zlib fails only without memory, or with an output smaller than its bound.
        precondition(started == Z_OK, "gzip failed to start")
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))))
        let result = output.withUnsafeMutableBufferPointer { output in
            stream.next_in = UnsafeMutablePointer(
                mutating: bytes.baseAddress?.assumingMemoryBound(to: UInt8.self))
            stream.avail_in = uInt(bytes.count)
            stream.next_out = output.baseAddress
            stream.avail_out = uInt(output.count)
            return deflate(&stream, Z_FINISH)
        }
        precondition(result == Z_STREAM_END, "gzip failed")
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    /// Whether `gzip` is one gzip member that decompresses to exactly `plain`, with nothing
    /// after it. Decompresses a chunk at a time and stops at the first difference, so it
    /// holds no copy of either.
    public static func decompresses(_ gzip: UnsafeRawBufferPointer, to plain: UnsafeRawBufferPointer) -> Bool
    {
        var stream = z_stream()
        // windowBits 15 + 16: gzip only, no zlib or raw streams.
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return false
        }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: gzip.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.avail_in = uInt(gzip.count)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var compared = 0
        var result = Z_OK
        while result == Z_OK {
            let same = chunk.withUnsafeMutableBufferPointer { chunk in
                stream.next_out = chunk.baseAddress
                stream.avail_out = uInt(chunk.count)
                result = inflate(&stream, Z_NO_FLUSH)
                let produced = chunk.count - Int(stream.avail_out)
                guard result == Z_OK || result == Z_STREAM_END, produced <= plain.count - compared else {
                    return false
                }
                guard produced > 0 else { return true }
                defer { compared += produced }
                return memcmp(chunk.baseAddress!, plain.baseAddress! + compared, produced) == 0
            }
            guard same else { return false }
        }
        // One member, nothing after it, and every byte of `plain` produced.
        return result == Z_STREAM_END && stream.avail_in == 0 && compared == plain.count
    }

    /// Whether `gzip` is a gzip file whose trailer names `plain`: its CRC-32 and its length
    /// (mod 2^32). Reads only the header, the trailer and `plain`, so it is far cheaper
    /// than decompressing; a stream corrupted between header and trailer passes.
    public static func trailer(of gzip: UnsafeRawBufferPointer, matches plain: UnsafeRawBufferPointer) -> Bool
    {
        guard gzip.count >= 18, gzip[0] == 0x1F, gzip[1] == 0x8B, gzip[2] == 8 else { return false }
        let crc = UInt32(littleEndian: gzip.loadUnaligned(fromByteOffset: gzip.count - 8, as: UInt32.self))
        let size = UInt32(littleEndian: gzip.loadUnaligned(fromByteOffset: gzip.count - 4, as: UInt32.self))
        let plainCRC = crc32_z(0, plain.baseAddress?.assumingMemoryBound(to: UInt8.self), plain.count)
        return size == UInt32(truncatingIfNeeded: plain.count) && UInt32(plainCRC) == crc
    }
}
