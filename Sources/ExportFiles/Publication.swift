public import CalendarFeeds
public import ICalendar
public import Registry

/// One event's iCalendar bytes (with its SEQUENCE) and its revision.
public struct EncodedEvent: Hashable, Sendable {
    public let bytes: [UInt8]
    public let revised: Instant

    public init(bytes: [UInt8], revised: Instant) {
        self.bytes = bytes
        self.revised = revised
    }
}

/// Everything Samverkan publishes, rendered once: the events, their SEQUENCE numbers,
/// each event's iCalendar bytes, and every file of the export.
///
/// `samverkan export` renders it and writes its files to `Exports/`; `samverkan serve`
/// reads it back from there (`init(readingBack:…)`), checked against the data, and
/// builds custom feeds from the same encoded events: nothing is encoded twice, and the
/// two never disagree.
public struct Publication: Sendable {
    /// The registry's events, in `Event.precedes` order.
    public let events: [Event]
    /// Each event's VEVENT bytes with its SEQUENCE, in the order of `events`.
    public let encodedEvents: [[UInt8]]
    /// Each event's revision (its DTSTAMP and LAST-MODIFIED), in the order of `events`.
    public let revisions: [Instant]
    /// A municipality's own wording of an event, by the event's index in `events`: a
    /// deadline that says whether the municipality has answered. Its feed holds these
    /// bytes instead of the shared ones (same UID, its own SEQUENCE).
    public let ownWording: [Int: [Municipality.ID: EncodedEvent]]
    /// Every subscriber-visible change the exports have seen, newest first.
    public let changes: [ChangeEntry]
    /// The standard feeds, in the order of their files.
    public let feeds: [Feed]
    /// The ledger as this export leaves it.
    public let ledger: SequenceLedger
    /// Every file: the standard feeds (in `feeds` order), their gzip twins (`.ics.gz`, in
    /// the same order), the spreadsheet and Popolo exports, the Atom change logs (each
    /// with its `.gz`), then the ledgers (`sequences.tsv`, `revisions.tsv`, `changes.tsv`,
    /// `seats.tsv`).
    public internal(set) var files: [ExportFile]

