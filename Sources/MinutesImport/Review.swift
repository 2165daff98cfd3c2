public import Registry

extension ImportPlan {
    /// The review in plain Swedish: what was read, every draft numbered with the line it
    /// comes from, what was guessed and why, and every line not understood.
    public func review(skipping skipped: Set<Int> = [], registry: Registry? = nil) -> String {
        let names = names(registry: registry)
        var out = "Protokoll: \(parsed.title ?? "(ingen rubrik)")\n"
        out += "Läst som: \(parsed.layout.rawValue)\n"
        if let date = parsed.date { out += "Datum: \(date.swedishText) (rad \(parsed.dateLine ?? 0))\n" }
        if let time = parsed.time { out += "Tid: \(time.from)–\(time.to)\n" }
        if let place = parsed.place { out += "Plats: \(place) (rad \(parsed.placeLine ?? 0))\n" }
        let present = parsed.attendees.filter { $0.mode != .absent }.count
        let absent = parsed.attendees.count - present
        out += "Närvarande: \(present), frånvarande: \(absent), punkter: \(parsed.items.count)\n"
        out += "\nFörslag (\(drafts.count)):\n"
        for draft in drafts {
            out += "\n" + review(of: draft, skipped: skipped.contains(draft.number), names: names)
        }
        if !remarks.isEmpty {
            out += "\nLäst men inte infört:\n"
            for remark in remarks { out += "   rad \(remark.line.map(String.init) ?? "–"): \(remark.text)\n" }
        }
        out += "\nRader som inte förstods (\(parsed.notUnderstood.count)):\n"
        for line in parsed.notUnderstood { out += "   rad \(line.number): \(line.text)\n" }
        if parsed.skippedAfterEnd > 0 {
            out += "\n\(parsed.skippedAfterEnd) rader efter protokollets slut (underskrifter) lästes inte.\n"
        }
        if !drafts.isEmpty { out += correctionHelp() }
        return out
    }

    /// How to correct a draft, with the fields of each kind of draft in the review.
    func correctionHelp() -> String {
        var out = "\nRätta ett förslag med --set NR.FÄLT=VÄRDE (--set 5.deadline=\"1 maj\"); "
        out += "bekräfta en tolkning med --confirm NR.FÄLT. Fält:\n"
        var seen: Set<String> = []
        for draft in drafts where seen.insert(draft.kindLabel).inserted {
            out += "   \(draft.kindLabel): \(draft.correctableFields.map(\.name).joined(separator: ", "))\n"
        }
        return out
    }

    /// One draft as the review shows it: number, change, kind, ID and line; what it says;
    /// what was guessed and why; what to check; what the reviewer corrected.
    public func review(of draft: Draft, skipped: Bool = false, names: [String: String]) -> String {
        let skip = skipped ? " [hoppas över]" : ""
        let change = draft.change == .add ? "lägg till" : "ändra"
        let line = draft.line.map { "rad \($0)" } ?? "hela protokollet"
        var out = "\(draft.number). \(change) \(draft.kindLabel) \(draft.idText) (\(line))\(skip)\n"
        out += "   \(draft.summary(naming: names))\n"
        for mark in draft.inferredMarks {
            out += "   \(Inferred.word) \(mark.field): \(mark.reason)\n"
        }
        for note in draft.notes { out += "   granska: \(note)\n" }
        for change in draft.corrected { out += "   rättat: \(change)\n" }
        return out
    }

    /// People and bodies by ID, from the registry and the people the drafts add.
    public func names(registry: Registry?) -> [String: String] {
        var names: [String: String] = [:]
        for municipality in registry?.municipalities ?? [] {
            names[municipality.id.rawValue] = municipality.name
        }
        for person in registry?.people ?? [] { names[person.id.rawValue] = person.name }
        for body in registry?.bodies ?? [] { names[body.id.rawValue] = body.name }
        for person in newPeople { names[person.id.rawValue] = person.name }
        return names
    }
}

extension Draft {
    /// The fields marked inferred on the drafted record.
    public var inferredMarks: [Inferred] {
        switch record {
        case .membership(let record): record.inferred
        case .staff(let record): record.inferred
        case .meeting(let record): record.inferred
        case .decision(let record): record.inferred
        case .response(let record): record.inferred
        case .body(let record): record.inferred
        case .document, .person, .request: []
        }
    }

    /// One line in Swedish on what the record says.
    public var summary: String { summary(naming: [:]) }

    /// The summary with people and bodies by name where `naming` knows the ID.
    public func summary(naming names: [String: String]) -> String {
        func name(_ id: some CustomStringConvertible) -> String { names[id.description] ?? id.description }
        func partyName(_ party: ActionRequest.Party) -> String {
            switch party {
            case .municipality(let id): name(id)
            case .body(let id): name(id)
            }
        }
        return switch record {
        case .document(let record): "”\(record.title)”, \(record.date.swedishText)"
        case .person(let record): record.name
        case .membership(let record):
            "\(name(record.person)) som \(record.role.title) i \(name(record.body))"
                + (record.municipality.map { " för \($0)" } ?? "") + (record.from.map { " från \($0)" } ?? "")
                + (record.to.map { " till \($0)" } ?? "")
        case .staff(let record):
            "\(name(record.person)): \(record.title) i \(name(record.body)) från \(record.starts)"
        case .meeting(let record):
            "\(record.title) \(record.time.sortDay), \(record.attendance.count) i närvarolistan, "
                + "\(record.agenda.count) punkter"
        case .decision(let record):
            "punkt \(record.item): \(record.text)" + (record.deadline.map { " Sista dag: \($0)." } ?? "")
        case .request(let record):
            "till \(record.asksEveryMunicipality ? "varje kommun" : record.asked.map(partyName).joined(separator: ", ")): "
                + "\(record.what), senast \(record.by)"
        case .response(let record): "\(partyName(record.party)): \(record.answer.label) (\(record.request))"
        case .body(let record):
            "\(record.name): \(record.lifecycle.milestones.map { "\($0.stage.label) \($0.start.day.map(\.description) ?? "tidigare")" }.joined(separator: ", "))"
        }
    }
}
