import Registry

/// What reading a corrected value needs: the registry and the people this import drafts,
/// for names, and the meeting's day, for a date without a year.
struct CorrectionContext {
    let registry: Registry
    let newPeople: [Person]
    let meetingDay: Day

    /// Words that may stand around a date: "den 1 maj", "senast 30/4", "fr.o.m. 1 oktober".
    static let dateWords: Set<String> = [
        "den", "senast", "fr.o.m", "fr.o.m.", "t.o.m", "t.o.m.", "fran", "till",
    ]

    /// A date as minutes write it, read with the importer's rules: a date without a year
    /// lies ahead of the meeting (`.forward`) or behind it (`.backward`).
    func day(_ value: String, _ direction: DateDirection = .forward) throws(CorrectionError) -> Day {
        guard let mention = SwedishDates.firstDate(in: value, meeting: meetingDay, direction: direction)
        else { throw CorrectionError("”\(value)” är inget datum") }
        let used = Set(DateTokens(mention.text).words.map(Text.fold))
        let rest = DateTokens(value).words.map(Text.fold).filter { !used.contains($0) }
        guard rest.allSatisfy(CorrectionContext.dateWords.contains) else {
            throw CorrectionError("”\(value)” är mer än ett datum")
        }
        return mention.day
    }

    /// A date, or nil for "ingen".
    func optionalDay(_ value: String, _ direction: DateDirection = .forward) throws(CorrectionError) -> Day? {
        CorrectionContext.isNone(value) ? nil : try day(value, direction)
    }

    static func isNone(_ value: String) -> Bool {
        ["ingen", "inget", "inga", "-", "–"].contains(Text.fold(value))
    }

    /// A person by ID, or by name as the importer matches names (a loose match shown).
    func person(_ value: String) throws(CorrectionError) -> (Person.ID, String) {
        if let known = registry[Person.ID(value)] ?? newPeople.first(where: { $0.id.rawValue == value }) {
            return (known.id, known.name)
        }
        switch NameResolver(registry).person(value, extra: newPeople) {
        case .exact(let id): return (id, value)
        case .loose(let id, let name): return (id, "\(name) (”\(value)” tolkat som \(name))")
        case .unknown: throw CorrectionError("ingen person i registret eller protokollet heter ”\(value)”")
        }
    }

    /// A municipality by ID or name ("Åstorp", "Åstor", "Helsingborg stad").
    func municipality(_ value: String) throws(CorrectionError) -> (Municipality.ID, String) {
        switch NameResolver(registry).municipality(value) {
        case .exact(let id): return (id, registry[id]?.name ?? value)
        case .loose(let id, let name): return (id, "\(name) (”\(value)” tolkat som \(name))")
        case .unknown: throw CorrectionError("ingen kommun heter ”\(value)”")
        }
    }

    func body(_ value: String) throws(CorrectionError) -> (Body.ID, String) {
        guard let id = NameResolver(registry).body(value).id else {
            throw CorrectionError("inget organ heter ”\(value)”")
        }
        return (id, registry[id]?.name ?? value)
    }

    /// "ja", "avböjt", "lämnat fullmakt", "anstånd till 15 maj": an answer. "ja" keeps
    /// what a given answer gave, else says notice was given ("lämnat besked").
    func answer(_ value: String, was old: ActionResponse.Answer) throws(CorrectionError)
        -> ActionResponse.Answer
    {
        let folded = Text.fold(value)
        if ["avbojt", "avboj", "avbojer", "nej", "tackat nej", "declined"].contains(folded) {
            return .declined
        }
        if ["ja", "anslutit", "anslutit sig", "tackat ja", "svarat", "joined", "gave"].contains(folded) {
            if case .gave(let what) = old { return .gave(what) }
            return .gave("besked")
        }
        if folded.hasPrefix("lamnat "), value.count > 7 { return .gave(String(value.dropFirst(7))) }
        if folded.hasPrefix("anstand") { return .askedForMoreTime(until: try day(value)) }
        throw CorrectionError("”\(value)” är inget svar")
    }

    /// "erbjudande" or "begäran".
    func kind(_ value: String) throws(CorrectionError) -> ActionRequest.Kind {
        let folded = Text.fold(value)
        if ["erbjudande", "erbjuds", "offer"].contains(folded) { return .offer }
        if ["begaran", "begars", "krav", "request"].contains(folded) { return .request }
        throw CorrectionError("”\(value)” är varken ”begäran” eller ”erbjudande”")
    }

