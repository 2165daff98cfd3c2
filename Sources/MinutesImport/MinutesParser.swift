import Registry

/// Reads the parts of minutes from their cleaned lines: the header, who was there, the
/// items with their summaries, presenters and decisions. It reads headings and the shape
/// of lines, not particular sentences, so minutes of other meetings in the same layout
/// read the same way; what it cannot place it lists.
public struct MinutesParser {
    enum Section {
        case header, present, absent, item, summary, decisions, ended
    }

    var result = ParsedMinutes()
    var section = Section.header

    /// Parses `text` (the minutes' whole text).
    public static func parse(_ text: MinutesText) -> ParsedMinutes {
        var parser = MinutesParser()
        parser.result.title = text.title
        parser.result.titleLine = text.lines.first?.number
        for line in text.lines.dropFirst() { parser.read(line) }
        return parser.result
    }

    private mutating func read(_ line: MinutesLine) {
        let text = line.text
        let folded = Text.fold(text)
        if section == .ended {
            result.skippedAfterEnd += 1
            return
        }
        if MinutesParser.endMarkers.contains(where: { folded.hasPrefix($0) }) {
            section = .ended
            return
        }
        if readAttendanceHeading(line, folded: folded) || readItemHeading(line) { return }
        switch section {
        case .header: readHeader(line, folded: folded)
        case .present: readAttendee(text.isEmpty ? nil : line, mode: .present)
        case .absent: readAttendee(line, mode: .absent)
        case .item, .summary, .decisions: readItemLine(line, folded: folded)
        case .ended: break
        }
    }

    /// Where the text of the minutes ends: signatures and their legal notes follow.
    static let endMarkers = ["underskriftssida", "justerandes signatur", "vid protokollet", "justeras"]

    // MARK: Header

    private mutating func readHeader(_ line: MinutesLine, folded: String) {
        let text = line.text
        if text.contains("@"), !text.contains(" ") {
            result.email = text
            return
        }
        let words = text.split(separator: " ")
        if words.count == 2, let day = Day(iso: words[1]), day.isValid {
            result.date = result.date ?? day
            result.dateLine = result.dateLine ?? line.number
            result.place = result.place ?? String(words[0])
            result.placeLine = result.placeLine ?? line.number
            return
        }
        if let colon = text.firstIndex(of: ":"),
            ["tid och plats", "plats och tid", "tid", "plats", "datum", "sammantradesdatum"].contains(
                Text.fold(text[..<colon]).trimmingCharacters())
        {
            readTimeAndPlace(String(text[text.index(after: colon)...]), line: line.number)
            return
        }
        if folded.hasPrefix("sammantradesprotokoll") || folded.hasPrefix("protokoll") {
            result.layout = .paragraphs
            return
        }
        result.notUnderstood.append(line)
    }

    /// "Den 10 april 2026 08.30-10:30 på Mindpark, Helsingborg": day, time and place.
    private mutating func readTimeAndPlace(_ text: String, line: Int) {
        let anchor = result.date ?? Day(2000, 1, 1)
        if let mention = SwedishDates.firstDate(in: text, meeting: anchor, direction: .forward),
            !mention.yearChosen
        {
            result.date = mention.day
            result.dateLine = line
        }
        if let time = SwedishDates.timeRange(in: text) { result.time = time }
        if let range = text.firstRange(of: " på ") {
            result.place = String(text[range.upperBound...]).trimmingCharacters()
            result.placeLine = line
            return
        }
        // "Stadshuset, Helsingborg, tisdagen den 3 mars 2026 kl 13.00–15.30": the parts
        // with no date or time in them.
        let parts = text.split(separator: ",").map { $0.trimmingCharacters() }.filter { part in
            !part.isEmpty && SwedishDates.firstDate(in: part, meeting: anchor, direction: .forward) == nil
                && SwedishDates.timeRange(in: part) == nil && !part.contains(where: \.isNumber)
        }
        if !parts.isEmpty {
            result.place = parts.joined(separator: ", ")
            result.placeLine = line
        }
    }

    // MARK: Attendance

    private static let presentHeadings = [
        "narvarande", "beslutande", "ovriga narvarande", "narvarande ledamoter",
    ]
    private static let absentHeadings = ["franvarande", "anmalt forhinder"]

    private mutating func readAttendanceHeading(_ line: MinutesLine, folded: String) -> Bool {
        guard section == .header || section == .present || section == .absent else { return false }
        let heading = folded.split(separator: ":", maxSplits: 1).first.map(String.init) ?? folded
        let rest = line.text.split(separator: ":", maxSplits: 1).dropFirst().first.map {
            $0.trimmingCharacters()
        }
        let mode: Attendance.Mode
        if MinutesParser.presentHeadings.contains(heading.trimmingCharacters()) {
            mode = .present
            section = .present
            if heading.hasPrefix("beslutande") { result.layout = .paragraphs }
        } else if MinutesParser.absentHeadings.contains(heading.trimmingCharacters()) {
            mode = .absent
            section = .absent
        } else {
            return false
        }
        if let rest, !rest.isEmpty { readAttendee(MinutesLine(number: line.number, text: rest), mode: mode) }
        return true
    }

