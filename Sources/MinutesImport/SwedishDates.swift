public import Registry

/// A date found in the text of minutes, with how sure the reading is.
public struct DateMention: Hashable, Sendable {
    public let day: Day
    /// The words as the minutes write them: "den 30/4 2026", "1 maj", "vecka 37".
    public let text: String
    /// The minutes gave no year; it was chosen by `DateDirection`.
    public let yearChosen: Bool
    /// Why the date is a guess, in Swedish, when it is one; nil when the text settles it.
    public let guess: String?
    /// Only a week was given ("vecka 37"): the day is that week's Monday.
    public let weekOnly: Bool
}

/// Which way a date without a year leans from the meeting: what is planned lies ahead,
/// what is reported as done lies behind.
public enum DateDirection: Sendable {
    case forward, backward
}

/// Swedish dates and times as minutes write them.
public enum SwedishDates {
    static let months: [(String, Int)] = [
        ("januari", 1), ("februari", 2), ("mars", 3), ("april", 4), ("maj", 5), ("juni", 6),
        ("juli", 7), ("augusti", 8), ("september", 9), ("oktober", 10), ("november", 11),
        ("december", 12), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7),
        ("aug", 8), ("sept", 9), ("sep", 9), ("okt", 10), ("nov", 11), ("dec", 12),
    ]

    /// A month's number from its Swedish name or abbreviation ("maj", "okt."), any case.
    public static func month(named word: some StringProtocol) -> Int? {
        var folded = word.lowercased()
        while folded.hasSuffix(".") { folded.removeLast() }
        return months.first { $0.0 == folded }?.1
    }

    /// How far ahead or behind the meeting a date without a year may lie and still be read
    /// without doubt: half a year. Past that, the year is marked as a guess.
    static let certainSpan = 183

    /// Every date in `text`, in order, each read relative to the meeting on `meeting`.
    public static func dates(in text: String, meeting: Day, direction: DateDirection) -> [DateMention] {
        let tokens = DateTokens(text)
        var found: [DateMention] = []
        var index = 0
        while index < tokens.count {
            if let (mention, used) = date(at: index, tokens, meeting: meeting, direction: direction) {
                found.append(mention)
                index += used
            } else {
                index += 1
            }
        }
        return found
    }

    /// The first date in `text`, if any.
    public static func firstDate(in text: String, meeting: Day, direction: DateDirection) -> DateMention? {
        dates(in: text, meeting: meeting, direction: direction).first
    }

    /// A date starting at token `index`: the date and how many tokens it took.
    static func date(
        at index: Int, _ tokens: DateTokens, meeting: Day, direction: DateDirection
    ) -> (DateMention, Int)? {
        let word = tokens[index]
        if let iso = Day(iso: word), iso.isValid {
            return (DateMention(day: iso, text: word, yearChosen: false, guess: nil, weekOnly: false), 1)
        }
        if word.lowercased() == "vecka" || word.lowercased() == "v.",
            let week = tokens.number(at: index + 1), (1...53).contains(week)
        {
            let explicit = tokens.year(at: index + 2)
            let text = tokens.text(index, count: explicit == nil ? 2 : 3)
            let mention = resolve(
                text: text, explicitYear: explicit, meeting: meeting, direction: direction, weekOnly: true
            ) { year in mondayOf(week: week, year: year) }
            return mention.map { ($0, explicit == nil ? 2 : 3) }
        }
        if let (day, month, slashYear) = numericDayMonth(word) {
            let explicit = slashYear ?? tokens.year(at: index + 1)
            let used = slashYear == nil && explicit != nil ? 2 : 1
            let mention = resolve(
                text: tokens.text(index, count: used), explicitYear: explicit, meeting: meeting,
                direction: direction, weekOnly: false
            ) { year in Day(year, month, day) }
            return mention.map { ($0, used) }
        }
        if let day = tokens.dayOfMonth(at: index), let month = tokens.month(at: index + 1) {
            let explicit = tokens.year(at: index + 2)
            let used = explicit == nil ? 2 : 3
            let mention = resolve(
                text: tokens.text(index, count: used), explicitYear: explicit, meeting: meeting,
                direction: direction, weekOnly: false
            ) { year in Day(year, month, day) }
            return mention.map { ($0, used) }
        }
        return nil
    }

    /// "30/4", "30/4-2026", "30/4/2026", "30.4.2026": day, month and a year if written.
    static func numericDayMonth(_ word: String) -> (Int, Int, Int?)? {
        let parts = word.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard word.contains("/") || (word.contains(".") && parts.count == 3),
            parts.count == 2 || parts.count == 3,
            let day = Int(parts[0]), let month = Int(parts[1]), (1...31).contains(day),
            (1...12).contains(month)
        else { return nil }
        if parts.count == 3 {
            guard let year = Int(parts[2]) else { return nil }
            return (day, month, year < 100 ? 2000 + year : year)
        }
        return (day, month, nil)
    }

    /// The date `make` gives for the written year, or for the year `direction` picks.
    static func resolve(
        text: String, explicitYear: Int?, meeting: Day, direction: DateDirection, weekOnly: Bool,
        make: (Int) -> Day
    ) -> DateMention? {
        if let explicitYear {
            let day = make(explicitYear)
            guard day.isValid else { return nil }
            let guess = weekOnly ? "Protokollet anger bara vecka; dagen är veckans måndag." : nil
            return DateMention(day: day, text: text, yearChosen: false, guess: guess, weekOnly: weekOnly)
        }
        let candidates = (meeting.year - 2...meeting.year + 2).map(make).filter(\.isValid)
        let chosen: Day?
        switch direction {
        case .forward: chosen = candidates.first { $0 >= meeting }
        case .backward: chosen = candidates.last { $0 <= meeting }
        }
        guard let day = chosen else { return nil }
        var reasons: [String] = []
        if abs(meeting.days(until: day)) > certainSpan {
            let way = direction == .forward ? "närmast efter" : "närmast före"
            reasons.append(
                "Protokollet anger inget år; \(day.year) är året \(way) mötet den \(meeting.swedishText).")
        }
        if weekOnly { reasons.append("Protokollet anger bara vecka; dagen är veckans måndag.") }
        return DateMention(
            day: day, text: text, yearChosen: true,
            guess: reasons.isEmpty ? nil : reasons.joined(separator: " "),
            weekOnly: weekOnly)
    }

    /// The Monday of ISO week `week` of `year`.
    public static func mondayOf(week: Int, year: Int) -> Day {
        let january4 = Day(year, 1, 4)
        let firstMonday = january4.adding(days: 1 - january4.weekday)
        return firstMonday.adding(days: (week - 1) * 7)
    }

    /// A time range: "08.30-10:30", "kl 08.30–11.30", "kl. 9–11", "13.00 till 15.00".
    public static func timeRange(in text: String) -> (from: LocalTime, to: LocalTime)? {
        let tokens = DateTokens(text, splittingDashes: true)
        for index in 0..<tokens.count {
            guard let from = time(tokens[index]) else { continue }
            var next = index + 1
            if next < tokens.count, ["-", "–", "—", "till"].contains(tokens[next].lowercased()) { next += 1 }
            guard next < tokens.count, let to = time(tokens[next]), from < to else { continue }
            let hasClock = tokens[index].contains(where: { $0 == "." || $0 == ":" })
            let clockWord = index > 0 && ["kl", "kl.", "klockan"].contains(tokens[index - 1].lowercased())
            if hasClock || clockWord { return (from, to) }
        }
        return nil
    }

    /// "08.30", "10:30", "9": a time of day.
    static func time(_ word: String) -> LocalTime? {
        let parts = word.split(whereSeparator: { $0 == "." || $0 == ":" })
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isNumber) }),
            let hour = Int(parts[0]), parts[0].count <= 2
        else { return nil }
        let minute = parts.count == 2 ? Int(parts[1]) ?? -1 : 0
        guard parts.count == 1 || parts[1].count == 2 else { return nil }
        let time = LocalTime(hour, minute)
        return time.isValid ? time : nil
    }
}

