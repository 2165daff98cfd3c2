import CalendarFeeds
import Registry

extension EventState.Fact.Kind {
    /// The change log's kind for a fact new to a meeting.
    var changeKind: ChangeEntry.Kind {
        switch self {
        case .agendaItem: .newAgendaItem
        case .decision: .newDecision
        case .attendance: .attendanceRecorded
        }
    }
}

/// What the change log hears of one export, beside the ledgers rather than inside them:
/// each function takes what a ledger recorded and returns the entries to append.
enum ChangeDetection {
    /// The entries for one event's shared wording, given its ledger assignment. Nothing in
    /// the first export (`now` nil) nor for a line the ledger knew without its state. A
    /// change only of words, links or citations (`.changed`) raised SEQUENCE but is not
    /// announced; a meeting's new agenda item, decision or attendance record is, in its
    /// own words; an answer's own sentences (`notes`) say what was answered.
    static func eventChanges(
        uid: String, eventKind: Event.Kind, fingerprint: String, assignment: EventLedger.Assignment,
        state: EventState, notes: [ChangeNote], now: Instant?
    ) -> [ChangeEntry] {
        guard let now else { return [] }
        let previous = assignment.previous
        let url = state.url.isEmpty ? nil : state.url
        let old = previous?.removed == nil ? previous?.state : nil
        func entry(_ kind: ChangeEntry.Kind, _ text: String, date: Instant = assignment.revised)
            -> ChangeEntry
        {
            ChangeEntry(
                date: date, uid: uid, kind: kind, municipalities: state.municipalities, text: text, url: url)
        }
        var entries: [ChangeEntry] = []
        let contentChanged = !(previous?.has(fingerprint: fingerprint) ?? false) || previous?.removed != nil
        if contentChanged && (previous == nil || previous?.removed != nil || old != nil) {
            let change = ChangeWording.kind(eventKind: eventKind, old: old, new: state)
            if change != .changed {
                entries.append(
                    entry(
                        change,
                        ChangeWording.sentence(kind: change, eventKind: eventKind, old: old, new: state)))
            }
            if let old, [.moved, .timeSet].contains(change), old.location != state.location,
                !state.location.isEmpty
            {
                entries.append(
                    entry(
                        .newPlace,
                        ChangeWording.sentence(kind: .newPlace, eventKind: eventKind, old: old, new: state)))
            }
        }
        if let old, let before = old.facts, let after = state.facts {
            // Dated now when the feed's bytes did not change (a decision or attendance added).
            let date = contentChanged ? assignment.revised : max(now, assignment.revised)
            for fact in after where !before.contains(fact) {
                entries.append(
                    entry(
                        fact.kind.changeKind,
                        ChangeWording.factSentence(fact, title: state.title, timing: state.timing), date: date
                    ))
            }
        }
        guard let old, old.answers != state.answers else { return entries }
        // An answer can leave the event's own text as it was (more time asked, in the
        // collaboration's feed) and still change a municipality's: dated now.
        let date = contentChanged ? assignment.revised : max(now, assignment.revised)
        return entries
            + notes.map {
                ChangeEntry(
                    date: date, uid: uid, kind: $0.kind, municipalities: $0.municipalities, text: $0.text,
                    url: url)
            }
    }

    /// The entries for lines the ledger has just marked removed (those it knew the state of).
    static func removals(_ removed: [(key: LedgerKey, entry: EventLedger.Entry)], now: Instant)
        -> [ChangeEntry]
    {
        removed.compactMap { key, entry in
            guard let state = entry.state else { return nil }
            let kind = key.eventUID?.kind ?? .meeting
            return ChangeEntry(
                date: now, uid: key.description, kind: .removed, municipalities: state.municipalities,
                text: ChangeWording.sentence(kind: .removed, eventKind: kind, old: state, new: state),
                url: nil)
        }
    }

    /// The entries for seats whose holders changed: "Bjuv har en ny kommundirektör i
    /// kommundirektörerna: Anna Berg efterträder Per Ek från den 1 maj 2026."
    static func replacements(
        _ replaced: [(key: SeatKey, old: String, new: SeatState)], registry: Registry, now: Instant,
        siteMap: SiteMap
    ) -> [ChangeEntry] {
        replaced.compactMap { key, old, new in
            guard let municipality = registry.municipalities.first(where: { $0.slug == key.municipality })
            else {
                return nil
            }
            let role = registry.memberships.first { $0.role.key == key.role }?.role.title ?? key.role
            let place = registry[key.body].map { " i \($0.nameInSentence)" } ?? ""
            let since = new.from.map { " från den \($0.swedishText)" } ?? ""
            return ChangeEntry(
                date: now, uid: key.changeID, kind: .replaced, municipalities: [municipality.slug],
                text:
                    "\(municipality.name) har en ny \(role)\(place): \(new.holders) efterträder \(old)\(since).",
                url: siteMap.url(.municipality(municipality.id)))
        }
    }

    /// The sentences for answers new since `old` (or gone from it): "Bjuv har svarat på
    /// ”…” den 22 april 2026 (lämnat fullmakt).", for an offer "Bjuv har anslutit sig till ”…”
    /// den 22 april 2026 (lämnat fullmakt)."
    static func answerNotes(old: [ResponseRecord], new: [ResponseRecord], event: Event, registry: Registry)
        -> [ChangeNote]
    {
        guard old != new, case .deadline(let decision) = event.origin else { return [] }
        let title = "”\(event.title)”"
        func municipalities(_ party: ActionRequest.Party) -> [String] {
            switch party {
            case .municipality(let id): registry[id].map { [$0.slug] } ?? []
            case .body: event.municipalities.compactMap { registry[$0]?.slug }.sorted()
            }
        }
        let before = Set(old)
        let requests = Set(registry.actionRequests(of: decision).map(\.id))
        let responses = registry.actionResponses.filter { requests.contains($0.request) }
            .sorted { ($0.on, $0.party) < ($1.on, $1.party) }
        var notes: [ChangeNote] = []
        for response in responses where !before.contains(ResponseRecord(response)) {
            let name = registry.name(of: response.party)
            let day = response.on.swedishText
            let offer = registry[response.request]?.kind == .offer
            let text =
                switch (response.answer, offer) {
                case (.gave(let what), true):
                    "\(name) har anslutit sig till \(title) den \(day) (lämnat \(what))."
                case (.gave(let what), false): "\(name) har svarat på \(title) den \(day) (lämnat \(what))."
                case (.declined, true): "\(name) har tackat nej till \(title) den \(day)."
                case (.declined, false): "\(name) har avböjt \(title) den \(day)."
                case (.askedForMoreTime(let until), _):
                    "\(name) har den \(day) bett om anstånd med \(title) till den \(until.swedishText)."
                }
            notes.append(
                ChangeNote(kind: .answered, municipalities: municipalities(response.party), text: text))
        }
        let after = Set(new)
        for record in old.sorted() where !after.contains(record) {
            notes.append(
                ChangeNote(
                    kind: .answered, municipalities: municipalities(record.party),
                    text:
                        "Svaret från \(registry.name(of: record.party)) på \(title) den \(record.on.swedishText) är borttaget."
                ))
        }
        return notes
    }
}
