import CalendarFeeds
import Registry
import RegistryData
import Testing

/// `FeedRouting` finds, for every event, exactly the feeds whose definition holds it:
/// checked against the definition written out here, not against `FeedSelection`.
@Suite struct FeedRoutingTests {
    @Test func findsExactlyTheFeedsThatHoldEachEvent() throws {
        let registry = Registry.familjenHelsingborg
        let municipality = try #require(registry.municipalities.map(\.id).min { $0.rawValue < $1.rawValue })
        let body = try #require(registry.bodies.map(\.id).min { $0.rawValue < $1.rawValue })
        let person = try #require(registry.personalFeedHolders.first?.id)
        // Besides the standard feeds, selections narrowed to both, and to kinds within one;
        // an archive year and a window that starts mid-year.
        let feeds =
            registry.standardFeeds() + [
                Feed(
                    path: "both.ics", name: "both", description: "both",
                    selection: FeedSelection(kinds: [.meeting], municipality: municipality, body: body),
                    period: .since(Day(2000, 1, 1))),
                Feed(
                    path: "deadlines-here.ics", name: "here", description: "here",
                    selection: FeedSelection(kinds: [.deadline], municipality: municipality),
                    period: .since(Day(2026, 4, 25))),
                Feed(
                    path: "body-start-dates.ics", name: "body", description: "body",
                    selection: FeedSelection(kinds: [.startDate, .meeting], body: body),
                    period: .since(Day(2000, 1, 1))),
                Feed(
                    path: "person-meetings.ics", name: "person", description: "person",
                    selection: FeedSelection(kinds: [.meeting], body: body, person: person),
                    period: .since(Day(2000, 1, 1))),
                Feed(
                    path: "archive/2026.ics", name: "2026", description: "2026", selection: FeedSelection(),
                    period: .year(2026)),
                Feed(
                    path: "archive/2025.ics", name: "2025", description: "2025", selection: FeedSelection(),
                    period: .year(2025)),
            ]
        let routing = FeedRouting(feeds)
        let events = registry.events()
        #expect(!events.isEmpty)
        var found = 0
        for event in events {
            let expected = feeds.indices.filter { index in
                let selection = feeds[index].selection
                guard selection.kinds.contains(event.kind) else { return false }
                switch feeds[index].period {
                case .since(let start): if event.day < start { return false }
                case .year(let year): if event.day.year != year { return false }
                }
                if let id = selection.municipality, !event.municipalities.contains(id) { return false }
                if let id = selection.body, !event.bodies.contains(id) { return false }
                if let id = selection.person, !event.people.contains(id) { return false }
                return true
            }
            #expect(routing.feeds(holding: event).sorted() == expected, "\(event.id)")
            found += expected.count
        }
        // More than the everything feed and the kind feeds: municipalities, bodies and people count.
        #expect(found > 2 * events.count)
    }
}
