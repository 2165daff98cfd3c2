import CSystemShims
public import Foundation
public import Registry

/// One string a reader sees that breaks a rule a program can check, with where it was.
public struct WordingFinding: Hashable, Sendable, CustomStringConvertible {
    public let place: String
    public let rule: String
    public let text: String

    public var description: String { "\(place): \(rule): \(text)" }
}

/// The rules of Swedish public writing that a program can check (Myndigheternas
/// skrivregler, Språkrådet, webbriktlinjer.se; `swedish-public-web.md`), over what readers
/// see: one way to write a time, ”…” quotation marks, lower case after a colon and mid-
/// sentence in generated text, and one phrase per concept.
///
/// Text the registry holds (names, titles, decision texts as minuted, places, reasons) is
/// exempt from the capital-letter rules: it is masked before they run, as is anything
/// inside ”…”, which marks text quoted. What a program cannot check (an apposition's
/// commas, a phrase attached to the wrong noun) is read by a person.
public struct WordingScan: Sendable {
    /// The registry's own strings, longest first: masked before the capital-letter rules.
    let data: [String]
    /// Positions in `data` by the first three letters of each string's first word: a text
    /// is masked only with the strings that could start at one of its words, instead of
    /// searching it for every string the registry holds.
    let dataByWordStart: [Substring: [Int]]

    /// Proper names the generated text itself uses.
    static let properNames = [
        "Familjen Helsingborgs", "Familjen Helsingborg", "Europe/Stockholm", "Google Kalender",
        "Apple Kalender", "Google", "Outlook", "Apple", "Thunderbird", "Teams", "Atom", "iCalendar",
        "Popolo", "JSON", "CSV", "DIGG", "Chrome", "Firefox", "Safari", "Android", "iPhone", "Mac",
        "Windows", "JavaScript", "Chromium", "Digg",
        // The calendar apps' own button and menu labels, named as the apps spell them.
        "Lägg till i Google Kalender", "Andra kalendrar", "Från webbadress", "Lägg till kalender",
        "Prenumerera från webben", "Prenumerera", "Arkiv", "Ny kalenderprenumeration", "Ny kalender",
        "I nätverket",
    ]

    /// Phrases that say a concept a second way; the one way is given for the message.
    public static let variants: [(variant: String, use: String)] = [
        ("(antaget)", "(tolkning): \"antaget\" reads as formally adopted"),
        ("gav fullmakt", "lämnat fullmakt"),
        ("avböjde", "avböjt"),
        ("svarat nej", "avböjt / tackat nej"),
        ("bad om anstånd", "bett om anstånd"),
        ("Tid ej fastställd", "Tiden är inte bestämd."),
        ("tid ej bestämd", "tiden är inte bestämd"),
        ("inte förfallet", "har inte svarat"),
        ("ej svarat", "har inte svarat"),
        ("hålls nu i", "ny plats: …"),
        ("har ändrats.", "name the change"),
        ("Begärt: teckna fullmakt", "an offer: Erbjudande: …"),
    ]

    /// - Parameter sentences: Whole sentences shown as units after a label or a date (the
    ///   change log's entries: "4 december 2026: Texterna … har uppdaterats."), masked
    ///   like the registry's text; they are scanned on their own where they are made.
    public init(registry: Registry, sentences: [String] = []) {
        var strings: [String] = sentences
        strings += registry.municipalities.flatMap { [$0.name, $0.officialName] + $0.aliases }
        strings += registry.people.map(\.name)
        strings += registry.bodies.flatMap { [$0.name, $0.nameInSentence, $0.purpose ?? ""] }
        strings += registry.documents.map(\.title)
        strings += registry.meetings.flatMap { meeting in
            [meeting.title, meeting.place ?? "", meeting.remote ?? ""]
                + meeting.agenda.flatMap { [$0.title, $0.summary ?? ""] }
        }
        strings += registry.decisions.flatMap { [$0.title, $0.text] }
        strings += registry.actionRequests.map(\.what)
        strings += registry.appointments.map(\.title)
        strings += registry.memberships.map(\.role.title)
        strings += registry.inferredFacts.map(\.mark.reason)
        strings += Self.properNames
        let data = Set(strings.filter { $0.count > 1 }).sorted { ($0.count, $0) > ($1.count, $1) }
        self.data = data
        dataByWordStart = Dictionary(
            grouping: data.indices, by: { Self.words(data[$0]).first?.prefix(3) ?? "" })
    }

    /// The runs of letters and digits in `text`.
    static func words(_ text: String) -> [Substring] {
        text.split { !$0.isLetter && !$0.isNumber }
    }

    /// The findings in `text`, a string a reader sees at `place`. `sentences` adds the
    /// capital-letter rules, for generated running text (feeds, pages, Atom).
    public func scan(_ text: String, place: String, sentences: Bool) -> [WordingFinding] {
        var found: [WordingFinding] = []
        func flag(_ rule: String, _ match: some StringProtocol) {
            found.append(WordingFinding(place: place, rule: rule, text: Self.context(of: match, in: text)))
        }
        // Each rule's regular expression runs only where its cheapest part occurs: most
        // texts have no colon, no "kl. 0" and no quotation mark.
        if text.utf8.contains(UInt8(ascii: ":")), let match = text.firstMatch(of: Self.colonTime) {
            flag("time with a colon (write 08.30 or kl. 8.30)", match.0)
        }
        if Self.occurs("kl. 0", in: text), let match = text.firstMatch(of: Self.paddedRunningTime) {
            flag("zero-padded hour in running text (kl. 8.30)", match.0)
        }
        if text.unicodeScalars.contains(where: Self.straightQuoteScalars.contains),
            let match = text.firstMatch(of: Self.straightQuotes)
        {
            flag("quotation mark other than ”", match.0)
        }
        for (variant, use) in Self.variants where Self.occurs(variant, in: text) {
            flag("one phrase per concept: not \"\(variant)\" but \(use)", variant)
        }
        // Masking only puts "§" in, which neither capital rule matches, so a text without a
        // match before masking has none after: skip the costly masking.
        guard sentences, text.contains(Self.capitalAfterColon) || text.contains(Self.capitalMidSentence)
        else { return found }
        let masked = mask(text)
        if let match = masked.firstMatch(of: Self.capitalAfterColon) {
            flag("capital after a colon", match.0)
        }
        if let match = masked.firstMatch(of: Self.capitalMidSentence) {
            flag("capital mid-sentence", match.0)
        }
        return found
    }

