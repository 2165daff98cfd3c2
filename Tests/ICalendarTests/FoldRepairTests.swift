import Testing

@testable import ICalendar

/// libical 3.0.16 can fold inside a line's CRLF or leave an empty continuation line.
@Suite struct FoldRepairTests {
    static let cases: [(input: String, expected: String)] = [
        ("A:b\r\n", "A:b\r\n"),
        ("A:b\r\r\n \nB:c\r\n", "A:b\r\nB:c\r\n"),
        ("A:b\r\n \r\nB:c\r\n", "A:b\r\nB:c\r\n"),
        ("A:long\r\n  continued with a space\r\n", "A:long\r\n  continued with a space\r\n"),
        ("A:x\r\n cont\r\n", "A:x\r\n cont\r\n"),
        ("A:å\r\r\n \nB:ö\r\n \r\n", "A:å\r\nB:ö\r\n"),
        ("", ""),
    ]

    @Test(arguments: cases)
    func repairsOnlyTheTwoSlips(input: String, expected: String) {
        var output: [UInt8] = []
        Array(input.utf8).withUnsafeBufferPointer { buffer in
            FoldRepair.write(buffer) { output.append(contentsOf: $0) }
        }
        #expect(String(decoding: output, as: UTF8.self) == expected)
    }
}
