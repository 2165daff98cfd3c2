import Registry

extension EventLedger {
    static let header =
        "# SEQUENCE ledger written by `samverkan export`: UID, SEQUENCE, content fingerprint,\n"
        + "# revised (UTC, DTSTAMP and LAST-MODIFIED), removed (UTC, empty while published),\n"
        + "# then what subscribers saw: timing, place, status, title, municipalities, URL, and for a\n"
        + "# deadline the answers recorded (for a meeting, an empty column), then for a meeting its\n"
        + "# agenda items, decisions and attendance by key. UID#municipalities/SLUG is that\n"
        + "# municipality's own wording of the event, in its feed; UID#people/SLUG a person's, in\n"
        + "# their own feed.\n"
        + "# Commit it with the feeds; never edit it by hand.\n"

    /// What a line holds, for naming a malformed one.
    static let lineFormat =
        "UID<TAB>SEQUENCE<TAB>FINGERPRINT[<TAB>REVISED<TAB>REMOVED[<TAB>TIMING<TAB>PLACE<TAB>STATUS"
        + "<TAB>TITLE<TAB>MUNICIPALITIES<TAB>URL[<TAB>ANSWERS[<TAB>FACTS]]]]"

    /// Lines of `sequences.tsv` read by one core.
    static let linesPerPart = 16_384

    /// Reads `sequences.tsv` (lines of three, five, eleven, twelve or thirteen columns, as `tsv`
    /// writes them), a part per core; a later line for the same key wins, and the first line
    /// in any other form is named.
    public init(tsv text: String) throws(LedgerError) {
        let bytes = Array(text.utf8)
        let lines = LedgerText.lineRanges(bytes)
        let parsed = Parallel.map(Parallel.parts(lines.count, size: Self.linesPerPart)) { part in
            Result { () throws(LedgerError) in
                try Self.entries(bytes, lines: lines[part], firstIndex: part.lowerBound)
            }
        }
        self.init()
        reserveCapacity(lines.count)
        for part in parsed {
            for (key, entry) in try part.get() { record(key, entry) }
        }
    }

    /// The entries of some lines of `bytes`, in file order; `firstIndex` is the first
    /// line's index in the file.
    private static func entries(_ bytes: [UInt8], lines: ArraySlice<Range<Int>>, firstIndex: Int)
        throws(LedgerError) -> [(LedgerKey, Entry)]
    {
        let read = bytes.withUnsafeBufferPointer { buffer -> Result<[(LedgerKey, Entry)], LedgerError> in
            var entries: [(LedgerKey, Entry)] = []
            entries.reserveCapacity(lines.count)
            var reader = EventLedgerLine()
            for (offset, range) in lines.enumerated() {
                let line = UnsafeBufferPointer(rebasing: buffer[range])
                if LedgerText.isBlankOrComment(line) { continue }
                guard let entry = reader.entry(line) else {
                    return .failure(
                        LedgerError(
                            file: fileName, line: firstIndex + offset + 1,
                            text: EventLedgerLine.text(line[...]),
                            expected: lineFormat))
                }
                entries.append(entry)
            }
            return .success(entries)
        }
        return try read.get()
    }

    /// `sequences.tsv`, sorted by key so the file diffs cleanly. Written as bytes: a ledger
    /// of 100,000 events is 40 MB, which appending to a `String` takes seconds to build.
    public var tsv: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 256)
        bytes.append(contentsOf: Self.header.utf8)
        let tab = UInt8(ascii: "\t")
        for (text, key) in Self.sorted(entries.map(\.key)) {
            let entry = self[key]!
            bytes.append(contentsOf: text.utf8)
            bytes.append(tab)
            bytes.append(contentsOf: String(entry.sequence).utf8)
            bytes.append(tab)
            bytes.append(contentsOf: entry.fingerprint.utf8)
            if let revised = entry.revised {
                bytes.append(tab)
                bytes.append(contentsOf: revised.description.utf8)
                bytes.append(tab)
                if let removed = entry.removed { bytes.append(contentsOf: removed.description.utf8) }
                for column in entry.state?.columns ?? [] {
                    bytes.append(tab)
                    bytes.append(contentsOf: column.utf8)
                }
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The line and field splitting all four ledger files share, on UTF-8 bytes: `\n` and
/// `\t` are never part of a multi-byte character, and walking bytes is many times faster
/// than walking characters over a ledger of 100,000 lines.
enum LedgerText {
    static func lines(_ text: String) -> [Substring] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// Where each line of `bytes` lies, the text after the last `\n` included.
    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            lines.append(start..<index)
            start = index + 1
        }
        lines.append(start..<bytes.count)
        return lines
    }

    /// Whether a line is one `read` skips: empty, or a comment (it starts with `#` as a
    /// character of its own, as `hasPrefix("#")` tells).
    static func isBlankOrComment(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = line.first else { return true }
        guard first == UInt8(ascii: "#") else { return false }
        // An ASCII byte after `#` always starts a character of its own.
        guard line.count > 1, line[1] >= 0x80 else { return true }
        return EventLedgerLine.text(line[...]).hasPrefix("#")
    }

    static func fields(_ line: Substring) -> [Substring] {
        line.utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// Each line that carries a record (not a comment, not blank) read by `parse` from its
    /// fields; the first line `parse` returns nil for is named in the error, with what
    /// `file` expects there.
    static func read<Record>(
        _ text: String, file: String, expected: String, _ parse: ([Substring]) -> Record?
    ) throws(LedgerError) -> [Record] {
        var records: [Record] = []
        for (index, line) in lines(text).enumerated() where !line.isEmpty && !line.hasPrefix("#") {
            guard let record = parse(fields(line)) else {
                throw LedgerError(file: file, line: index + 1, text: String(line), expected: expected)
            }
            records.append(record)
        }
        return records
    }
}

/// A line of a ledger file that cannot be read, named with what the file expects there.
public struct LedgerError: Error, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let text: String
    /// The line's format, in the file's own words.
    public let expected: String

    public init(file: String, line: Int, text: String, expected: String) {
        self.file = file
        self.line = line
        self.text = text
        self.expected = expected
    }

    public var description: String { "\(file):\(line): expected \(expected), found '\(text)'" }
}
