/// One line of the minutes as read, with its number in the file (from 1), so that every
/// draft and every line not understood can point back at it.
public struct MinutesLine: Hashable, Sendable {
    public let number: Int
    public let text: String

    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}

/// The text of minutes, cleaned of what taking text out of a PDF leaves behind: stray
/// `**`, a leading `- `, blank lines, and the title repeated at the top of every page.
public struct MinutesText: Sendable {
    /// The non-blank lines, cleaned, in order.
    public let lines: [MinutesLine]
    /// The first line: the document's own heading.
    public let title: String?

    public init(_ text: String) {
        var cleaned: [MinutesLine] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = MinutesText.clean(raw)
            if !line.isEmpty { cleaned.append(MinutesLine(number: offset + 1, text: line)) }
        }
        let title = cleaned.first?.text
        self.title = title
        // A page break repeats the heading; drop the repeats, keeping the first.
        lines = cleaned.enumerated().filter { $0.offset == 0 || $0.element.text != title }.map(\.element)
    }

    /// A line without the artefacts of PDF text: `**`, a leading bullet, runs of spaces.
    static func clean(_ raw: Substring) -> String {
        var line = raw.replacing("**", with: "").replacing("\u{00A0}", with: " ").replacing("\t", with: " ")
        line = line.replacing("\r", with: "").replacing("\u{000C}", with: "")
        var words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        while let first = words.first, ["-", "•", "–", "*"].contains(first) { words.removeFirst() }
        return words.joined(separator: " ")
    }
}
