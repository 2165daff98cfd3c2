/// A Markdown table with padded columns, for results pasted into BENCHMARKS.md.
struct MarkdownTable {
    let header: [String]
    var rows: [[String]] = []

    init(_ header: [String]) { self.header = header }

    mutating func append(_ row: [String]) { rows.append(row) }

    var text: String {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            "| "
                + zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }
                .joined(separator: " | ") + " |"
        }
        let rule = "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|"
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}

/// Number formatting without Foundation's locale: `12.3`, `1.45`.
enum Format {
    static func fixed(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = Int((value * scale).rounded())
        guard digits > 0 else { return String(rounded) }
        let sign = rounded < 0 ? "-" : ""
        let magnitude = abs(rounded)
        let fraction = String(magnitude % Int(scale))
        return
            "\(sign)\(magnitude / Int(scale)).\(String(repeating: "0", count: digits - fraction.count))\(fraction)"
    }

    static func seconds(_ value: Double) -> String { fixed(value, digits: value < 10 ? 2 : 1) + " s" }

    static func gigabytes(kilobytes: Int) -> String {
        fixed(Double(kilobytes) / 1_048_576, digits: 2) + " GB"
    }
}
