import ICalendar
import Testing

/// A feed read back is split into its events at line starts, and each event's UID is
/// read across folds and TEXT escapes without copying.
@Suite struct VEventBlocksTests {
    @Test(arguments: [
        ("BEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nEND:VEVENT\r\n", ["a", "b"]),
        ("BEGIN:VEVENT\r\nDESCRIPTION:x BEGIN:VEVENT\\n\r\nUID:a\r\nEND:VEVENT\r\n", ["a"]),
        ("BEGIN:VEVENT\r\nDESCRIPTION:x\r\n BEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\n", ["a"]),
        ("BEGIN:VEVENT\r\nUID:long-\r\n uid\\,with\\;escapes\r\nEND:VEVENT\r\n", ["long-uid,with;escapes"]),
        ("", []),
    ])
    func eventBlocksAreFoundAtLineStartsOnly(text: String, uids: [String]) {
        let bytes = Array(text.utf8)
        let blocks = VEventBlocks.ranges(in: bytes, from: 0, to: bytes.count)
        #expect(blocks.map { VEventBlocks.uid(in: bytes[$0]) } == uids)
        #expect(blocks.map { bytes[$0] }.reduce([], +) == bytes)
        for (block, uid) in zip(blocks, uids) {
            #expect(VEventBlocks.hasUID(bytes[block], uid))
            #expect(!VEventBlocks.hasUID(bytes[block], uid + "x"))
            #expect(!VEventBlocks.hasUID(bytes[block], String(uid.dropLast())))
        }
    }
}
