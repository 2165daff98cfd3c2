public import CalendarFeeds
public import ICalendar
public import Registry

/// Everything Samverkan publishes, rendered once: the events, their SEQUENCE numbers,
/// each event's iCalendar bytes, and every file of the export.
///
/// `samverkan export` renders it and writes its files to `Exports/`; `samverkan serve`
/// reads it back from there (`init(readingBack:…)`) and builds custom feeds from the same
/// encoded events, so nothing is encoded twice and the two never disagree.
public struct Publication: Sendable {
    /// The registry's events, in `Event.precedes` order.
    public let events: [Event]
    /// Each event's VEVENT bytes with its SEQUENCE, in the order of `events`.
    public let encodedEvents: [[UInt8]]
    /// Each event's revision (its DTSTAMP and LAST-MODIFIED), in the order of `events`.
    public let revisions: [Instant]
    /// A municipality's or person's own wording of an event, by the event's index in
    /// `events`: a deadline that says whether the municipality (the one the person
    /// represents) has answered. Its feed holds these bytes instead of the shared ones
    /// (same UID, its own SEQUENCE).
    public let ownWording: [Int: [WordingScope: EncodedEvent]]
    /// Every subscriber-visible change the exports have seen, newest first.
    public let changes: [ChangeEntry]
    /// The standard feeds, in the order of their files.
    public let feeds: [Feed]
    /// The ledgers as this export leaves them.
    public internal(set) var ledger: Ledgers
    /// The spreadsheet and Popolo exports (`representatives.csv`, `popolo.json`), made from
    /// the registry alone: `serve` serves them as nginx serves the committed files. Kept
    /// here so the server does not make the 100 MB Popolo export a second time.
    public let dataFiles: [(path: String, bytes: [UInt8])]
    /// The spreadsheet's file, under `Exports/` and the site's root.
    public static let representativesFile = "representatives.csv"
    /// The Popolo export's file, under `Exports/` and the site's root.
    public static let popoloFile = "popolo.json"
    /// Every file: the standard feeds (in `feeds` order), their gzip twins (`.ics.gz`, in
    /// the same order), the spreadsheet and Popolo exports, the Atom change logs (each
    /// with its `.gz`), then the ledgers.
    public internal(set) var files: [ExportFile]

    /// Renders the registry in named steps: plan (events, feeds, routing), word and
    /// sequence (`Sequencer`), assemble the feeds (`AssembledFeed`), then the files and
    /// the ledgers that carry this export to the next.
    ///
    /// - Parameters:
    ///   - ledger: The ledgers of the previous export (empty for the first one).
    ///   - encoder: The iCalendar encoder; its zone is the feeds' VTIMEZONE.
    ///   - now: The revision of whatever this export sees change (read from the clock by
    ///     the command line only), so the same data and ledgers give the same bytes. Nil:
    ///     one second after the newest instant the ledgers record.
    ///   - feedTwins: Whether to compress each feed into its `.ics.gz` twin; `serve`, when
    ///     it renders a stale export, does not need them.
    public init(
        registry: Registry, previous ledger: Ledgers, encoder: ICalendarEncoder, now: Instant? = nil,
        feedTwins: Bool = true
    ) {
        let now = now ?? ledger.newestRecord.map { $0.adding(seconds: 1) } ?? Instant(registry.latestRevision)
        let zone = encoder.zone
        let registryFiles = Parallel.background { ExportPlan.registryFiles(registry, zone: zone) }
        let plan = ExportPlan(registry: registry, encoder: encoder)
        var sequencer = Sequencer(ledger.events, now: now, encoder: encoder)
        let sequenced = sequencer.run(plan)
        var ledgers = ledger
        ledgers.events = sequencer.ledger
        ledgers.changes.append(contentsOf: sequencer.changes)
        let removed = ledgers.events.recordRemovals(keeping: sequencer.published, now: now)
        ledgers.changes.append(contentsOf: ChangeDetection.removals(removed, now: now))
        let eventLedger = ledgers.events
        let sequencesTSV = Parallel.background { eventLedger.tsv }
        ledgers.changes.append(
            contentsOf: ChangeDetection.replacements(
                ledgers.seats.record(registry.seatStates()), registry: registry, now: now,
                siteMap: SiteMap(registry: registry)))
        let assembled = AssembledFeed.assemble(plan, sequenced, twins: feedTwins)
        var files = Self.feedFiles(plan, assembled, revisions: &ledgers.files, now: now)
        dataFiles = registryFiles.value()
        files += Self.revised(dataFiles, revisions: &ledgers.files, candidate: plan.latest, now: now)
        files += Self.changeLogFiles(
            ledgers.changes.newestFirst, plan: plan, revisions: &ledgers.files, now: now)
        files += Self.ledgerFiles(ledgers, sequencesTSV: sequencesTSV.value(), newest: files)
        events = plan.events
        encodedEvents = sequenced.map(\.shared.bytes)
        revisions = sequenced.map(\.shared.revised)
        ownWording = Self.ownWording(sequenced)
        changes = ledgers.changes.newestFirst
        feeds = plan.feeds
        self.ledger = ledgers
        self.files = files
    }

