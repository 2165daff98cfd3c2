/// A plain-text table that fits a terminal: columns shrink to fit the width, and cells
/// wrap at spaces and hyphens instead of being cut.
///
///     Person           Role
///     ---------------  --------------
///     Agneta Fristedt  kommundirektör
struct TextTable: Sendable {
    var headers: [String]
    var rows: [[String]]

    /// Spaces between columns.
    static let gap = 2

    /// The table in at most `width` columns per line (unless a single column's header
    /// cannot fit), with a newline after every line and no trailing spaces.
    func render(width: Int = 80) -> String {
        let columns = headers.count
        let cells = rows.map { row in (0..<columns).map { $0 < row.count ? row[$0] : "" } }
        let natural = (0..<columns).map { column in
            max(headers[column].count, cells.map { $0[column].count }.max() ?? 0)
        }
        // Shrink the widest column first: down to its longest word (so no word is cut),
        // then, only if that is not enough, down to its header's longest word.
        let header = (0..<columns).map { column in
            min(natural[column], max(TextTable.longestWord(headers[column]), 6))
        }
        let words = (0..<columns).map { column in
            max(header[column], cells.map { TextTable.longestWord($0[column]) }.max() ?? 0)
        }
        var widths = natural
        let available = width - TextTable.gap * (columns - 1)
        for minimum in [words, header] {
            while widths.reduce(0, +) > available {
                let shrinkable = (0..<columns).filter { widths[$0] > minimum[$0] }
                guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
            }
        }

        var lines: [String] = []
        func emit(_ row: [String]) {
            let wrapped = (0..<columns).map { TextTable.wrap(row[$0], width: widths[$0]) }
            let height = wrapped.map(\.count).max() ?? 1
            for index in 0..<height {
                let parts = (0..<columns).map { column -> String in
                    let text = index < wrapped[column].count ? wrapped[column][index] : ""
                    return text + String(repeating: " ", count: max(0, widths[column] - text.count))
                }
                lines.append(TextTable.trimmingTrailingSpaces(parts.joined(separator: "  ")))
            }
        }
        emit(headers)
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        for row in cells { emit(row) }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Lines of at most `width` characters, broken at spaces, then after hyphens, then
    /// anywhere. Always at least one line.
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            for (index, piece) in pieces(of: String(word), width: width).enumerated() {
                // The first piece of a word follows a space; the rest continue the word.
                let joiner = index == 0 ? " " : ""
                if line.isEmpty {
                    line = piece
                } else if line.count + joiner.count + piece.count <= width {
                    line += joiner + piece
                } else {
                    lines.append(line)
                    line = piece
                }
            }
        }
        lines.append(line)
        return lines
    }

    /// A word cut into pieces that fit: after its hyphens where possible.
    private static func pieces(of word: String, width: Int) -> [String] {
        guard word.count > width else { return [word] }
        var result: [String] = []
        var rest = Substring(word)
        while rest.count > width {
            let head = rest.prefix(width)
            let cut = head.lastIndex(of: "-").map { rest.index(after: $0) } ?? head.endIndex
            result.append(String(rest[..<cut]))
            rest = rest[cut...]
        }
        if !rest.isEmpty { result.append(String(rest)) }
        return result
    }

    /// The longest run that wrapping keeps together: a word, or a part of one up to and
    /// including a hyphen.
    private static func longestWord(_ text: String) -> Int {
        var longest = 0
        for word in text.split(separator: " ") {
            var run = 0
            for character in word {
                run += 1
                if character == "-" {
                    longest = max(longest, run)
                    run = 0
                }
            }
            longest = max(longest, run)
        }
        return longest
    }

    static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
