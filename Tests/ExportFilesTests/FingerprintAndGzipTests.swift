import ExportFiles
import Testing

/// SHA-256 against the published vectors (FIPS 180-2, appendix B, and NIST's examples),
/// and the fingerprint cut from it.
@Suite struct FingerprintTests {
    static let vectors: [(input: String, sha256: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        // 56 bytes: the padding needs a second block.
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        // 112 bytes, two blocks of input.
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
        // A million bytes: 15,625 blocks.
        (
            String(repeating: "a", count: 1_000_000),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        ),
    ]

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    @Test(arguments: vectors)
    func sha256MatchesTheVector(_ input: String, _ sha256: String) {
        #expect(Self.hex(Fingerprint.sha256(Array(input.utf8))) == sha256)
    }

    @Test(arguments: vectors)
    func aFingerprintIsTheDigestsFirst128BitsInHex(_ input: String, _ sha256: String) {
        #expect(Fingerprint.of(Array(input.utf8)) == String(sha256.prefix(32)))
    }

    /// Fields are hashed as if joined by U+001F: the ledger's recorded fingerprints depend on it.
    @Test(arguments: [
        [], [""], ["abc"], ["", ""], ["a", "b"], ["ab", ""], ["", "ab"],
        ["uid@example", "meeting", "2026-05-22T09:00-10:00", "Möte i Höganäs", "", "CONFIRMED"],
    ])
    func fieldsAreJoinedByTheUnitSeparator(_ fields: [String]) {
        let joined = fields.joined(separator: "\u{1F}")
        #expect(Fingerprint.of(fields: fields) == Fingerprint.of(Array(joined.utf8)))
    }

    @Test func theSeparatorKeepsFieldBoundaries() {
        #expect(Fingerprint.of(fields: ["ab", "c"]) != Fingerprint.of(fields: ["a", "bc"]))
        // Python's hashlib.sha256(b"a\x1fb").hexdigest()[:32].
        #expect(Fingerprint.of(fields: ["a", "b"]) == "f04cdced9736a69da6103f08a4daaf8c")
    }
}

/// The export's gzip: one deterministic member, and the two checks the read-back makes of a twin.
@Suite struct GzipTests {
    static let inputs: [[UInt8]] = [
        [],
        Array("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".utf8),
        // Longer than inflate's 64 KiB chunk, and not very compressible.
        (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) },
    ]

    @Test(arguments: inputs)
    func compressedBytesDecompressToThemAndNothingElse(_ plain: [UInt8]) {
        let zipped = Gzip.compress(plain)
        #expect(Gzip.compress(plain) == zipped)
        // Magic, deflate, no flags (no name), MTIME 0, best compression.
        #expect(Array(zipped.prefix(9)) == [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 2])
        #expect(decompresses(zipped, to: plain))
        #expect(trailerMatches(zipped, plain))
        #expect(!decompresses(zipped, to: plain + [0]))
        #expect(!decompresses(zipped + [0], to: plain))
        #expect(!decompresses(Array(zipped.dropLast()), to: plain))
        #expect(!trailerMatches(zipped, plain + [0]))
        if let last = plain.indices.last {
            var other = plain
            other[last] ^= 1
            #expect(!decompresses(zipped, to: other))
            #expect(!trailerMatches(zipped, other))
            #expect(!decompresses(zipped, to: Array(plain.dropLast())))
        }
    }

    @Test func notGzipIsRefused() {
        let plain = Array("plain text, not gzip at all".utf8)
        #expect(!decompresses(plain, to: plain))
        #expect(!trailerMatches(plain, plain))
    }

    private func decompresses(_ gzip: [UInt8], to plain: [UInt8]) -> Bool {
        gzip.withUnsafeBytes { gzip in plain.withUnsafeBytes { Gzip.decompresses(gzip, to: $0) } }
    }

    private func trailerMatches(_ gzip: [UInt8], _ plain: [UInt8]) -> Bool {
        gzip.withUnsafeBytes { gzip in plain.withUnsafeBytes { Gzip.trailer(of: gzip, matches: $0) } }
    }
}
