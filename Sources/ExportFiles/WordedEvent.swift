import CalendarFeeds
public import ICalendar
public import Registry

/// An event in the words of every feed that holds it, and what the ledger needs to know
/// of it: everything about an event that does not depend on the events before it, so
/// events are worded on another core while this one sequences them in order.
struct WordedEvent: Sendable {
    /// A municipality's or a person's own wording, with its ledger line and fingerprint.
    struct Variant: Sendable {
        let scope: WordingScope
        let event: VEvent
        let key: LedgerKey
        let fingerprint: String
    }

    let kind: Event.Kind
    /// The wording most feeds carry.
    let shared: VEvent
    /// The ledger key of `shared`.
    let key: LedgerKey
    /// The ledger's fingerprint of `shared`.
    let fingerprint: String
    /// Each municipality's own wording, in `ownWordings` order, then each person's, by ID.
    let variants: [Variant]
    let state: EventState
    /// The change log's sentences for answers new since the previous export.
    let notes: [ChangeNote]
    /// The indices of the standard feeds that hold the event.
    let feeds: [Int]

    /// - Parameter previous: The event ledger of the previous export, unchanged by this
    ///   one: only the event itself ever changes the lines it reads.
    init(_ event: Event, plan: ExportPlan, previous: EventLedger) {
        let registry = plan.registry
        kind = event.kind
        let uid = EventUID(event)
        key = LedgerKey(uid: uid)
        let municipal = Self.ownWordings(of: event, registry: registry, ledger: previous).compactMap {
            municipality -> Variant? in
            guard let slug = plan.slugs[municipality] else { return nil }
            let variant = registry.calendarEvent(event, for: municipality)
            return Variant(
                scope: .municipality(municipality), event: variant,
                key: LedgerKey(uid: uid, municipality: slug),
                fingerprint: Fingerprint.of(variant, kind: event.kind))
        }
        shared = registry.calendarEvent(event)
        fingerprint = Fingerprint.of(shared, kind: event.kind)
        variants =
            municipal
            + Self.personalWordings(
                of: event, plan: plan, municipal: municipal, shared: (shared, fingerprint), ledger: previous)
        let answers: [ResponseRecord] =
            if case .deadline(let decision) = event.origin { registry.responseRecords(of: decision) } else {
                []
            }
        state = EventState(
            timing: shared.timing, location: shared.location ?? "", status: shared.status, title: event.title,
            municipalities: event.municipalities.compactMap { plan.slugs[$0] }.sorted(),
            url: shared.url ?? "",
            answers: answers, facts: Self.facts(of: event, plan: plan))
        notes = ChangeDetection.answerNotes(
            old: previous[key]?.state?.answers ?? answers, new: answers, event: event,
            registry: registry)
        feeds = plan.routing.feeds(holding: event)
    }

    /// A meeting's agenda items, decisions and attendance record, for the change log to
    /// announce the new ones; nil for other events.
    static func facts(of event: Event, plan: ExportPlan) -> [EventState.Fact]? {
        guard case .meeting(let id) = event.origin, let meeting = plan.registry[id] else { return nil }
        var facts = meeting.agenda.map { EventState.Fact(.agendaItem, id: "\($0.number)", words: $0.title) }
        facts += (plan.decisionsByMeeting[id] ?? []).map {
            EventState.Fact(.decision, id: $0.id.rawValue, words: $0.title)
        }
        if !meeting.attendance.isEmpty { facts.append(EventState.Fact(.attendance)) }
        return facts
    }

    /// The municipalities whose feeds carry their own wording of `event`: those its
    /// decision asks, and any whose feed had its own wording before (the ledger has a line
    /// for it). Once a feed has had its own SEQUENCE for an event it keeps it, so that
    /// SEQUENCE never falls back to the shared one when the decision stops asking.
    static func ownWordings(of event: Event, registry: Registry, ledger: EventLedger) -> [Municipality.ID] {
        var wordings = registry.municipalitiesWithOwnWording(of: event)
        guard event.kind == .deadline else { return wordings }
        let uid = EventUID(event)
        guard ledger.hasOwnLines(uid) else { return wordings }
        for municipality in event.municipalities.sorted() where !wordings.contains(municipality) {
            guard let slug = registry[municipality]?.slug,
                ledger[LedgerKey(uid: uid, municipality: slug)] != nil
            else { continue }
            wordings.append(municipality)
        }
        return wordings
    }
}

extension WordedEvent {
    /// Each person's own wording of `event` in their personal feed: the wording of the
    /// one municipality they represent on its day, where that differs from the shared
    /// one, and any wording whose person had a line of their own before, so that their
    /// SEQUENCE never falls back to the shared one (when they come to represent two).
    static func personalWordings(
        of event: Event, plan: ExportPlan, municipal: [Variant], shared: (event: VEvent, fingerprint: String),
        ledger: EventLedger
    ) -> [Variant] {
        guard event.kind == .deadline, !event.people.isEmpty else { return [] }
        let uid = EventUID(event)
        let hadLines = ledger.hasOwnLines(uid)
        // Without a municipality's own wording or an earlier line, no person has one:
        // most deadlines, each in the feeds of tens of people.
        guard !municipal.isEmpty || hadLines else { return [] }
        var variants: [Variant] = []
        for person in event.people.sorted(by: { $0.rawValue < $1.rawValue }) {
            let key = LedgerKey(uid: uid, person: person.rawValue)
            let represented = plan.registry.wordingMunicipality(of: event, for: person, seats: plan.seats)
            let own = represented.flatMap { municipality in
                municipal.first { $0.scope == .municipality(municipality) }
            }
            if let own, own.fingerprint != shared.fingerprint || (hadLines && ledger[key] != nil) {
                variants.append(
                    Variant(scope: .person(person), event: own.event, key: key, fingerprint: own.fingerprint))
            } else if hadLines && ledger[key] != nil {
                variants.append(
                    Variant(
                        scope: .person(person), event: shared.event, key: key, fingerprint: shared.fingerprint
                    ))
            }
        }
        return variants
    }
}

extension Fingerprint {
    /// The fingerprint the event ledger compares: of everything a subscriber would notice
    /// changing. DTSTAMP and LAST-MODIFIED are left out: they follow from the change.
    public static func of(_ event: VEvent, kind: Event.Kind) -> String {
        of(
            fields: [
                event.uid, kind.rawValue, event.timing.ledgerText, event.summary, event.description,
                event.location ?? "", event.status.rawValue,
                event.alarm.map { "\($0.minutesBefore) \($0.description)" } ?? "",
            ] + (event.url.map { [$0] } ?? []))
    }
}