    /// "alla" (every municipality), "alla utom Helsingborg", or municipalities and bodies
    /// separated by commas or "och".
    func asked(_ value: String) throws(CorrectionError) -> RequestParties {
        let folded = Text.fold(value)
        if ["alla", "varje kommun", "alla kommuner"].contains(folded) { return .everyMunicipality }
        var names = value
        var excluding = false
        if folded.hasPrefix("alla utom ") {
            names = String(value.dropFirst("alla utom ".count))
            excluding = true
        }
        var parties: [ActionRequest.Party] = []
        for name in names.replacing(" och ", with: ",").split(separator: ",") {
            let name = name.trimmingCharacters()
            if let id = NameResolver(registry).municipality(name).id {
                parties.append(.municipality(id))
            } else if !excluding, let id = NameResolver(registry).body(name).id {
                parties.append(.body(id))
            } else {
                throw CorrectionError("”\(name)” är varken en kommun eller ett organ")
            }
        }
        guard excluding else { return .parties(parties) }
        return .parties(
            registry.municipalities.map { .municipality($0.id) }.filter { !parties.contains($0) })
    }
}

/// Who a request asks: every municipality without listing them, or the parties listed.
enum RequestParties: Equatable {
    case everyMunicipality
    case parties([ActionRequest.Party])
}

extension Draft {
    /// Makes `correction`, noting it: the value read, the field's mark as a guess removed
    /// or (asked for) kept.
    mutating func correct(_ correction: Correction, _ context: CorrectionContext) throws(CorrectionError) {
        let marks = inferredMarks
        guard let value = correction.value else {
            let name = correctableFields.first { $0.answers(to: correction.field) }?.mark ?? correction.field
            guard marks.contains(where: { $0.field == name }) else {
                let marked = marks.map(\.field).joined(separator: ", ")
                throw CorrectionError(
                    "\(label): ”\(correction.field)” är inte markerat som tolkning"
                        + (marked.isEmpty ? "" : "; markerade: \(marked)"))
            }
            record = record.marked(marks.filter { $0.field != name })
            corrected.append("\(name) bekräftat")
            return
        }
        guard let field = correctableFields.first(where: { $0.answers(to: correction.field) }) else {
            throw CorrectionError(
                "\(label) har inget fält ”\(correction.field)”; rätta något av: "
                    + correctableFields.map(\.name).joined(separator: ", "))
        }
        let shown: String
        do { (record, shown) = try record.setting(field.name, value, context) } catch {
            throw CorrectionError("\(label), \(field.name): \(error.description); skriv \(field.expects)")
        }
        var kept = marks.filter { $0.field != field.mark }
        if correction.keepsMark {
            guard record.canBeMarked else { throw CorrectionError("\(label) kan inte markeras som tolkning") }
            kept.append(
                Inferred(field.mark, because: "Granskaren har rättat värdet men markerat det som tolkning."))
        }
        record = record.marked(kept)
        corrected.append("\(field.name) = \(shown)" + (correction.keepsMark ? Inferred.marker : ""))
    }
}

extension Draft.Record {
    /// Whether the record can mark fields as guesses.
    var canBeMarked: Bool {
        switch self {
        case .document, .person, .request: false
        default: true
        }
    }

    /// The record with `field` set from `value`, and the value as read, for the review.
    func setting(_ field: String, _ value: String, _ context: CorrectionContext) throws(CorrectionError)
        -> (Draft.Record, String)
    {
        switch self {
        case .document(let r):
            if field == "title" { return (.document(r.with(title: value)), value) }
            let day = try context.day(value, .backward)
            return (.document(r.with(date: day)), day.swedishText)
        case .person(let r): return (.person(r.with(name: value)), value)
        case .membership(let r): return try context.setting(field, value, of: r)
        case .staff(let r): return try context.setting(field, value, of: r)
        case .meeting(let r): return try context.setting(field, value, of: r)
        case .decision(let r): return try context.setting(field, value, of: r)
        case .request(let r): return try context.setting(field, value, of: r)
        case .response(let r): return try context.setting(field, value, of: r)
        case .body(let r): return try context.setting(field, value, of: r)
        }
    }

    /// The record with `marks` as its fields marked inferred.
    func marked(_ marks: [Inferred]) -> Draft.Record {
        switch self {
        case .document, .person, .request: self
        case .membership(let r): .membership(r.with(inferred: marks))
        case .staff(let r): .staff(r.with(inferred: marks))
        case .meeting(let r): .meeting(r.with(inferred: marks))
        case .decision(let r): .decision(r.with(inferred: marks))
        case .response(let r): .response(r.with(inferred: marks))
        case .body(let r): .body(r.with(inferred: marks))
        }
    }
}
