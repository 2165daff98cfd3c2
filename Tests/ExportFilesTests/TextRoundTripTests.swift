import CalendarFeeds
import ExportFiles
import Foundation
import ICalendar
import Registry
import RegistryData
import SyntheticRegistry
import Testing

/// Arbitrary text through `ICalendarEncoder` and back through two parsers.
///
/// Property: every field that `Text.calendarSafetyProblems(in:)` passes comes back
/// identical, scalar for scalar, from libical's parser and from python `icalendar`; and
/// every file, whatever its text, is CRLF-terminated lines of at most 75 octets of valid
/// UTF-8 with no folding slip left. Unsafe fields are encoded too (the bytes must still be
/// well-formed) but not compared: the pinned cases below say what libical does to them.
@Suite struct TextRoundTripTests {
    /// Fixed so that every run checks the same cases; override with
    /// `SAMVERKAN_ROUNDTRIP_SEED` (and `SAMVERKAN_ROUNDTRIP_CASES`) to explore.
    static let defaultSeed: UInt64 = 0x5A4D_5645_524B_414E
    static let defaultCases = 300

    @Test func arbitraryTextRoundTripsThroughLibicalAndPythonICalendar() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["SAMVERKAN_ROUNDTRIP_SEED"].flatMap { UInt64($0) } ?? Self.defaultSeed
        let count = environment["SAMVERKAN_ROUNDTRIP_CASES"].flatMap { Int($0) } ?? Self.defaultCases
        let reproduce = "seed \(seed) (SAMVERKAN_ROUNDTRIP_SEED=\(seed) SAMVERKAN_ROUNDTRIP_CASES=\(count))"

