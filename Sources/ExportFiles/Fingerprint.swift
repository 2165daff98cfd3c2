import Crypto

/// The fingerprint of content the ledgers compare: SHA-256 in hex, cut to 128 bits.
public enum Fingerprint {
    /// Of bytes: a file's content.
    public static func of(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes).prefix(16))
    }

    /// Of fields joined by U+001F, fed to the hash piece by piece rather than copied into
    /// one string first.
    public static func of(fields: [String]) -> String {
        var hasher = SHA256()
        for (index, field) in fields.enumerated() {
            if index > 0 { hasher.update(data: [0x1F]) }
            var field = field
            field.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        return hex(hasher.finalize().prefix(16))
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
