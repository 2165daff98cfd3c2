import CSystemShims

/// Deterministic gzip (RFC 1952) through zlib: no file name, modification time zero, the
/// best level. The same bytes always give the same `.gz`, so two exports of the same data
/// agree byte for byte and `export --check` can compare them.
public enum Gzip {
    public static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: csystem_gzip_bound(bytes.count))
        let written = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                csystem_gzip(input.baseAddress, input.count, output.baseAddress, output.count)
            }
        }
        // zlib fails only without memory, or with an output smaller than the bound.
        precondition(written > 0, "gzip failed")
        output.removeSubrange(written...)
        return output
    }
}