/// The words of a line, with the punctuation that ends a sentence taken off, for reading
/// dates token by token.
struct DateTokens {
    let words: [String]

    init(_ text: String, splittingDashes: Bool = false) {
        var spaced = text
        if splittingDashes {
            spaced = text.replacing("–", with: " – ").replacing("—", with: " — ")
            spaced = spaced.split(separator: " ").map { word in
                let digits = word.filter { $0 != "-" }
                let timeLike = digits.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" }
                return timeLike && word.contains("-") && !word.hasPrefix("-")
                    ? String(word).replacing("-", with: " - ") : String(word)
            }.joined(separator: " ")
        }
        words = spaced.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map { word in
            var text = String(word)
            while let last = text.last, ",;:()!?\"”".contains(last) { text.removeLast() }
            while let first = text.first, "(\"”".contains(first) { text.removeFirst() }
            if text.hasSuffix("."), text.dropLast().allSatisfy({ $0.isNumber || $0 == "/" || $0 == "-" }) {
                text.removeLast()
            }
            return text
        }
    }

    var count: Int { words.count }
    subscript(index: Int) -> String { words[index] }

    func text(_ index: Int, count: Int) -> String {
        words[index..<min(words.count, index + count)].joined(separator: " ")
    }

    func number(at index: Int) -> Int? {
        guard index < words.count else { return nil }
        return Int(words[index].trimmingSuffix("."))
    }

    /// "1", "1:a", "30": a day of the month.
    func dayOfMonth(at index: Int) -> Int? {
        guard index < words.count else { return nil }
        var word = words[index]
        for suffix in [":a", ":e"] where word.hasSuffix(suffix) { word.removeLast(2) }
        guard let day = Int(word), (1...31).contains(day) else { return nil }
        return day
    }

    func month(at index: Int) -> Int? {
        guard index < words.count else { return nil }
        return SwedishDates.month(named: words[index])
    }

    /// A four-digit year from 1990 to 2100.
    func year(at index: Int) -> Int? {
        guard index < words.count, words[index].count == 4, let year = Int(words[index]),
            (1990...2100).contains(year)
        else { return nil }
        return year
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
