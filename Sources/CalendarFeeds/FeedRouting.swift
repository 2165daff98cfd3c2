public import Registry

/// Which of a list of feeds hold an event, found without asking every feed.
///
/// A registry of 100,000 events has about 600 standard feeds; asking each feed about each
/// event is 60 million questions, nearly all answered no. Feeds are grouped once by the
/// one municipality, body or person they are narrowed to, so an event is asked only of the
/// feeds for its own municipalities, bodies and people and the feeds narrowed to none. Every
/// candidate is still asked `Feed.holds`, so the answer is the same as asking all.
public struct FeedRouting: Sendable {
    private let unscoped: [Int]
    private let byMunicipality: [Municipality.ID: [Int]]
    private let byBody: [Body.ID: [Int]]
    private let byPerson: [Person.ID: [Int]]
    /// The periods of the feeds narrowed to a person: an event outside all of them (an
    /// archived year) skips its people, tens for most events and thousands for some.
    private let personPeriods: [Feed.Period]
    private let feeds: [Feed]

    public init(_ feeds: [Feed]) {
        var unscoped: [Int] = []
        var byMunicipality: [Municipality.ID: [Int]] = [:]
        var byBody: [Body.ID: [Int]] = [:]
        var byPerson: [Person.ID: [Int]] = [:]
        for (index, feed) in feeds.enumerated() {
            // A feed narrowed to more than one is found through its municipality, else its body.
            if let municipality = feed.selection.municipality {
                byMunicipality[municipality, default: []].append(index)
            } else if let body = feed.selection.body {
                byBody[body, default: []].append(index)
            } else if let person = feed.selection.person {
                byPerson[person, default: []].append(index)
            } else {
                unscoped.append(index)
            }
        }
        self.unscoped = unscoped
        self.byMunicipality = byMunicipality
        self.byBody = byBody
        self.byPerson = byPerson
        var periods = Set<Feed.Period>()
        personPeriods = byPerson.values.joined().map { feeds[$0].period }.filter {
            periods.insert($0).inserted
        }
        self.feeds = feeds
    }

    /// The indices of the feeds that hold `event`, each once, in no particular order.
    public func feeds(holding event: Event) -> [Int] {
        var found: [Int] = []
        func ask(_ candidates: [Int]) {
            for index in candidates where feeds[index].holds(event) { found.append(index) }
        }
        ask(unscoped)
        for municipality in event.municipalities { ask(byMunicipality[municipality] ?? []) }
        for body in event.bodies { ask(byBody[body] ?? []) }
        if personPeriods.contains(where: { $0.contains(event.day) }) {
            for person in event.people { ask(byPerson[person] ?? []) }
        }
        return found
    }
}
