import CalendarFeeds
import Registry

/// The search page's index (`/sok.json`): one entry per person, municipality, body,
/// meeting, decision and feed, built from the registry, so whatever the data holds can be
/// found. The page's script scores entries against the words typed (`script.js`).
struct SearchIndex {
    /// One thing to find: its title, its page, what kind it is and further words it is
    /// found by, in a rank the script adds to its score (a municipality before a person).
    struct Entry: Hashable {
        let title: String
        let path: String
        let kind: String
        let words: String
        let rank: Int
    }

    static let file = "sok.json"

    let entries: [Entry]

    init(site: Site) {
        let registry = site.registry
        var entries: [Entry] = []
        for municipality in registry.municipalities {
            guard let path = site.path(.municipality(municipality.id)) else { continue }
            entries.append(
                Entry(
                    title: municipality.name, path: path, kind: "Kommun",
                    words: ([municipality.officialName] + municipality.aliases).joined(separator: " "),
                    rank: 5))
            entries += Self.calendar(
                site, FeedSelection(municipality: municipality.id), municipality.name, path)
        }
        for body in registry.bodies {
            guard let path = site.path(.body(body.id)) else { continue }
            entries.append(
                Entry(
                    title: body.displayName, path: path, kind: body.kind.label,
                    words: [body.slug, body.purpose ?? ""].joined(separator: " "), rank: 4))
            entries += Self.calendar(site, FeedSelection(body: body.id), body.displayName, path)
        }
        entries += Self.meetingsAndDecisions(site)
        entries += Self.people(site)
        self.entries = entries
    }

    /// The subscribe block on the page at `path`, found as "Kalender för NAME".
    private static func calendar(_ site: Site, _ selection: FeedSelection, _ name: String, _ path: String)
        -> [Entry]
    {
        guard let feed = site.feedIndex.standard(selection) else { return [] }
        return [
            Entry(
                title: "Kalender för \(name)", path: path + "#kalendrar", kind: "Kalender",
                words: "prenumerera \(feed.name)", rank: 1)
        ]
    }

    private static func meetingsAndDecisions(_ site: Site) -> [Entry] {
        let registry = site.registry
        let meetings = Pages.meetingIDs(registry).compactMap { registry[$0] }.compactMap {
            meeting -> Entry? in
            site.path(.meeting(meeting.id)).map {
                Entry(
                    title: "\(meeting.title), \(Pages.swedishText(meeting.time))", path: $0, kind: "Möte",
                    words: [registry[meeting.body]?.displayName ?? "", meeting.place ?? ""].joined(
                        separator: " "),
                    rank: 3)
            }
        }
        let decisions = Pages.uniqueDecisions(registry).compactMap { decision -> Entry? in
            let asked = registry.actionRequests(of: decision.id).map(\.what)
            return site.path(.decision(decision.id)).map {
                Entry(
                    title: decision.displayed(decision.title, field: "title"), path: $0, kind: "Beslut",
                    words: ([decision.text, registry[decision.meeting]?.title ?? ""] + asked).joined(
                        separator: " "),
                    rank: 2)
            }
        }
        return meetings + decisions
    }

    /// A person is found at their own page (`/personer/SLUG`); one who opted out of a
    /// published schedule has none, and is found at the page of the municipality they
    /// represent, or else of the body they sit in.
    private static func people(_ site: Site) -> [Entry] {
        let registry = site.registry
        let seats = registry.allSeats
        return registry.people.compactMap { person in
            let held = seats.filter { $0.person.id == person.id }
            let path =
                site.path(.person(person.id))
                ?? held.lazy.compactMap { $0.municipality.flatMap { site.path(.municipality($0.id)) } }.first
                ?? held.lazy.compactMap { site.path(.body($0.body.id)) }.first
            guard let path else { return nil }
            let words = held.flatMap { [$0.role.title, $0.municipality?.name ?? "", $0.body.name] }
            return Entry(
                title: person.name, path: path, kind: "Person", words: words.joined(separator: " "), rank: 0)
        }
    }

    /// `[{"t":…,"u":…,"k":…,"w":…,"r":…},…]`, one entry a line.
    var json: String {
        "[\n"
            + entries.map {
                "{\"t\":\(Self.quoted($0.title)),\"u\":\(Self.quoted($0.path)),\"k\":\(Self.quoted($0.kind)),"
                    + "\"w\":\(Self.quoted($0.words)),\"r\":\($0.rank)}"
            }.joined(separator: ",\n") + "\n]\n"
    }

    /// A JSON string: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20 || scalar == "<":
                out +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
