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
        // Grouped once: filtering every seat for every person is quadratic, and a
        // registry of 100,000 events has about 12,000 of each.
        let seats = Dictionary(grouping: registry.allSeats, by: \.person.id)
        return registry.people.compactMap { person in
            let held = seats[person.id] ?? []
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

    /// `[{"t":…,"u":…,"k":…,"w":…,"r":…},…]`, one entry a line. Written as UTF-8 bytes:
    /// at 100,000 events the index is tens of megabytes, which string appends made a
    /// second of the server's start-up.
    var json: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(
            entries.reduce(0) { $0 + 40 + $1.title.utf8.count + $1.path.utf8.count + $1.words.utf8.count })
        out += "[\n".utf8
        for (index, entry) in entries.enumerated() {
            if index > 0 { out += ",\n".utf8 }
            out += #"{"t":"#.utf8
            Self.appendQuoted(entry.title, to: &out)
            out += #","u":"#.utf8
            Self.appendQuoted(entry.path, to: &out)
            out += #","k":"#.utf8
            Self.appendQuoted(entry.kind, to: &out)
            out += #","w":"#.utf8
            Self.appendQuoted(entry.words, to: &out)
            out += #","r":"#.utf8
            out += String(entry.rank).utf8
            out.append(UInt8(ascii: "}"))
        }
        out += "\n]\n".utf8
        return out
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `text` as a JSON string appended to `out`: quotes, backslashes and control
    /// characters escaped, and `<` too, so the file never reads as markup. Every byte
    /// escaped is ASCII, which no byte of a longer UTF-8 sequence is, so the text is
    /// escaped byte by byte.
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += #"\""#.utf8
            case UInt8(ascii: "\\"): out += #"\\"#.utf8
            case UInt8(ascii: "\n"): out += #"\n"#.utf8
            case _ where byte < 0x20 || byte == UInt8(ascii: "<"):
                out += #"\u00"#.utf8
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
