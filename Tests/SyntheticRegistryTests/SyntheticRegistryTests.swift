import Registry
import SyntheticRegistry
import Testing

@Suite struct SyntheticRegistryTests {
    /// A comparable summary of a registry: every record's fields as text.
    func fingerprint(_ registry: Registry) -> [String] {
        registry.documents.map { "\($0)" } + registry.municipalities.map { "\($0)" }
            + registry.people.map { "\($0)" } + registry.bodies.map { "\($0)" }
            + registry.memberships.map { "\($0)" } + registry.appointments.map { "\($0)" }
            + registry.meetings.map { "\($0)" } + registry.decisions.map { "\($0)" }
    }

    @Test func sameSeedGivesIdenticalRegistry() {
        let first = SyntheticRegistry.make(events: 2_000, seed: 7)
        let second = SyntheticRegistry.make(events: 2_000, seed: 7)
        #expect(fingerprint(first) == fingerprint(second))
        #expect(first.meetings == second.meetings)
        #expect(first.decisions == second.decisions)
    }

    @Test func differentSeedGivesDifferentRegistry() {
        let first = SyntheticRegistry.make(events: 1_000, seed: 1)
        let second = SyntheticRegistry.make(events: 1_000, seed: 2)
        #expect(first.meetings != second.meetings)
    }

    @Test(arguments: [1_000, 10_000, 100_000])
    func reachesRequestedEventCount(events: Int) {
        let registry = SyntheticRegistry.make(events: events, seed: 42)
        let count = SyntheticRegistry.eventCount(of: registry)
        #expect(abs(count - events) <= events / 100)
        // About 60 % meetings, 30 % deadlines, 10 % start dates.
        #expect(registry.meetings.count == events * 6 / 10)
        #expect(registry.decisions.count(where: { $0.deadline != nil }) == events * 3 / 10)
    }

    @Test(arguments: [1_000, 20_000])
    func everyReferenceResolves(events: Int) {
        let registry = SyntheticRegistry.make(events: events, seed: 3)
        var missing: [String] = []
        func check(_ found: Bool, _ what: @autoclosure () -> String) {
            if !found { missing.append(what()) }
        }
        func checkSource(_ source: Source) { check(registry[source.document] != nil, "\(source.document)") }

        for municipality in registry.municipalities { checkSource(municipality.source) }
        for person in registry.people { checkSource(person.source) }
        for body in registry.bodies {
            checkSource(body.source)
            if let parent = body.parent { check(registry[parent] != nil, "\(parent)") }
            if let municipality = body.municipality {
                check(registry[municipality] != nil, "\(municipality)")
            }
        }
        for membership in registry.memberships {
            checkSource(membership.source)
            check(registry[membership.person] != nil, "\(membership.person)")
            check(registry[membership.body] != nil, "\(membership.body)")
            if let municipality = membership.municipality {
                check(registry[municipality] != nil, "\(municipality)")
            }
        }
        for appointment in registry.appointments {
            checkSource(appointment.source)
            check(registry[appointment.person] != nil, "\(appointment.person)")
            check(registry[appointment.body] != nil, "\(appointment.body)")
        }
        for meeting in registry.meetings {
            checkSource(meeting.source)
            check(registry[meeting.body] != nil, "\(meeting.body)")
            for attendance in meeting.attendance {
                check(registry[attendance.person] != nil, "\(attendance.person)")
                if let municipality = attendance.municipality {
                    check(registry[municipality] != nil, "\(municipality)")
                }
            }
            for item in meeting.agenda {
                for presenter in item.presenters { check(registry[presenter] != nil, "\(presenter)") }
            }
        }
        for decision in registry.decisions {
            checkSource(decision.source)
            let meeting = registry[decision.meeting]
            check(meeting != nil, "\(decision.meeting)")
            check(meeting?.agenda.contains { $0.number == decision.item } ?? false, "\(decision.id) item")
            for actor in decision.actors {
                switch actor {
                case .person(let id): check(registry[id] != nil, "\(id)")
                case .body(let id): check(registry[id] != nil, "\(id)")
                case .municipality(let id): check(registry[id] != nil, "\(id)")
                case .everyMunicipality: break
                }
            }
        }
        #expect(missing.isEmpty, "unresolved: \(missing.prefix(10))")
    }

    @Test func idsAreUnique() {
        let registry = SyntheticRegistry.make(events: 20_000, seed: 5)
        #expect(Set(registry.people.map(\.id)).count == registry.people.count)
        #expect(Set(registry.bodies.map(\.id)).count == registry.bodies.count)
        #expect(Set(registry.meetings.map(\.id)).count == registry.meetings.count)
        #expect(Set(registry.decisions.map(\.id)).count == registry.decisions.count)
        #expect(Set(registry.documents.map(\.id)).count == registry.documents.count)
        #expect(Set(registry.appointments.map(\.id)).count == registry.appointments.count)
        #expect(Set(registry.memberships.map(\.id)).count == registry.memberships.count)
    }

