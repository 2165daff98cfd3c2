extension Text {
    /// What libical 3.0.16 (Debian bookworm) cannot carry in an iCalendar TEXT value
    /// (SUMMARY, DESCRIPTION, LOCATION, NAME, ...), one message per kind of problem.
    ///
    /// Each entry is pinned by a case of its own in
    /// `Tests/CalendarExportTests/TextRoundTripTests.swift`, whose property test also shows
    /// the converse: text for which this returns nothing comes back identical, scalar for scalar,
    /// through libical's parser and through python `icalendar`. The validator calls it on
    /// every field that reaches a feed, so that the data is rejected up front instead of a
    /// feed publishing something other than what `Data/` says.
    ///
    ///     Text.calendarSafetyProblems(in: "Möte\r\nBjuv")
    ///     // ["a carriage return (U+000D), which libical drops: \"a\r\nb\" is published as \"a\nb\""]
    ///
    /// - Parameter text: a value as it would be written into a calendar.
    /// - Returns: human-readable reasons, empty when the text is safe.
    public static func calendarSafetyProblems(in text: String) -> [String] {
        var problems: [String] = []
        var reported: Set<UInt32> = []
        for scalar in text.unicodeScalars where !reported.contains(scalar.value) {
            guard let problem = calendarProblem(with: scalar) else { continue }
            reported.insert(scalar.value)
            problems.append(problem)
        }
        if text.isEmpty {
            problems.append("empty text, which libical reads back as no value at all")
        } else {
            if let first = text.unicodeScalars.first, trimmedByLibical(first) {
                problems.append("leading whitespace, which libical's parser trims")
            }
            if let last = text.unicodeScalars.last, trimmedByLibical(last) {
                problems.append("trailing whitespace, which libical's parser trims")
            }
        }
        return problems
    }

    /// Whether `calendarSafetyProblems(in:)` finds nothing.
    public static func isCalendarSafe(_ text: String) -> Bool {
        calendarSafetyProblems(in: text).isEmpty
    }

    private static func calendarProblem(with scalar: Unicode.Scalar) -> String? {
        let code = codePoint(scalar)
        switch scalar.value {
        case 0x0A, 0x09:
            // Newline is escaped as \n, tab is written as is (HTAB is allowed in TEXT).
            return nil
        case 0x0D:
            return
                "a carriage return (\(code)), which libical drops: \"a\\r\\nb\" is published as \"a\\nb\""
        case 0x08, 0x0C:
            return "the control character \(code), which libical drops without a word"
        case 0x00:
            return "a NUL character (\(code)), which ends the text at that point in libical's C strings"
        case 0x01...0x1F, 0x7F:
            return
                "the control character \(code), which libical writes unescaped although RFC 5545 forbids control characters in text"
        case 0x80...0x9F:
            // C1 controls pass through libical as UTF-8, but RFC 5545 text excludes CONTROL
            // and clients show them as boxes, if at all.
            return "the control character \(code), which calendars cannot show"
        default:
            return nil
        }
    }

    /// libical's parser strips spaces and tabs at both ends of a property value.
    private static func trimmedByLibical(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t"
    }

    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