    /// Adds files made from what this publication holds (the web pages, which are made a
    /// layer above), each revised like every other file: `revisions.tsv` records it, and
    /// the ledger files, rewritten, stay as new as the newest file. A file seen for the
    /// first time gets the newest revision among the others.
    public mutating func add(_ made: [(path: String, bytes: [UInt8])], now: Instant) {
        let ledgerNames = Set(Ledgers.fileNames)
        var kept = files.filter { !ledgerNames.contains($0.path) }
        var ledgerBytes: [String: [UInt8]] = [:]
        for file in files where ledgerNames.contains(file.path) { ledgerBytes[file.path] = file.bytes }
        let candidate = kept.map(\.lastModified).max() ?? Instant(secondsSinceEpoch: 0)
        kept += Self.revised(made, revisions: &ledger.files, candidate: candidate, now: now)
        let newest = kept.map(\.lastModified).max() ?? candidate
        for name in Ledgers.fileNames {
            let bytes =
                name == FileRevisions.fileName ? Array(ledger.files.tsv.utf8) : ledgerBytes[name] ?? []
            kept.append(ExportFile(path: name, bytes: bytes, lastModified: newest))
        }
        files = kept
    }

    /// Each feed with its revision, then beside each its gzip twin, for nginx's
    /// gzip_static: the same revision, so both answer conditional requests alike.
    private static func feedFiles(
        _ plan: ExportPlan, _ assembled: [AssembledFeed], revisions: inout FileRevisions, now: Instant
    ) -> [ExportFile] {
        var files: [ExportFile] = []
        files.reserveCapacity(2 * assembled.count)
        for (feed, result) in zip(plan.feeds, assembled) {
            let modified = revisions.revision(
                ofFile: feed.path, fingerprint: result.fingerprint,
                candidate: result.newestEvent ?? plan.latest,
                now: now)
            files.append(ExportFile(path: feed.path, bytes: result.bytes, lastModified: modified))
        }
        for (index, result) in assembled.enumerated() {
            guard let twin = result.twin else { continue }
            files.append(
                ExportFile(
                    path: files[index].path + ".gz", bytes: twin, lastModified: files[index].lastModified))
        }
        return files
    }

    /// Files whose revision follows their bytes alone.
    private static func revised(
        _ made: [(path: String, bytes: [UInt8])], revisions: inout FileRevisions, candidate: Instant,
        now: Instant
    ) -> [ExportFile] {
        made.map { path, bytes in
            ExportFile(
                path: path, bytes: bytes,
                lastModified: revisions.revision(ofFile: path, bytes: bytes, candidate: candidate, now: now))
        }
    }