    /// Whether `part` occurs in `text`, compared by their UTF-8 bytes (the project's memmem,
    /// `csystem_find`): as `String.contains` for the composed text the exports hold, and far
    /// cheaper than Foundation's search or the generic collection algorithms in a debug build.
    static func occurs(_ part: String, in text: String) -> Bool {
        var text = text
        var part = part
        return text.withUTF8 { text in
            part.withUTF8 { part in
                guard !part.isEmpty else { return true }
                guard let haystack = text.baseAddress, let needle = part.baseAddress else { return false }
                return csystem_find(haystack, text.count, needle, part.count) >= 0
            }
        }
    }

    static let straightQuoteScalars: Set<Unicode.Scalar> = ["\"", "“", "«", "»", "„"]

    /// `text` with the registry's strings, proper names and quoted text replaced by "§".
    func mask(_ text: String) -> String {
        // A word's first one, two and three letters: a string whose first word is shorter
        // than three letters, or is the start of a longer word ("Bjuv" in "Bjuvs"), is found.
        let starts = Set(Self.words(text).flatMap { word in (1...3).map { word.prefix($0) } })
        let candidates = (starts.flatMap { dataByWordStart[$0] ?? [] } + (dataByWordStart[""] ?? [])).sorted()
        var masked = text
        for value in candidates.map({ data[$0] }) where Self.occurs(value, in: masked) {
            masked = masked.replacingOccurrences(of: value, with: "§")
        }
        return masked.replacing(Self.quoted, with: "§")
    }

    static func context(of match: some StringProtocol, in text: String) -> String {
        guard let range = text.range(of: String(match)) else { return String(match) }
        let start = text.index(range.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 40, limitedBy: text.endIndex) ?? text.endIndex
        return String(text[start..<end])
    }

    nonisolated(unsafe) static let colonTime = /(?:^|[^\dT:+\-])\d{1,2}:\d{2}(?![\d:])/
    nonisolated(unsafe) static let machineValue =
        /(\d{4}-\d{2}-\d{2})?(T?\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?/
    nonisolated(unsafe) static let paddedRunningTime = /kl\. 0\d/
    nonisolated(unsafe) static let straightQuotes = /["“«»„]/
    nonisolated(unsafe) static let quoted = /”[^”\n]*”/
    nonisolated(unsafe) static let capitalAfterColon = /: [A-ZÅÄÖ][a-zåäö]/
    nonisolated(unsafe) static let capitalMidSentence = /[a-zåäö,] [A-ZÅÄÖ][a-zåäö]/

    // MARK: - What readers see, by format

    /// The values of an iCalendar file's text properties, unfolded and unescaped.
    public static func calendarTexts(_ ics: String) -> [(property: String, text: String)] {
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        return unfolded.split(separator: "\r\n").compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = String(line[..<colon].prefix { $0 != ";" })
            guard textProperties.contains(name) else { return nil }
            let value = line[line.index(after: colon)...]
                .replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\,", with: ",")
                .replacingOccurrences(of: "\\;", with: ";").replacingOccurrences(of: "\\\\", with: "\\")
            return (name, value)
        }
    }

    static let textProperties: Set<String> = [
        "SUMMARY", "DESCRIPTION", "LOCATION", "NAME", "X-WR-CALNAME", "X-WR-CALDESC", "CATEGORIES",
    ]

    /// The entities the pages and Atom documents use, `&amp;` last.
    static let entities = [
        ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"),
    ]

    /// The text nodes of an HTML page or an Atom document, unescaped, without scripts and styles.
    public static func markupTexts(_ markup: String) -> [String] {
        let bare = markup.replacing(/<(script|style)[^>]*>[\s\S]*?<\/\1>/, with: "")
        return bare.split(separator: /<[^>]*>/).map { node in
            var text = String(node)
            if node.utf8.contains(UInt8(ascii: "&")) {
                for (entity, character) in entities {
                    text = text.replacingOccurrences(of: entity, with: character)
                }
            }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }.filter { !$0.isEmpty }
    }

    /// Every string value of a JSON document that is a phrase: keys, and values that are
    /// machine values by the documented shapes (ISO dates and instants, `HH:MM` times),
    /// are not read as Swedish text.
    public static func jsonStrings(_ json: Data) throws -> [String] {
        var strings: [String] = []
        func walk(_ value: Any) {
            switch value {
            case let text as String: strings.append(text)
            case let array as [Any]: array.forEach(walk)
            case let object as [String: Any]: object.values.forEach(walk)
            default: break
            }
        }
        walk(try JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed]))
        return strings.filter { $0.wholeMatch(of: machineValue) == nil }
    }
}
