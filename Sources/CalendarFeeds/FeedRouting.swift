public import Registry

/// Which of a list of feeds hold an event, found without asking every feed.
///
/// A registry of 100,000 events has about 600 standard feeds; asking each feed about each
/// event is 60 million questions, nearly all answered no. Feeds are grouped once by the
/// one municipality, body or person they are narrowed to, so an event is asked only of the
/// feeds for its own municipalities, bodies and people and the feeds narrowed to none. Every
/// candidate is asked `Feed.holds`, so the answer is the same as asking all, except that a
/// feed narrowed to a person alone is asked only its period: it is found through that person,
/// among the event's people, and under the event's kind.
public struct FeedRouting: Sendable {
    private let unscoped: [Int]
    private let byMunicipality: [Municipality.ID: [Int]]
    private let byBody: [Body.ID: [Int]]
    /// The feeds narrowed to a person alone, by the kinds they hold and then by person: where
    /// that person's lie in `personal` (a range, which a lookup need not retain).
    private let byPerson: [Event.Kind: [Person.ID: Range<Int>]]
    private let personal: [(index: Int, period: Feed.Period)]
    /// The periods of the feeds narrowed to a person: an event outside all of them (an
    /// archived year) skips its people, tens for most events and thousands for some.
    private let personPeriods: [Feed.Period]
    private let feeds: [Feed]

    public init(_ feeds: [Feed]) {
        var unscoped: [Int] = []
        var byMunicipality: [Municipality.ID: [Int]] = [:]
        var byBody: [Body.ID: [Int]] = [:]
        var byPerson: [Event.Kind: [Person.ID: [(index: Int, period: Feed.Period)]]] = [:]
        var periods: [Feed.Period] = []
        for (index, feed) in feeds.enumerated() {
            // A feed narrowed to more than one is found through its municipality, else its body.
            if let municipality = feed.selection.municipality {
                byMunicipality[municipality, default: []].append(index)
            } else if let body = feed.selection.body {
                byBody[body, default: []].append(index)
            } else if let person = feed.selection.person {
                for kind in feed.selection.kinds {
                    byPerson[kind, default: [:]][person, default: []].append((index, feed.period))
                }
                if !periods.contains(feed.period) { periods.append(feed.period) }
            } else {
                unscoped.append(index)
            }
        }
        self.unscoped = unscoped
        self.byMunicipality = byMunicipality
        self.byBody = byBody
        var personal: [(index: Int, period: Feed.Period)] = []
        self.byPerson = byPerson.mapValues { feedsOfKind in
            feedsOfKind.mapValues { feeds in
                personal += feeds
                return (personal.count - feeds.count)..<personal.count
            }
        }
        self.personal = personal
        personPeriods = periods
        self.feeds = feeds
    }

    /// The indices of the feeds that hold `event`, each once, in no particular order.
    public func feeds(holding event: Event) -> [Int] {
        var found: [Int] = []
        for index in unscoped where feeds[index].holds(event) { found.append(index) }
        for municipality in event.municipalities {
            for index in byMunicipality[municipality] ?? [] where feeds[index].holds(event) {
                found.append(index)
            }
        }
        for body in event.bodies {
            for index in byBody[body] ?? [] where feeds[index].holds(event) { found.append(index) }
        }
        let day = event.day
        if let byPerson = byPerson[event.kind], personPeriods.contains(where: { $0.contains(day) }) {
            for person in event.people {
                for feed in personal[byPerson[person] ?? 0..<0] where feed.period.contains(day) {
                    found.append(feed.index)
                }
            }
        }
        return found
    }
}