    /// The Atom change logs, each with its `.gz`.
    private static func changeLogFiles(
        _ changes: [ChangeEntry], plan: ExportPlan, revisions: inout FileRevisions, now: Instant
    ) -> [ExportFile] {
        changeLogs(changes, registry: plan.registry, latest: plan.latest).flatMap { path, bytes, candidate in
            let modified = revisions.revision(ofFile: path, bytes: bytes, candidate: candidate, now: now)
            return [
                ExportFile(path: path, bytes: bytes, lastModified: modified),
                ExportFile(path: path + ".gz", bytes: Gzip.compress(bytes), lastModified: modified),
            ]
        }
    }

    /// The four ledgers, as new as the newest file: they change whenever anything does.
    private static func ledgerFiles(_ ledgers: Ledgers, sequencesTSV: String, newest files: [ExportFile])
        -> [ExportFile]
    {
        let newest = files.map(\.lastModified).max() ?? Instant(secondsSinceEpoch: 0)
        return zip(
            Ledgers.fileNames, [sequencesTSV, ledgers.files.tsv, ledgers.changes.tsv, ledgers.seats.tsv]
        ).map {
            ExportFile(path: $0, text: $1, lastModified: newest)
        }
    }

    private static func ownWording(_ sequenced: [SequencedEvent]) -> [Int: [WordingScope: EncodedEvent]] {
        var own: [Int: [WordingScope: EncodedEvent]] = [:]
        for (position, event) in sequenced.enumerated() where !event.own.isEmpty { own[position] = event.own }
        return own
    }

    /// The change log as Atom documents: everything (`changes.atom`), then one per
    /// municipality (`changes/bjuv.atom`), each with the revision it asks for: never older
    /// than the newest change it carries.
    ///
    /// - Parameter changes: The change log, newest first.
    static func changeLogs(_ changes: [ChangeEntry], registry: Registry, latest: Instant)
        -> [(path: String, bytes: [UInt8], candidate: Instant)]
    {
        let siteMap = SiteMap(registry: registry)
        var atoms: [(String, String)] = [
            (
                SiteMap.changeLogFile(),
                AtomFeed.document(
                    entries: changes, path: SiteMap.changeLogFile(),
                    title: "Familjen Helsingborg: ändringar i kalendern", siteMap: siteMap,
                    alternate: siteMap.url(.home) ?? "/", updated: latest)
            )
        ]
        for municipality in registry.municipalities.sorted(by: { $0.slug < $1.slug }) {
            let path = SiteMap.changeLogFile(municipality)
            atoms.append(
                (
                    path,
                    AtomFeed.document(
                        entries: changes.filter { $0.municipalities.contains(municipality.slug) }, path: path,
                        title: "Familjen Helsingborg: ändringar för \(municipality.name)", siteMap: siteMap,
                        alternate: siteMap.url(.municipality(municipality.id)) ?? "/", updated: latest)
                ))
        }
        let newestChange = changes.first.map { max($0.date, latest) } ?? latest
        return atoms.map { path, text in (path, Array(text.utf8), newestChange) }
    }

    /// The changes that concern one municipality, newest first.
    public func changes(for municipality: Municipality) -> [ChangeEntry] {
        changes.filter { $0.municipalities.contains(municipality.slug) }
    }

    /// The bytes and revision of the event at `index` in a feed of `selection`: the
    /// person's or municipality's own wording when the selection is narrowed to one that
    /// has one.
    public func encodedEvent(at index: Int, for selection: FeedSelection) -> EncodedEvent {
        Self.encodedEvent(
            own: ownWording[index], for: selection,
            shared: EncodedEvent(bytes: encodedEvents[index], revised: revisions[index]))
    }

    /// The wording of `own` a feed of `selection` carries, else `shared`.
    public static func encodedEvent(
        own: [WordingScope: EncodedEvent]?, for selection: FeedSelection,
        shared: @autoclosure () -> EncodedEvent
    ) -> EncodedEvent {
        if let own {
            for scope in selection.wordingScopes { if let found = own[scope] { return found } }
        }
        return shared()
    }

    /// Hands the files over and leaves none behind, so a caller that turns them into
    /// something else (response buffers) never holds two copies of every byte.
    public mutating func takeFiles() -> [ExportFile] {
        var taken: [ExportFile] = []
        swap(&taken, &files)
        return taken
    }
}