    /// "Tomas Rikse, Klippan via TEAMS", "Anna Berg (S), ordförande", "Marie Appelqvist, Perstorp".
    private mutating func readAttendee(_ line: MinutesLine?, mode: Attendance.Mode) {
        guard let line else { return }
        var text = line.text
        var mode = mode
        for marker in [" via teams", " via zoom", " på distans", " (distans)", " digitalt", " via länk"] {
            if let without = text.removingIgnoringCase(marker) {
                text = without
                if mode == .present { mode = .remote }
            }
        }
        let split = text.firstIndex(where: { $0 == "," || $0 == "(" })
        let name = String(split.map { text[..<$0] } ?? Substring(text)).trimmingCharacters()
        var affiliation = split.map { String(text[text.index(after: $0)...]) }?.trimmingCharacters()
        affiliation = affiliation?.replacing(")", with: "").trimmingCharacters()
        guard MinutesParser.looksLikeName(name) else {
            result.notUnderstood.append(line)
            return
        }
        result.attendees.append(
            ListedAttendee(
                name: name, affiliation: affiliation?.isEmpty == false ? affiliation : nil, mode: mode,
                line: line.number))
    }

    /// Two to four words, each starting with a capital letter: "Sofia Andersson Widen".
    static func looksLikeName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return (2...4).contains(words.count)
            && words.allSatisfy {
                $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || $0 == "-" }
            }
    }
}

// MARK: Items

extension MinutesParser {
    var items: [ParsedItem] { result.items }
    var layout: ParsedMinutes.Layout {
        get { result.layout }
        set { result.layout = newValue }
    }
    var inDecisions: Bool { section == .decisions }

    mutating func enterItem() { section = .item }
    mutating func startSummary() { section = .summary }
    mutating func startDecisions() { section = .decisions }

    mutating func addDecision(_ decision: ParsedDecision) {
        result.items[result.items.count - 1].decisions.append(decision)
    }

    /// Joins a continuation line to the last decision; false when there is none.
    mutating func appendToLastDecision(_ text: String) -> Bool {
        let item = result.items.count - 1
        guard item >= 0, let last = result.items[item].decisions.indices.last else { return false }
        result.items[item].decisions[last].text += " " + text
        return true
    }

    /// A summary line; a decision reported inside it ("På mötet beslutades att …") and a
    /// person it says reported ("redovisade Britt Nymberg") are read from it too.
    mutating func appendSummary(_ line: MinutesLine) {
        let item = result.items.count - 1
        guard item >= 0 else {
            result.notUnderstood.append(line)
            return
        }
        result.items[item].summary.append(line)
        let folded = Text.fold(line.text)
        for marker in ["pa motet beslutades att ", "beslutades att ", "beslutade man att "] {
            guard let range = folded.firstRange(of: marker) else { continue }
            let offset = folded.distance(from: folded.startIndex, to: range.upperBound)
            let rest = line.text.dropFirst(offset)
            let text = "Att " + rest
            result.items[item].decisions.append(ParsedDecision(text: text, line: line.number, reported: true))
            break
        }
        for marker in ["redovisade ", "presenterade "] {
            guard let range = folded.firstRange(of: marker) else { continue }
            let offset = folded.distance(from: folded.startIndex, to: range.upperBound)
            let words = line.text.dropFirst(offset).split(separator: " ").prefix(while: {
                $0.first?.isUppercase == true
            })
            let name = words.prefix(3).joined(separator: " ")
            if MinutesParser.looksLikeName(name) {
                result.items[item].presenters.append((name, nil, line.number))
            }
        }
    }

    /// "Anna Kronbert Helsingborg stad och Karl Lundberg Ängelholms kommun.": each person,
    /// with what follows the name when it is not part of it.
    mutating func addPresenters(_ text: String, line: Int) {
        let item = result.items.count - 1
        guard item >= 0 else { return }
        var cleaned = text
        while cleaned.hasSuffix(".") { cleaned.removeLast() }
        let parts = cleaned.replacing(" och ", with: ", ").split(separator: ",").map {
            $0.trimmingCharacters()
        }
        for part in parts where !part.isEmpty {
            let words = part.split(separator: " ").map(String.init)
            let name = words.prefix(2).joined(separator: " ")
            let rest = words.dropFirst(2).joined(separator: " ")
            result.items[item].presenters.append((name, rest.isEmpty ? nil : rest, line))
        }
    }
}

extension String {
    /// The text with the first occurrence of `marker` (lower case) removed, in any case;
    /// nil when it does not occur.
    func removingIgnoringCase(_ marker: String) -> String? {
        let characters = Array(self)
        let lowered = characters.map { $0.lowercased().first ?? $0 }
        let target = Array(marker)
        guard target.count <= lowered.count else { return nil }
        for start in 0...(lowered.count - target.count)
        where Array(lowered[start..<start + target.count]) == target {
            return String(characters[..<start] + characters[(start + target.count)...])
        }
        return nil
    }

}

extension StringProtocol {
    /// The text without leading and trailing spaces.
    func trimmingCharacters() -> String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