    @Test func looksLikeTheCollaboration() {
        let registry = SyntheticRegistry.make(events: 10_000, seed: 11)
        #expect(registry.municipalities.prefix(11).map(\.name).contains("Örkelljunga"))
        #expect(registry.meetings.contains { $0.isCancelled })
        #expect(registry.meetings.contains { if case .day = $0.time { true } else { false } })
        #expect(registry.bodies.contains { $0.name.hasPrefix("Nätverket för ") })
        #expect(registry.bodies.contains { $0.name.hasPrefix("Arbetsgruppen för ") })
        #expect(registry.decisions.contains { $0.text.count > 500 })
        #expect(registry.decisions.contains { $0.text.contains(";") && $0.text.contains(",") })
        for meeting in registry.meetings {
            #expect(meeting.time.day.map { $0.weekday <= 5 && $0.isValid } ?? false)
            if case .timed(_, let from, let to) = meeting.time {
                #expect(from >= LocalTime(8, 0) && to <= LocalTime(17, 0) && from < to)
            }
        }
    }

    /// The largest number of people sitting in `body` on the first of any month of the
    /// synthetic period, as personal feeds count them (`PeopleIndex`).
    func largestSize(of body: Body, in registry: Registry, index: PeopleIndex) -> Int {
        (2023...2028).flatMap { year in (1...12).map { Day(year, $0, 1) } }
            .map { index.people(in: body.id, on: $0).count }.max() ?? 0
    }

    /// Bodies keep the sizes of the real collaboration's however large the registry: tens
    /// of people at most, a secretariat of a handful, and a directors' group of one
    /// director per municipality (plus the head of the secretariat). A body that grew with
    /// the registry would put each of its events in ever more personal feeds.
    @Test(arguments: [2_000, 8_000])
    func bodiesKeepRealisticSizes(events: Int) {
        let registry = SyntheticRegistry.make(events: events, seed: 42)
        let index = PeopleIndex(registry)
        for body in registry.bodies {
            let size = largestSize(of: body, in: registry, index: index)
            switch body.kind {
            case .directorsGroup: #expect(size <= registry.municipalities.count + 1, "\(body.id)")
            case .secretariat: #expect(size <= 8, "\(body.id)")
            default: #expect(size <= 40, "\(body.id)")
            }
        }
    }

    /// Each event is in the personal feeds of a bounded number of people on average, so
    /// the personal feeds together grow with the events, not with events × people. A
    /// secretariat whose staff grew with the registry gives 30 per event at 8,000 events
    /// and 87 at 32,000.
    @Test(arguments: [2_000, 8_000])
    func personalFeedsGrowLinearlyWithTheEvents(events: Int) {
        let registry = SyntheticRegistry.make(events: events, seed: 42)
        let entries = registry.events().reduce(0) { $0 + $1.people.members.count }
        #expect(entries > events)
        #expect(entries <= 20 * events, "\(entries) personal-feed entries for \(events) events")
    }

    @Test func meetingsFallInDaylightSavingChangeWeeks() {
        let registry = SyntheticRegistry.make(events: 1_000, seed: 9)
        // Europe/Stockholm changes on the last Sunday of March and of October.
        func nearChange(_ day: Day) -> Bool {
            guard day.month == 3 || day.month == 10 else { return false }
            let lastSunday = (25...31).map { Day(day.year, day.month, $0) }.first { $0.weekday == 7 }!
            return abs(day.days(until: lastSunday)) <= 3
        }
        let days = registry.meetings.compactMap(\.time.day)
        #expect(days.contains { $0.month == 3 && nearChange($0) })
        #expect(days.contains { $0.month == 10 && nearChange($0) })
    }

    @Test(arguments: [
        SyntheticRegistry.DataShape.onePerKind, .functions(maxRecords: 200), .files(maxRecords: 500),
    ])
    func swiftSourceHasOneAddStatementPerRecord(shape: SyntheticRegistry.DataShape) {
        let files = SyntheticRegistry.swiftSource(records: 1_000, seed: 1, shape: shape)
        let statements = files.values.reduce(0) { $0 + $1.ranges(of: "        add(\n").count }
        #expect(statements == 1_000)
        #expect(files["Registry+Synthetic.swift"] != nil)
        #expect(files == SyntheticRegistry.swiftSource(records: 1_000, seed: 1, shape: shape))
    }

    @Test func swiftSourceSplitsIntoFilesOfAtMostTheLimit() {
        let files = SyntheticRegistry.swiftSource(records: 2_000, seed: 1, shape: .files(maxRecords: 200))
        for (name, text) in files where name != "Registry+Synthetic.swift" {
            #expect(text.ranges(of: "        add(\n").count <= 200, "\(name)")
            #expect(text.ranges(of: "mutating func ").count == 1, "\(name)")
        }
    }

    @Test(arguments: ["one-per-kind", "functions:200", "files:500"])
    func dataShapeRoundTrips(argument: String) {
        #expect(SyntheticRegistry.DataShape(argument: argument)?.description == argument)
    }

    @Test(arguments: ["", "files", "files:0", "functions:x", "one-per-kind:3"])
    func dataShapeRejectsNonsense(argument: String) {
        #expect(SyntheticRegistry.DataShape(argument: argument) == nil)
    }
}
