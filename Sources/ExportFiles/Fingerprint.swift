import COpenSSL

/// SHA-256 through the system's libcrypto, and the project's one fingerprint: the digest's
/// first 128 bits in lower-case hex, ample for telling versions of an event or a file
/// apart. The ledger records these and the server sends them as ETags, so they never change.
public enum Fingerprint {
    /// The fingerprint of `bytes`.
    public static func of(_ bytes: [UInt8]) -> String {
        hex(digest { update in bytes.withUnsafeBytes(update) }.prefix(16))
    }

    /// The fingerprint of `fields` joined by U+001F (the unit separator), each field fed
    /// to the hash in place rather than copied into one string first.
    public static func of(fields: [String]) -> String {
        let separator: [UInt8] = [0x1F]
        let digest = digest { update in
            for (index, field) in fields.enumerated() {
                if index > 0 { separator.withUnsafeBytes(update) }
                var field = field
                field.withUTF8 { update(UnsafeRawBufferPointer($0)) }
            }
        }
        return hex(digest.prefix(16))
    }

    /// The whole 32-byte SHA-256 digest of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        digest { update in bytes.withUnsafeBytes(update) }
    }

    /// The SHA-256 digest of what `feed` hands to its argument, in order.
    private static func digest(_ feed: (_ update: (UnsafeRawBufferPointer) -> Void) -> Void) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { fatalError("libcrypto: out of memory") }
        defer { EVP_MD_CTX_free(context) }
        // Fails only without memory, like the allocations around it.
        precondition(EVP_DigestInit_ex(context, method.pointer, nil) == 1, "SHA-256 unavailable")
        feed { bytes in
            if !bytes.isEmpty { _ = EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) }
        }
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        precondition(EVP_DigestFinal_ex(context, &digest, &length) == 1 && length == 32, "SHA-256 failed")
        return digest
    }

    /// The SHA-256 implementation, looked up once: `EVP_sha256()` would look it up again on
    /// every digest.
    private static let method: Method = {
        guard let pointer = EVP_MD_fetch(nil, "SHA256", nil) else { fatalError("libcrypto has no SHA-256") }
        return Method(pointer: pointer)
    }()

    /// libcrypto's digest methods are immutable once fetched, so threads share one.
    private struct Method: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(32)
        for byte in bytes {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
