// Rules about text that ends up in calendars, feeds and web pages.

/// A piece of text a record carries, named for messages.
struct TextField {
    /// A one-line field takes no line breaks or tabs; a paragraph may have both.
    enum Kind {
        case line
        case paragraph
    }

    /// How a message names the field: "name", "agenda item 2 summary".
    let name: String
    let value: String
    let kind: Kind

    init(_ name: String, _ value: String, _ kind: Kind = .line) {
        self.name = name
        self.value = value
        self.kind = kind
    }
}

/// A record whose text the text rules check.
protocol TextRecord: DescribedRecord {
    /// Every text field that is set; optional fields that are nil are left out.
    var textFields: [TextField] { get }
}

extension TextRecord {
    var sourceItemField: [TextField] { source.item.map { [TextField("source item", $0)] } ?? [] }
}

extension Document: TextRecord {
    var textFields: [TextField] { [TextField("title", title)] }
}

extension Municipality: TextRecord {
    var textFields: [TextField] {
        [TextField("name", name), TextField("official name", officialName)]
            + aliases.enumerated().map { TextField("alias \($0.offset + 1)", $0.element) } + sourceItemField
    }
}

extension Person: TextRecord {
    var textFields: [TextField] { [TextField("name", name)] + sourceItemField }
}

extension Body: TextRecord {
    var textFields: [TextField] {
        [TextField("name", name)] + (purpose.map { [TextField("purpose", $0, .paragraph)] } ?? [])
            + sourceItemField
    }
}

extension Membership: TextRecord {
    var textFields: [TextField] { [TextField("role title", role.title)] + sourceItemField }
}

extension StaffAppointment: TextRecord {
    var textFields: [TextField] { [TextField("title", title)] + sourceItemField }
}

extension Meeting: TextRecord {
    var textFields: [TextField] {
        var fields = [TextField("title", title)]
        if let place { fields.append(TextField("place", place)) }
        if let remote { fields.append(TextField("remote", remote)) }
        for item in agenda {
            fields.append(TextField("agenda item \(item.number) title", item.title))
            if let summary = item.summary {
                fields.append(TextField("agenda item \(item.number) summary", summary, .paragraph))
            }
        }
        return fields + sourceItemField
    }
}

extension Decision: TextRecord {
    var textFields: [TextField] {
        [TextField("title", title), TextField("text", text, .paragraph)] + sourceItemField
    }
}

extension Rules {
    static var text: [Rule] {
        [
            Rule("calendar-safe-text", calendarSafeText),
            Rule("non-empty-text", nonEmptyText),
        ]
    }

    /// Text that a calendar carries exactly: nothing `Text.calendarSafetyProblems(in:)`
    /// reports (carriage returns, control characters, NUL, whitespace at either end, which
    /// libical 3.0.16 drops, writes raw or trims), and no line break or tab in a one-line
    /// field. The same check the export's round-trip tests pin against libical, so the
    /// validator and the feeds never disagree. Blank text is left to `non-empty-text`.
    static func calendarSafeText(_ registry: Registry) -> [Diagnostic] {
        forEachField(registry) { record, field in
            guard !field.value.allSatisfy(\.isWhitespace) else { return nil }
            var problems: [String] = []
            if field.kind == .line {
                for scalar in ["\n", "\t"] as [Unicode.Scalar]
                where field.value.unicodeScalars.contains(scalar) {
                    let what = scalar == "\n" ? "a line break (U+000A)" : "a tab (U+0009)"
                    problems.append("\(what), but it must fit on one line")
                }
            }
            problems += Text.calendarSafetyProblems(in: field.value)
            guard !problems.isEmpty else { return nil }
            return .error(
                "\(record.label) \(field.name) contains \(problems.joined(separator: "; and "))",
                at: record.location)
        }
    }

    /// Names, titles and decision texts are not blank, nor are optional texts that are given.
    static func nonEmptyText(_ registry: Registry) -> [Diagnostic] {
        forEachField(registry) { record, field in
            guard field.value.allSatisfy(\.isWhitespace) else { return nil }
            return .error("\(record.label) has an empty \(field.name)", at: record.location)
        }
    }

    private static func forEachField(
        _ registry: Registry, _ check: (any TextRecord, TextField) -> Diagnostic?
    ) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func visit(_ records: [some TextRecord]) {
            for record in records {
                found += record.textFields.compactMap { check(record, $0) }
            }
        }
        visit(registry.documents)
        visit(registry.municipalities)
        visit(registry.people)
        visit(registry.bodies)
        visit(registry.memberships)
        visit(registry.appointments)
        visit(registry.meetings)
        visit(registry.decisions)
        visit(registry.actionRequests)
        visit(registry.actionResponses)
        return found
    }
}
