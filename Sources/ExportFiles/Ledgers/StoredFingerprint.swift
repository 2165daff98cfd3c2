/// A fingerprint as the event ledger keeps it: a lower-case hex one (what `Fingerprint`
/// writes) as its 128 bits in two words, any other text as it is. As a string, each of a
/// ledger's fingerprints would take a heap block of its own.
enum StoredFingerprint: Hashable, Sendable {
    case bits(UInt64, UInt64)
    case text(String)

    init(_ text: String) {
        let utf8 = text.utf8
        guard utf8.count == 32, let high = Self.word(utf8.prefix(16)), let low = Self.word(utf8.dropFirst(16))
        else {
            self = .text(text)
            return
        }
        self = .bits(high, low)
    }

    /// The fingerprint whose text is these UTF-8 bytes.
    init(_ utf8: Slice<UnsafeBufferPointer<UInt8>>) {
        guard utf8.count == 32, let high = Self.word(utf8.prefix(16)), let low = Self.word(utf8.dropFirst(16))
        else {
            self = .text(String(decoding: utf8, as: UTF8.self))
            return
        }
        self = .bits(high, low)
    }

    /// The text it was made from.
    var text: String {
        switch self {
        case .text(let text): return text
        case .bits(let high, let low):
            return String(unsafeUninitializedCapacity: 32) { buffer in
                for index in 0..<32 {
                    let word = index < 16 ? high : low
                    buffer[index] =
                        Self.digits[Int(truncatingIfNeeded: word >> UInt64(60 - 4 * (index % 16)) & 0xF)]
                }
                return 32
            }
        }
    }

    private static let digits = Array("0123456789abcdef".utf8)

    /// The value of 16 lower-case hex digits; nil for anything else.
    private static func word(_ digits: some Collection<UInt8>) -> UInt64? {
        var value: UInt64 = 0
        for digit in digits {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt64(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"):
                value = value << 4 | UInt64(digit - UInt8(ascii: "a") + 10)
            default: return nil
            }
        }
        return value
    }
}
