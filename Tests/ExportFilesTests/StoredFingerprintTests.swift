import Registry
import Testing

@testable import ExportFiles

@Suite struct StoredFingerprintTests {
    /// What `Fingerprint` writes is kept in two words; anything else a ledger line might
    /// hold is kept as text. Either way an entry gives back the text it was made with.
    @Test(arguments: [
        ("0123456789abcdef0123456789abcdef", true),
        ("ffffffffffffffff0000000000000000", true),
        (Fingerprint.of(fields: ["meeting-a@example", "meetings"]), true),
        ("0123456789ABCDEF0123456789abcdef", false),
        ("0123456789abcdef0123456789abcdeg", false),
        ("0123456789abcdef", false),
        ("", false),
        ("å123456789abcdef0123456789abcde", false),
    ])
    func aFingerprintReadsBackAsItsText(text: String, inTwoWords: Bool) {
        let stored = StoredFingerprint(text)
        #expect(stored.text == text)
        if case .bits = stored { #expect(inTwoWords) } else { #expect(!inTwoWords) }
        let entry = EventLedger.Entry(sequence: 3, fingerprint: text, revised: Instant(Day(2026, 5, 1)))
        #expect(entry.fingerprint == text)
        #expect(entry.has(fingerprint: text))
        #expect(!entry.has(fingerprint: text + "0"))
        #expect(entry.revised == Instant(Day(2026, 5, 1)) && entry.removed == nil)
    }
}
