public import Registry

/// A reviewer's correction of one draft before it is written: `5.deadline=1 maj` sets
/// draft 5's deadline and removes the field's mark as a guess, `5.deadline=1 maj
/// (tolkning)` keeps it marked, and a confirmation (`5.deadline` with no value) removes
/// the mark and keeps the value. Values are read as the importer reads the minutes:
/// Swedish dates, names matched to the registry.
public struct Correction: Sendable, Equatable {
    /// The draft's number in the review.
    public let number: Int
    /// The field as the reviewer named it: "deadline", or a Swedish word such as "dag".
    public let field: String
    /// The new value as typed; nil confirms the drafted value.
    public let value: String?
    /// The value stays marked as a guess (it ended in "(tolkning)").
    public let keepsMark: Bool

    public init(number: Int, field: String, value: String?, keepsMark: Bool = false) {
        self.number = number
        self.field = field
        self.value = value
        self.keepsMark = keepsMark
    }

    /// "5.deadline=1 maj", or with " (tolkning)" at the end to keep the mark.
    public init(parsing text: String) throws(CorrectionError) {
        guard let equals = text.firstIndex(of: "=") else {
            throw CorrectionError(
                "”\(text)” är ingen rättelse; skriv NR.FÄLT=VÄRDE, till exempel 5.deadline=1 maj")
        }
        let (number, field) = try Correction.target(String(text[..<equals]), in: text)
        var value = String(text[text.index(after: equals)...]).trimmingCharacters()
        let marker = Inferred.marker.trimmingCharacters()
        let keepsMark = value.hasSuffix(marker)
        if keepsMark { value = String(value.dropLast(marker.count)).trimmingCharacters() }
        guard !value.isEmpty else {
            throw CorrectionError("förslag \(number), \(field): inget värde efter ”=” i ”\(text)”")
        }
        self.init(number: number, field: field, value: value, keepsMark: keepsMark)
    }

    /// "5.deadline": the guessed deadline of draft 5 is right; its mark goes.
    public init(confirming text: String) throws(CorrectionError) {
        let (number, field) = try Correction.target(text, in: text)
        self.init(number: number, field: field, value: nil)
    }

    /// "5.deadline": the draft's number and the field.
    static func target(_ text: String, in whole: String) throws(CorrectionError) -> (Int, String) {
        let parts = text.split(separator: ".", maxSplits: 1).map { $0.trimmingCharacters() }
        guard parts.count == 2, let number = Int(parts[0]), !parts[1].isEmpty else {
            throw CorrectionError(
                "”\(whole)” börjar inte med förslagets nummer och ett fält, till exempel 5.deadline")
        }
        return (number, parts[1])
    }
}

/// Why a correction cannot be made, in Swedish, naming the draft and the field.
public struct CorrectionError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}

/// A field a reviewer may correct on one kind of draft.
public struct CorrectableField: Sendable {
    /// The field as the record's initializer and the review's marks name it.
    public let name: String
    /// Swedish words for it: "dag", "titel".
    public let aliases: [String]
    /// The mark as a guess the correction settles: usually the field itself.
    public let mark: String
    /// What the value may be, for messages: "ett datum (1 maj, 2026-05-01)".
    public let expects: String

    init(_ name: String, _ aliases: [String] = [], mark: String? = nil, expects: String) {
        self.name = name
        self.aliases = aliases
        self.mark = mark ?? name
        self.expects = expects
    }

    func answers(to word: String) -> Bool {
        let folded = Text.fold(word)
        return Text.fold(name) == folded || aliases.contains { Text.fold($0) == folded }
    }
}

extension Draft {
    static let date = "ett datum (1 maj, 30/4 2026, 2026-05-01)"
    static let optionalDate = "ett datum, eller ”ingen”"