    /// Renders the registry.
    ///
    /// The events are worded, sequenced and encoded one after another (the ledger and
    /// libical see them in order); everything that does not depend on that order runs
    /// beside it on the other cores: the Popolo and CSV exports while the events are
    /// encoded, then the feeds' fingerprints and gzip twins, one feed per task.
    ///
    /// - Parameters:
    ///   - registry: What to publish.
    ///   - ledger: The ledger of the previous export (empty for the first one).
    ///   - encoder: The iCalendar encoder; its zone is the feeds' VTIMEZONE.
    ///   - now: When this export runs: the revision of whatever it sees change (read from
    ///     the clock by the command line only). Unchanged data and ledger never use it, so
    ///     the same data and ledger give the same bytes. Nil: one second after the newest
    ///     instant the ledger records (deterministic, for tests and `serve`).
    ///   - feedTwins: Whether to compress each feed into its `.ics.gz` twin; `serve`, when
    ///     it renders a stale export, does not need them in memory.
    public init(
        registry: Registry, previous ledger: SequenceLedger, encoder: ICalendarEncoder, now: Instant? = nil,
        feedTwins: Bool = true
    ) {
        var ledger = ledger
        let firstExport = ledger.entries.isEmpty
        let now =
            now ?? ledger.newestRecord.map { $0.adding(seconds: 1) } ?? Instant(registry.latestRevision)
        // The spreadsheet and Popolo exports depend on the registry alone: made on another
        // core while this one encodes the events.
        let zone = encoder.zone
        let others = Parallel.background {
            [
                ("representatives.csv", Array(registry.representativesCSV().utf8)),
                ("popolo.json", registry.popolo(zone: zone).json),
            ]
        }
        let events = registry.events()
        let feeds = registry.standardFeeds(events: events)
        let routing = FeedRouting(feeds)
        let slugs = Dictionary(
            registry.municipalities.map { ($0.id, $0.slug) }, uniquingKeysWith: { first, _ in first })
        let envelopes = feeds.map { encoder.envelope($0.header) }
        var encodedEvents: [[UInt8]] = []
        encodedEvents.reserveCapacity(events.count)
        var revisions: [Instant] = []
        revisions.reserveCapacity(events.count)
        var ownWording: [Int: [Municipality.ID: EncodedEvent]] = [:]
        var published = Set<String>()
        var members = [[Int]](repeating: [], count: feeds.count)
        var revised = [Instant?](repeating: nil, count: feeds.count)
        // The events in batches, through two stages: the wording of the next batch (which
        // depends on the registry and the previous ledger alone) is made on another core
        // while this one gives the current batch its SEQUENCE numbers and libical bytes, in
        // order. Each event is worded and encoded once, and once more for each municipality
        // that words it its own way; each feed notes which events it holds.
        let previous = ledger
        Pipeline.run(
            events,
            prepare: {
                WordedEvent($0, registry: registry, previous: previous, routing: routing, slugs: slugs)
            },
            consume: { batch, worded in
                for (position, item) in zip(batch, worded) {
                    let event = events[position]
                    var own: [Municipality.ID: EncodedEvent] = [:]
                    for (municipality, variant, key, fingerprint) in item.variants {
                        // Before the shared event is recorded, so a first variant continues from
                        // what the municipality's feed showed: the shared event of the last export.
                        var variant = variant
                        let variantAssignment = ledger.assign(
                            variant, kind: event.kind, now: firstExport ? nil : now, key: key,
                            fingerprint: fingerprint)
                        variant.revised = variantAssignment.revised
                        published.insert(key)
                        own[municipality] = EncodedEvent(
                            bytes: encoder.encode(variant, sequence: variantAssignment.sequence),
                            revised: variantAssignment.revised)
                    }
                    var calendarEvent = item.shared
                    let assignment = ledger.assign(
                        calendarEvent, kind: event.kind, now: firstExport ? nil : now, state: item.state,
                        notes: item.notes, fingerprint: item.fingerprint)
                    calendarEvent.revised = assignment.revised
                    published.insert(calendarEvent.uid)
                    let bytes = encoder.encode(calendarEvent, sequence: assignment.sequence)
                    for index in item.feeds {
                        members[index].append(position)
                        let eventRevised =
                            feeds[index].selection.municipality.flatMap { own[$0]?.revised }
                            ?? assignment.revised
                        revised[index] = max(revised[index] ?? eventRevised, eventRevised)
                    }
                    if !own.isEmpty { ownWording[position] = own }
                    encodedEvents.append(bytes)
                    revisions.append(assignment.revised)
                }
            })
        ledger.recordRemovals(keeping: published, now: now)
        // The events' lines are final: written on another core while the feeds are assembled.
        let entriesOnly = ledger
        let sequencesTSV = Parallel.background { entriesOnly.tsv }
        let siteMap = SiteMap(registry: registry)
        ledger.recordSeats(registry.seatStates(), registry: registry, now: now, siteMap: siteMap)
        let latest = Instant(registry.latestRevision)
        // Each feed's bytes, fingerprint (and twin), one feed per task, each buffer sized
        // before it is filled; then the ledger, in order.
        let (held, encoded, own) = (members, encodedEvents, ownWording)
        let finished = Parallel.map(Array(feeds.indices)) { index in
            let municipality = feeds[index].selection.municipality
            let chunks = held[index].map { position in
                municipality.flatMap { own[position]?[$0]?.bytes } ?? encoded[position]
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(
                chunks.reduce(envelopes[index].opening.count + envelopes[index].closing.count) {
                    $0 + $1.count
                })
            bytes.append(contentsOf: envelopes[index].opening)
            for chunk in chunks { bytes.append(contentsOf: chunk) }
            bytes.append(contentsOf: envelopes[index].closing)
            return (
                bytes: bytes, fingerprint: SequenceLedger.fingerprint(bytes),
                twin: feedTwins ? Gzip.compress(bytes) : nil
            )
        }
        var files: [ExportFile] = []
        files.reserveCapacity(2 * feeds.count + 4)
        for index in feeds.indices {
            let modified = ledger.revision(
                ofFile: feeds[index].path, fingerprint: finished[index].fingerprint,
                candidate: revised[index] ?? latest, now: now)
            files.append(
                ExportFile(path: feeds[index].path, bytes: finished[index].bytes, lastModified: modified))
        }
        // Beside each feed its gzip twin, for nginx's gzip_static: the same revision, so
        // both answer conditional requests alike.
        for index in feeds.indices {
            guard let twin = finished[index].twin else { continue }
            files.append(
                ExportFile(
                    path: feeds[index].path + ".gz", bytes: twin, lastModified: files[index].lastModified))
        }
        for (path, bytes) in others.value() {
            let modified = ledger.revision(ofFile: path, bytes: bytes, candidate: latest, now: now)
            files.append(ExportFile(path: path, bytes: bytes, lastModified: modified))
        }
        // The change log as Atom: everything, and one per municipality.
        let changes = Array(ledger.changes.reversed())
        for (path, bytes, modified) in Self.changeLogs(
            changes, registry: registry, siteMap: siteMap, latest: latest,
            revised: { path, bytes, candidate in
                ledger.revision(ofFile: path, bytes: bytes, candidate: candidate, now: now)
            })
        {
            files.append(ExportFile(path: path, bytes: bytes, lastModified: modified))
            files.append(ExportFile(path: path + ".gz", bytes: Gzip.compress(bytes), lastModified: modified))
        }
        // The ledgers change whenever anything does: as new as the newest file.
        let newest = files.map(\.lastModified).max() ?? latest
        files.append(
            ExportFile(path: SequenceLedger.fileName, text: sequencesTSV.value(), lastModified: newest))
        files.append(
            ExportFile(path: SequenceLedger.filesFileName, text: ledger.filesTSV, lastModified: newest))
        files.append(
            ExportFile(path: SequenceLedger.changesFileName, text: ledger.changesTSV, lastModified: newest))
        files.append(
            ExportFile(path: SequenceLedger.seatsFileName, text: ledger.seatsTSV, lastModified: newest))
        self.changes = changes
        self.events = events
        self.encodedEvents = encodedEvents
        self.revisions = revisions
        self.ownWording = ownWording
        self.feeds = feeds
        self.ledger = ledger
        self.files = files
    }

    /// The change log as Atom documents: everything (`changes.atom`), then one per
    /// municipality (`changes/bjuv.atom`), each with its revision from `revised(path,
    /// bytes, candidate)`. A log is never older than the newest change it carries, even the
    /// first time it is written.
    ///
    /// - Parameter changes: The change log, newest first.
    static func changeLogs(
        _ changes: [ChangeEntry], registry: Registry, siteMap: SiteMap, latest: Instant,
        revised: (String, [UInt8], Instant) -> Instant
    ) -> [(path: String, bytes: [UInt8], revised: Instant)] {
        var atoms: [(String, String)] = [
            (
                SiteMap.changeLogFile(),
                AtomFeed.document(
                    entries: changes, path: SiteMap.changeLogFile(),
                    title: "Familjen Helsingborg: ändringar i kalendern",
                    siteMap: siteMap, alternate: siteMap.url(.home) ?? "/", updated: latest)
            )
        ]
        for municipality in registry.municipalities.sorted(by: { $0.slug < $1.slug }) {
            let path = SiteMap.changeLogFile(municipality)
            atoms.append(
                (
                    path,
                    AtomFeed.document(
                        entries: changes.filter { $0.municipalities.contains(municipality.slug) }, path: path,
                        title: "Familjen Helsingborg: ändringar för \(municipality.name)",
                        siteMap: siteMap,
                        alternate: siteMap.url(.municipality(municipality.id)) ?? "/", updated: latest)
                ))
        }
        let newestChange = changes.first.map { max($0.date, latest) } ?? latest
        return atoms.map { path, text in
            let bytes = Array(text.utf8)
            return (path, bytes, revised(path, bytes, newestChange))
        }
    }

    /// An event's wording for every feed that holds it, and what the ledger needs to know
    /// of it: everything about an event that does not depend on the events before it.
    struct WordedEvent: Sendable {
        /// The wording most feeds carry.
        let shared: VEvent
        /// The ledger's fingerprint of `shared`.
        let fingerprint: String
        /// Each municipality's own wording, its ledger key and fingerprint, in `ownWordings`
        /// order.
        let variants: [(municipality: Municipality.ID, event: VEvent, key: String, fingerprint: String)]
        let state: EventState
        /// The change log's sentences for answers new since the previous export.
        let notes: [ChangeNote]
        /// The indices of the standard feeds that hold the event.
        let feeds: [Int]

        /// - Parameter previous: The ledger of the previous export, unchanged by this one:
        ///   only the event itself ever changes the lines it reads.
        init(
            _ event: Event, registry: Registry, previous: SequenceLedger, routing: FeedRouting,
            slugs: [Municipality.ID: String]
        ) {
            variants = Publication.ownWordings(of: event, registry: registry, ledger: previous).compactMap {
                municipality in
                guard let slug = slugs[municipality] else { return nil }
                let variant = registry.calendarEvent(event, for: municipality)
                return (
                    municipality, variant,
                    SequenceLedger.variantKey(uid: variant.uid, municipalitySlug: slug),
                    SequenceLedger.fingerprint(variant, kind: event.kind)
                )
            }
            shared = registry.calendarEvent(event)
            fingerprint = SequenceLedger.fingerprint(shared, kind: event.kind)
            let answers: [String] =
                if case .deadline(let decision) = event.origin { registry.responseKeys(of: decision) } else {
                    []
                }
            state = Publication.state(of: event, shared, slugs: slugs, answers: answers)
            notes = Publication.answerNotes(
                old: previous.entries[shared.uid]?.state?.answers ?? answers, new: answers, event: event,
                registry: registry)
            feeds = routing.feeds(holding: event)
        }
    }

    /// The changes that concern one municipality, newest first.
    public func changes(for municipality: Municipality) -> [ChangeEntry] {
        changes.filter { $0.municipalities.contains(municipality.slug) }
    }

    /// The municipalities whose feeds carry their own wording of `event`: those its
    /// decision asks, and any whose feed had its own wording before (the ledger has a line
    /// for it). Once a feed has had its own SEQUENCE for an event it keeps it, so that
    /// SEQUENCE never falls back to the shared one when the decision stops asking.
    static func ownWordings(of event: Event, registry: Registry, ledger: SequenceLedger) -> [Municipality.ID]
    {
        var wordings = registry.municipalitiesWithOwnWording(of: event)
        guard event.kind == .deadline else { return wordings }
        let uid = registry.uid(event)
        guard ledger.variantUIDs.contains(uid) else { return wordings }
        for municipality in event.municipalities.sorted() where !wordings.contains(municipality) {
            guard let slug = registry[municipality]?.slug,
                ledger.entries[SequenceLedger.variantKey(uid: uid, municipalitySlug: slug)] != nil
            else { continue }
            wordings.append(municipality)
        }
        return wordings
    }

    /// The bytes and revision of the event at `index` in a feed of `selection`: the
    /// municipality's own wording when the selection is one municipality's and it has one.
    public func encodedEvent(at index: Int, for selection: FeedSelection) -> EncodedEvent {
        if let municipality = selection.municipality, let own = ownWording[index]?[municipality] {
            return own
        }
        return EncodedEvent(bytes: encodedEvents[index], revised: revisions[index])
    }

    /// The change log's sentences for answers that are new since `old` (or gone from it):
    /// "Bjuv har svarat på ”Fullmakt …” den 22 april 2026 (lämnat fullmakt)."
    static func answerNotes(old: [String], new: [String], event: Event, registry: Registry) -> [ChangeNote] {
        guard old != new, case .deadline(let decision) = event.origin else { return [] }
        let title = "”\(event.title)”"
        let oldKeys = Set(old)
        let newKeys = Set(new)
        func municipalities(_ party: ActionRequest.Party) -> [String] {
            switch party {
            case .municipality(let id): registry[id].map { [$0.slug] } ?? []
            case .body: event.municipalities.compactMap { registry[$0]?.slug }.sorted()
            }
        }
        var notes: [ChangeNote] = []
        let requests = Set(registry.actionRequests(of: decision).map(\.id))
        let responses = registry.actionResponses.filter { requests.contains($0.request) }
            .sorted { ($0.on, $0.party) < ($1.on, $1.party) }
        for response in responses where !oldKeys.contains(response.recordKey) {
            let name = registry.name(of: response.party)
            let day = response.on.swedishText
            let text =
                switch response.answer {
                case .gave(let what): "\(name) har svarat på \(title) den \(day) (lämnat \(what))."
                case .declined: "\(name) har svarat nej på \(title) den \(day)."
                case .askedForMoreTime(let until):
                    "\(name) har den \(day) bett om anstånd med \(title) till den \(until.swedishText)."
                }
            notes.append(
                ChangeNote(kind: .answered, municipalities: municipalities(response.party), text: text))
        }
        for key in old.sorted() where !newKeys.contains(key) {
            let fields = key.split(separator: " ")
            guard fields.count == 4, let party = ActionRequest.Party(key: fields[1]) else { continue }
            let day = Day(iso: fields[2])?.swedishText ?? String(fields[2])
            notes.append(
                ChangeNote(
                    kind: .answered, municipalities: municipalities(party),
                    text: "Svaret från \(registry.name(of: party)) på \(title) den \(day) är borttaget."))
        }
        return notes
    }

    /// What subscribers see of an event, for wording its next change.
    /// - Parameter slugs: Each municipality's slug, worked out once for all events.
    static func state(
        of event: Event, _ calendarEvent: VEvent, slugs: [Municipality.ID: String], answers: [String] = []
    )
        -> EventState
    {
        let timing: String
        switch calendarEvent.timing {
        case .timed(let day, let from, let to): timing = "\(day)T\(from)-\(to)"
        case .allDay(let day): timing = "\(day)"
        }
        return EventState(
            timing: timing, location: calendarEvent.location ?? "", status: calendarEvent.status.rawValue,
            title: event.title,
            municipalities: event.municipalities.compactMap { slugs[$0] }.sorted(),
            url: calendarEvent.url ?? "", answers: answers)
    }

    /// Hands the files over and leaves none behind, so a caller that turns them into
    /// something else (response buffers) never holds two copies of every byte.
    public mutating func takeFiles() -> [ExportFile] {
        var taken: [ExportFile] = []
        swap(&taken, &files)
        return taken
    }
}
