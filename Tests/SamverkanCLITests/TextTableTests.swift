import Testing

@testable import samverkan

@Suite("Text tables")
struct TextTableTests {
    @Test("a table too wide for the terminal wraps its cells at spaces and hyphens, never past the width")
    func tableWraps() {
        let table = TextTable(
            headers: ["ID", "Name", "Purpose"],
            rows: [
                [
                    "arbetsgruppen-personalutbildning", "Arbetsgruppen för personalutbildning",
                    String(repeating: "lång text ", count: 20),
                ],
                ["x", "y", "z"],
            ])
        let text = table.render(width: 80)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.allSatisfy { $0.count <= 80 && $0.last != " " })
        #expect(text.contains("arbetsgruppen-"))
        #expect(text.contains("personalutbildning"))
        #expect(text.split(separator: "\n").count > 4)
    }

    @Test("wrapping keeps words whole when they fit", arguments: [18, 20, 35])
    func wrapWords(width: Int) {
        let text = "Kommundirektörerna tar upp frågan den 22 maj 2026"
        let lines = TextTable.wrap(text, width: width)
        #expect(lines.allSatisfy { $0.count <= width })
        #expect(lines.joined(separator: " ") == text)
    }
}