    /// The fields a reviewer may correct on this kind of draft.
    public var correctableFields: [CorrectableField] {
        switch record {
        case .document:
            [
                .init("title", ["titel"], expects: "en rubrik"),
                .init("date", ["datum", "dag"], expects: Draft.date),
            ]
        case .person: [.init("name", ["namn"], expects: "ett namn")]
        case .membership:
            [
                .init("person", expects: "en person (namn eller ID)"),
                .init("municipality", ["kommun"], expects: "en kommun (namn eller ID)"),
                .init("from", ["från"], expects: Draft.optionalDate),
                .init("to", ["till"], expects: Draft.optionalDate),
            ]
        case .staff:
            [
                .init("person", expects: "en person (namn eller ID)"),
                .init("title", ["titel", "tjänst"], expects: "en tjänst"),
                .init("starts", ["start", "dag", "datum"], expects: Draft.date),
                .init("ends", ["slut"], expects: Draft.optionalDate),
                .init("body", ["organ"], expects: "ett organ (namn eller ID)"),
            ]
        case .meeting:
            [
                .init("day", ["dag", "datum"], mark: "time", expects: Draft.date),
                .init("time", ["tid"], expects: "en tid (09.00–11.30), eller ”heldag”"),
                .init("title", ["titel"], expects: "en rubrik"),
                .init("place", ["plats"], expects: "en plats, eller ”ingen”"),
            ]
        case .decision:
            [
                .init("text", expects: "beslutets text"), .init("title", ["titel"], expects: "en rubrik"),
                .init("deadline", ["sista dag", "dag", "datum"], expects: Draft.optionalDate),
                .init("item", ["punkt"], expects: "ett punktnummer"),
            ]
        case .request:
            [
                .init("what", ["vad"], expects: "vad som begärs eller erbjuds"),
                .init("by", ["senast", "dag", "datum"], expects: Draft.date),
                .init("kind", ["slag"], expects: "”begäran” eller ”erbjudande”"),
                .init(
                    "asked", ["vem", "kommuner"], expects: "”alla”, ”alla utom Helsingborg” eller kommuner"),
            ]
        case .response:
            [
                .init("party", ["kommun"], expects: "en kommun (namn eller ID)"),
                .init(
                    "answer", ["svar"],
                    expects: "”ja”, ”avböjt”, ”lämnat fullmakt” eller ”anstånd till 15 maj”"),
                .init("on", ["dag", "datum"], expects: Draft.date),
            ]
        case .body:
            [
                .init("active", ["startar"], mark: "lifecycle", expects: Draft.optionalDate),
                .init("closed", ["avslutas"], mark: "lifecycle", expects: Draft.optionalDate),
            ]
        }
    }

    /// The note that asks the reviewer to check a drafted deadline.
    static func checkDeadlineNote(_ day: Day) -> String {
        "Sista dag \(day.swedishText): kontrollera vem som ska agera."
    }

    /// A decision's deadline corrected: the note asking the reviewer to check the old one goes.
    mutating func dropDeadlineNote(from before: Record) {
        guard case .decision(let old) = before, case .decision(let new) = record, let day = old.deadline,
            new.deadline != day
        else { return }
        notes.removeAll { $0 == Draft.checkDeadlineNote(day) }
    }

    /// "förslag 5 (beslut)", for messages.
    var label: String { "förslag \(number) (\(kindLabel))" }
}

extension ImportPlan {
    /// The plan with `corrections` made in order, each corrected draft noting what was
    /// changed. Throws, naming the draft and the field, for a number that is no draft, a
    /// field that kind of draft does not have, or a value that cannot be read.
    public func correcting(_ corrections: [Correction], registry: Registry) throws(CorrectionError)
        -> ImportPlan
    {
        var result = self
        for correction in corrections {
            guard let index = result.drafts.firstIndex(where: { $0.number == correction.number }) else {
                throw CorrectionError(
                    "förslag \(correction.number) finns inte; förslagen är numrerade 1–\(drafts.count)")
            }
            let context = CorrectionContext(
                registry: registry, newPeople: result.newPeople, meetingDay: result.meetingDay)
            let before = result.drafts[index].record
            try result.drafts[index].correct(correction, context)
            result.drafts[index].dropDeadlineNote(from: before)
            result.followDeadline(from: before, to: result.drafts[index].record)
        }
        return result
    }

    /// A decision's deadline corrected: the request drafted from it, due that day, moves too.
    mutating func followDeadline(from before: Draft.Record, to after: Draft.Record) {
        guard case .decision(let old) = before, case .decision(let new) = after, let day = new.deadline,
            old.deadline != day
        else { return }
        for index in drafts.indices {
            guard case .request(let request) = drafts[index].record, request.decision == new.id,
                request.by == old.deadline
            else { continue }
            drafts[index].record = .request(request.with(by: day))
            drafts[index].corrected.append("by = \(day.swedishText), beslutets sista dag")
        }
    }

    /// The day the minutes are from, against which a date without a year is read.
    var meetingDay: Day {
        let documentDay = drafts.lazy.compactMap {
            if case .document(let d) = $0.record { d.date } else { nil }
        }
        return parsed.date ?? documentDay.first ?? Day(2000, 1, 1)
    }

    /// The people the plan drafts, whom a correction may name.
    var newPeople: [Person] { drafts.compactMap { if case .person(let p) = $0.record { p } else { nil } } }
}