        var rng = SplitMix64(seed: seed)
        let encoder = try ICalendarEncoder()
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("samverkan-roundtrip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // SAMVERKAN_ROUNDTRIP_KEEP=1 keeps the generated feeds for a closer look.
        let keep = environment["SAMVERKAN_ROUNDTRIP_KEEP"] != nil
        defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
        if keep { print("Text round trip: feeds kept in \(folder.path)") }

        var expectations: [String: Checks] = [:]
        var tally = Tally()
        for index in 0..<count {
            let textCase = TextCase.random(using: &rng)
            let fileName = "case-\(index).ics"
            let bytes = Self.encode(textCase, index: index, with: encoder)
            let caseName = "case \(index), \(reproduce)"
            for problem in Self.byteProblems(bytes) {
                Issue.record("\(caseName): \(problem)")
            }
            let checks = Self.checks(for: textCase, index: index, tally: &tally)
            expectations[fileName] = checks

            let decoded = try #require(
                try? ICalendarDecoder.decode(bytes), "libical could not read \(caseName)")
            if checks.allSafe {
                #expect(decoded.parseErrors.isEmpty, "libical reported \(decoded.parseErrors) in \(caseName)")
            }
            for check in checks.list {
                let actual = check.read(decoded)
                #expect(
                    Self.same(actual, check.expected),
                    "libical changed \(check.field) in \(caseName): \(Self.show(check.expected)) came back as \(Self.show(actual))"
                )
            }
            try Data(bytes).write(to: folder.appendingPathComponent(fileName))
        }

        let oracle = try Self.runPythonOracle(on: folder)
        #expect(
            oracle.count == count, "python icalendar read \(oracle.count) of \(count) files; \(reproduce)")
        for (fileName, checks) in expectations {
            guard let decoded = oracle[fileName] else { continue }
            let caseName = "\(fileName), \(reproduce)"
            if checks.allSafe {
                #expect(decoded.errors.isEmpty, "python icalendar reported \(decoded.errors) in \(caseName)")
            }
            for check in checks.list {
                let actual = check.read(decoded.calendar)
                #expect(
                    Self.same(actual, check.expected),
                    "python icalendar read \(check.field) of \(caseName) as \(Self.show(actual)), expected \(Self.show(check.expected))"
                )
            }
        }
        print(
            "Text round trip: \(count) feeds, \(tally.events) events, \(tally.checked) fields compared "
                + "in libical and python icalendar, \(tally.longFields) of 10,000 characters, "
                + "\(tally.unsafe) unsafe fields flagged and not compared; \(reproduce)")
    }

    /// The real data: every text the feeds carry passes the check, and every feed reads
    /// back through libical with each event's text exactly as its `VEvent` had it.
    @Test func realFeedsCarryTheirTextExactly() throws {
        let registry = Registry.familjenHelsingborg
        let events = registry.calendarEvents()
        let byUID = Dictionary(events.map { ($0.uid, $0) }, uniquingKeysWith: { first, _ in first })
        for event in events {
            for text in [event.summary, event.description]
                + [event.location, event.alarm?.description].compactMap({ $0 })
            {
                #expect(Text.calendarSafetyProblems(in: text).isEmpty, "\(event.uid): \(Pinned.escape(text))")
            }
        }
        let files = try registry.exportFiles(previous: Ledgers())
        let seats = SeatIndex(registry)
        for file in files where file.path.hasSuffix(".ics") {
            #expect(Self.byteProblems(file.bytes).isEmpty, "\(file.path)")
            let decoded = try ICalendarDecoder.decode(file.bytes)
            #expect(decoded.parseErrors.isEmpty, "\(file.path): \(decoded.parseErrors)")
            // A municipality's feed words the deadlines it is asked to act on its own way, and
            // a person's feed in the words of the municipality they represent.
            let person = registry.personalFeedHolders.first { Feed.personalPath($0) == file.path }
            let municipality =
                registry.municipalities.first { "municipalities/\($0.slug).ics" == file.path }?.id
            let own = Dictionary(
                registry.events().compactMap { event -> (String, VEvent)? in
                    let wording =
                        municipality
                        ?? person.flatMap {
                            registry.wordingMunicipality(of: event, for: $0.id, seats: seats)
                        }
                    guard let wording else { return nil }
                    let shown = registry.calendarEvent(event, for: wording)
                    return (shown.uid, shown)
                }, uniquingKeysWith: { first, _ in first })
            for parsed in decoded.events {
                let event = try #require(
                    parsed.uid.flatMap { own[$0] ?? byUID[$0] }, "\(file.path): unknown UID")
                #expect(Self.same(parsed.summary, event.summary), "\(event.uid) SUMMARY")
                #expect(Self.same(parsed.description, event.description), "\(event.uid) DESCRIPTION")
                #expect(Self.same(parsed.location, event.location), "\(event.uid) LOCATION")
                let alarms: [String?] = event.alarm.map { [$0.description] } ?? []
                #expect(parsed.alarmDescriptions == alarms, "\(event.uid) VALARM")
            }
        }
    }

    // MARK: - What libical 3.0.16 cannot carry, pinned case by case

    struct Pinned: CustomTestStringConvertible, Sendable {
        let input: String
        /// What libical's parser returns for the SUMMARY written from `input`.
        let libicalReads: String?
        var testDescription: String { Self.escape(input) }

        static func escape(_ text: String) -> String {
            text.unicodeScalars.map {
                $0.isASCII && $0.value >= 0x20 ? String($0) : "\\u{\(String($0.value, radix: 16))}"
            }
            .joined()
        }
    }

    static let pinned: [Pinned] = [
        Pinned(input: "a\r\nb", libicalReads: "a\nb"),
        Pinned(input: "a\rb", libicalReads: "ab"),
        Pinned(input: "a\u{8}b", libicalReads: "ab"),
        Pinned(input: "a\u{C}b", libicalReads: "ab"),
        Pinned(input: "a\u{0}b", libicalReads: "a"),
        Pinned(input: " a", libicalReads: "a"),
        Pinned(input: "a ", libicalReads: "a"),
        Pinned(input: "\ta", libicalReads: "a"),
        Pinned(input: "a\t", libicalReads: "a"),
        Pinned(input: " ", libicalReads: nil),
        Pinned(input: "", libicalReads: nil),
    ]

    /// Each of these is flagged by `calendarSafetyProblems`, and libical really does
    /// change it: if a libical upgrade stops doing so, this test says the rule can go.
    @Test(arguments: pinned)
    func libicalChangesWhatTheDataLayerRejects(_ pinned: Pinned) throws {
        #expect(!Text.calendarSafetyProblems(in: pinned.input).isEmpty)
        let decoded = try Self.roundTripSummary(pinned.input)
        #expect(Self.same(decoded.libical, pinned.libicalReads))
        #expect(!Self.same(decoded.libical, pinned.input))
    }

    /// Other C0 controls and DEL come back from libical, but are written raw although
    /// RFC 5545 forbids control characters in TEXT: the data layer rejects them as well.
    @Test(arguments: Array(0x01...0x1F).filter { ![0x08, 0x09, 0x0A, 0x0C, 0x0D].contains($0) } + [0x7F])
    func controlCharactersAreWrittenRawAndRejected(_ code: Int) throws {
        let input = "a" + String(Unicode.Scalar(UInt8(code))) + "b"
        #expect(!Text.calendarSafetyProblems(in: input).isEmpty)
        let decoded = try Self.roundTripSummary(input)
        #expect(decoded.bytes.contains(UInt8(code)), "libical escaped U+\(String(code, radix: 16)) after all")
    }

    @Test func safeTextPassesTheCheck() {
        for text in ["Möte i Bjuv", "a\nb", "a\tb", "\u{2028}", "👩‍👩‍👧‍👦", "\\n;,:\"", "e\u{0301}"] {
            #expect(Text.calendarSafetyProblems(in: text).isEmpty, "\(Pinned.escape(text))")
        }
        #expect(
            Text.calendarSafetyProblems(in: " \r x\r\u{1} ")
                == [
                    "a carriage return (U+000D), which libical drops: \"a\\r\\nb\" is published as \"a\\nb\"",
                    "the control character U+0001, which libical writes unescaped although RFC 5545 forbids control characters in text",
                    "leading whitespace, which libical's parser trims",
                    "trailing whitespace, which libical's parser trims",
                ])
    }

    // MARK: - Helpers

    /// What to compare for one field: where to find it, and what it must be.
    struct Check {
        let field: String
        let expected: String?
        let read: (DecodedCalendar) -> String?
    }

    /// The checks of one case; `allSafe` when no field of it was flagged.
    struct Checks {
        var list: [Check] = []
        var allSafe = true
    }

    struct Tally {
        var events = 0
        var checked = 0
        var unsafe = 0
        var longFields = 0
    }

    static func uid(_ index: Int, _ event: Int) -> String { "case-\(index)-\(event)@roundtrip.test" }

    static func encode(_ textCase: TextCase, index: Int, with encoder: ICalendarEncoder) -> [UInt8] {
        let events = textCase.events.enumerated().map { offset, text in
            (
                VEvent(
                    uid: uid(index, offset),
                    timing: offset % 2 == 0
                        ? .allDay(Day(2026, 5, 20))
                        : .timed(Day(2026, 5, 20), from: LocalTime(9), to: LocalTime(10)),
                    summary: text.summary, description: text.description, location: text.location,
                    category: "Möte", status: .confirmed,
                    alarm: text.alarm.map { VEvent.Alarm(minutesBefore: 90, description: $0) },
                    revised: Day(2026, 4, 10)),
                sequence: 0
            )
        }
        let header = VCalendarHeader(name: textCase.name, description: textCase.description)
        return encoder.calendar(header, events: events)
    }

    /// The fields of a case that must come back exactly: the safe ones.
    static func checks(for textCase: TextCase, index: Int, tally: inout Tally) -> Checks {
        var checks = Checks()
        func add(_ field: String, _ value: String?, _ read: @escaping (DecodedCalendar) -> String?) {
            guard let value else {
                checks.list.append(Check(field: field, expected: nil, read: read))
                return
            }
            if value.count >= 10_000 { tally.longFields += 1 }
            guard Text.isCalendarSafe(value) else {
                tally.unsafe += 1
                checks.allSafe = false
                return
            }
            tally.checked += 1
            checks.list.append(Check(field: field, expected: value, read: read))
        }
        add("NAME", textCase.name) { $0.name }
        add("calendar DESCRIPTION", textCase.description) { $0.description }
        // X-WR-CALNAME is deliberately simplified (libical 3.0.16 does not escape `,;` in
        // X- properties, and its parser trims tabs at the ends): `,`, `;` and whitespace
        // runs become single spaces; the rest of the name must come back unchanged.
        let simplified = textCase.name.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace })
            .joined(separator: " ")
        if Text.isCalendarSafe(textCase.name) {
            // Left out when nothing is left of the name.
            checks.list.append(
                Check(field: "X-WR-CALNAME", expected: simplified.isEmpty ? nil : simplified) {
                    $0.calendarName
                })
        }
        for (offset, event) in textCase.events.enumerated() {
            tally.events += 1
            func pick(_ calendar: DecodedCalendar) -> DecodedCalendar.Event? {
                calendar.events.count > offset ? calendar.events[offset] : nil
            }
            checks.list.append(
                Check(field: "event \(offset) UID", expected: uid(index, offset)) { pick($0)?.uid })
            add("event \(offset) SUMMARY", event.summary) { pick($0)?.summary }
            add("event \(offset) DESCRIPTION", event.description) { pick($0)?.description }
            add("event \(offset) LOCATION", event.location) { pick($0)?.location }
            add("event \(offset) VALARM DESCRIPTION", event.alarm) {
                pick($0)?.alarmDescriptions.first ?? nil
            }
        }
        return checks
    }

    /// RFC 5545 §3.1 on the raw bytes: CRLF lines of at most 75 octets, each valid UTF-8
    /// on its own (so no fold splits a character), no bare CR or LF, no libical folding slip.
    static func byteProblems(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        if String(validating: bytes, as: UTF8.self) == nil { problems.append("not valid UTF-8") }
        guard bytes.suffix(2) == [13, 10] else { return problems + ["does not end with CRLF"] }
        bytes.withUnsafeBufferPointer { bytes in
            var lineStart = 0
            var number = 1
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 13 && index + 1 < bytes.count && bytes[index + 1] == 10 {
                    let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<index])
                    if line.count > 75 { problems.append("line \(number): \(line.count) octets") }
                    if String(validating: line, as: UTF8.self) == nil {
                        problems.append("line \(number): not UTF-8 on its own (a fold inside a character)")
                    }
                    // libical 3.0.16's slips: "\r\r\n \n" ends a line with a CR (caught
                    // below as a bare CR) and "\r\n \r\n" leaves a line of one space.
                    if line.count == 1 && line[0] == 32 {
                        problems.append("line \(number): empty continuation line (\"\\r\\n \\r\\n\")")
                    }
                    index += 2
                    lineStart = index
                    number += 1
                } else {
                    if byte == 13 || byte == 10 { problems.append("line \(number): bare CR or LF") }
                    index += 1
                }
            }
        }
        return problems
    }

    /// Equal scalar for scalar: Swift's `==` on strings would hide a change of
    /// normalisation (precomposed "é" against "e" + U+0301).
    static func same(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): a.unicodeScalars.elementsEqual(b.unicodeScalars)
        default: false
        }
    }

    static func show(_ text: String?) -> String {
        guard let text else { return "nil" }
        let escaped = Pinned.escape(text)
        return escaped.count > 300
            ? "\"\(escaped.prefix(300))…\" (\(text.unicodeScalars.count) scalars)" : "\"\(escaped)\""
    }

    static func roundTripSummary(_ text: String) throws -> (libical: String?, bytes: [UInt8]) {
        let event = VEvent(
            uid: "pinned@roundtrip.test", timing: .allDay(Day(2026, 5, 20)), summary: text, description: "d",
            location: nil, category: "Möte", status: .confirmed, alarm: nil, revised: Day(2026, 4, 10))
        let bytes = try ICalendarEncoder().calendar(
            VCalendarHeader(name: "n", description: "d"), events: [(event, sequence: 0)])
        return (try ICalendarDecoder.decode(bytes).events.first?.summary, bytes)
    }

    // MARK: - The independent parser

    struct OracleFile: Decodable {
        struct Event: Decodable {
            let uid: String?
            let summary: String?
            let description: String?
            let location: String?
            let alarms: [String?]
        }
        let name: String?
        let description: String?
        let calendarName: String?
        let errors: [String]
        let events: [Event]

        var calendar: DecodedCalendar {
            DecodedCalendar(
                name: name, description: description, calendarName: calendarName,
                events: events.map {
                    DecodedCalendar.Event(
                        uid: $0.uid, summary: $0.summary, description: $0.description, location: $0.location,
                        alarmDescriptions: $0.alarms)
                },
                parseErrors: errors)
        }
    }

    /// Runs `Tests/Oracles/roundtrip.py` once over the whole folder (one process start-up
    /// per run, not per case).
    static func runPythonOracle(on folder: URL) throws -> [String: OracleFile] {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Oracles/roundtrip.py")
        let outputURL = folder.appendingPathComponent("oracle.json")
        let errorsURL = folder.appendingPathComponent("oracle.err")
        try Data().write(to: outputURL)
        try Data().write(to: errorsURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, folder.path]
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorsURL)
        try process.run()
        process.waitUntilExit()
        let json = try Data(contentsOf: outputURL)
        let messages = String(decoding: try Data(contentsOf: errorsURL), as: UTF8.self)
        #expect(
            process.terminationStatus == 0,
            "roundtrip.py failed (needs python3 with `icalendar`: pip install icalendar): \(messages)")
        return try JSONDecoder().decode([String: OracleFile].self, from: json)
    }
}
