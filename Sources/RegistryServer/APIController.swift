import CalendarFeeds
import ExportFiles
import HTTPTypes
import HummingbirdCore
import NIOCore
public import Pages
public import Registry

/// `GET /api/…`: the registry as JSON, through the same queries and the same JSON as
/// the CLI's `--json` (`JSONOutput`), so a script can switch between the two.
///
/// | route | CLI |
/// |---|---|
/// | `/api/municipalities?on=DATE` | `who` for each of the eleven |
/// | `/api/municipalities/NAME?on=DATE` | `who NAME --json` |
/// | `/api/people` | the people, id and name |
/// | `/api/people/NAME?on=DATE` | `represents NAME --json` |
/// | `/api/bodies?on=DATE` | `bodies --json` |
/// | `/api/bodies/ID?on=DATE` | `body ID --json` |
/// | `/api/upcoming?from=DATE&days=N&municipality=M&kind=K` | `upcoming … --json` |
/// | `/api/actions?on=DATE&municipality=M` | `actions … --json` |
/// | `/api/decisions/ID?on=DATE` | `decision ID --json` |
/// | `/api/feeds` | the feeds with their https and webcal addresses |
/// | `/api/changes?since=DATE` | `changes --since DATE --json` |
public struct APIController: Sendable {
    /// `/api`, where every address of the API starts.
    static let prefix = "/api"

    let site: Site
    let today: @Sendable () -> Day
    public init(site: Site, today: @escaping @Sendable () -> Day) {
        self.site = site
        self.today = today
    }

    var registry: Registry { site.registry }

    /// Whether `path` is the API's: `/api` or anything under `/api/`.
    static func answers(_ path: String) -> Bool {
        path.hasPrefix(prefix)
            && (path.utf8.count == prefix.utf8.count || path.dropFirst(prefix.count).first == "/")
    }

    /// The answer at `path` (`/api/municipalities/Bjuv`), by its segments after `/api`; a
    /// trailing slash changes nothing.
    func response(to request: Request, path: String) throws -> Response {
        let segments = path.dropFirst(Self.prefix.count).split(separator: "/")
        switch segments.count {
        case 0:
            try Self.allow([], in: request)
            return Self.json(APIIndex(site: site))
        case 1: return try listing(String(segments[0]), request)
        case 2: return try record(String(segments[0]), named: Self.name(segments[1]), request)
        default: throw HTTPFailure(.notFound)
        }
    }

    /// The feeds, the change log and the lists of every record of a kind.
    private func listing(_ kind: String, _ request: Request) throws -> Response {
        switch kind {
        case "feeds":
            try Self.allow([], in: request)
            return Self.json(FeedListing(site: site))
        case "municipalities":
            let day = try self.day(request, "on")
            return Self.json(registry.municipalities.map { registry.representation(of: $0.id, on: day) })
        case "people":
            try Self.allow([], in: request)
            return Self.json(registry.people.map(PersonRef.init))
        case "bodies":
            return Self.json(registry.bodyList(on: try self.day(request, "on")))
        case "changes":
            let parameters = try Self.allow(["since"], in: request)
            let since = try Self.date(parameters["since"], "since")
            return Self.json(ChangeLog.entries(site.changes, since: since))
        case "upcoming": return try upcoming(request)
        case "actions": return try actions(request)
        default: throw HTTPFailure(.notFound)
        }
    }

    /// One record, found by name, as of a day.
    private func record(_ kind: String, named name: String, _ request: Request) throws -> Response {
        switch kind {
        case "municipalities":
            let day = try self.day(request, "on")
            let found = try Self.lookup { () throws(QueryError) in try registry.municipality(named: name) }
            return Self.json(registry.representation(of: found.id, on: day))
        case "people":
            let day = try self.day(request, "on")
            let found = try Self.lookup { () throws(QueryError) in try registry.person(named: name) }
            return Self.json(registry.representation(ofPerson: found.id, on: day))
        case "bodies":
            let day = try self.day(request, "on")
            let found = try Self.lookup { () throws(QueryError) in try registry.body(named: name) }
            return Self.json(registry.bodyDetail(found.id, on: day))
        case "decisions":
            let day = try self.day(request, "on")
            let found = try Self.lookup { () throws(QueryError) in try registry.decision(named: name) }
            return Self.json(DecisionResult(registry.followUp(of: found, on: day), in: registry))
        default: throw HTTPFailure(.notFound)
        }
    }

    func actions(_ request: Request) throws -> Response {
        let query = try Self.allow(["on", "municipality"], in: request)
        let day = try Self.date(query["on"], "on") ?? today()
        let municipality = try query["municipality"].map { name in
            try Self.lookup { () throws(QueryError) in try registry.municipality(named: name) }
        }
        return Self.json(OpenActionsResult(registry, on: day, municipality: municipality))
    }

    func upcoming(_ request: Request) throws -> Response {
        let query = try Self.allow(["from", "days", "municipality", "kind"], in: request)
        let from = try Self.date(query["from"], "from") ?? today()
        var days = 30
        if let text = query["days"] {
            guard let value = Int(text), (0...3660).contains(value) else {
                throw HTTPFailure(
                    .badRequest,
                    message: "days ska vara ett heltal 0…3660, inte \"\(QueryParameters.clip(text))\"."
                )
            }
            days = value
        }
        var municipality: Municipality.ID?
        if let name = query["municipality"] {
            municipality = try Self.lookup { () throws(QueryError) in try registry.municipality(named: name) }
                .id
        }
        var kinds = Set(Event.Kind.allCases)
        if let text = query["kind"] {
            kinds = []
            for word in text.split(separator: ",", omittingEmptySubsequences: false) {
                guard let kind = Event.Kind(rawValue: String(word)) else {
                    throw HTTPFailure(
                        .badRequest,
                        message: "Okänt värde för kind: \"\(QueryParameters.clip(word))\". Tillåtna: "
                            + Event.Kind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
                }
                kinds.insert(kind)
            }
        }
        return Self.json(
            registry.upcoming(
                from: from, days: days, municipality: municipality, kinds: kinds, events: site.events))
    }

    /// The day a date parameter names (`on`, default today); the only parameter allowed.
    func day(_ request: Request, _ name: String) throws -> Day {
        let query = try Self.allow([name], in: request)
        return try Self.date(query[name], name) ?? today()
    }

    static func date(_ text: String?, _ name: String) throws -> Day? {
        guard let text else { return nil }
        guard let day = Day(iso: text) else {
            throw HTTPFailure(
                .badRequest, message: "\(name) ska vara ett datum skrivet ÅÅÅÅ-MM-DD, t.ex. 2026-04-10.")
        }
        return day
    }

    /// The query's parameters, decoded, once each; 400 for anything else.
    @discardableResult
    static func allow(_ names: [String], in request: Request) throws -> QueryParameters {
        do {
            return try QueryParameters(request.uri.query, allowed: names)
        } catch {
            throw HTTPFailure(.badRequest, message: error.description)
        }
    }

    /// A record's name from its path segment, percent-decoded (the request guard has
    /// already refused encoded slashes, dots and control characters).
    static func name(_ segment: Substring) -> String {
        Percent.decode(segment) ?? String(segment)
    }

    /// Runs a lookup; a name that matches nothing is 404, one that matches several 400,
    /// with the query library's message (which lists the candidates).
    static func lookup<T>(_ body: () throws(QueryError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw HTTPFailure(
                error.reason == .ambiguous ? .badRequest : .notFound, message: error.description)
        }
    }

    static func json(_ value: some Encodable) -> Response {
        let buffer = ByteBuffer(string: JSONOutput.string(value))
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/json; charset=utf-8", .cacheControl: "public, max-age=300",
                .contentLength: String(buffer.readableBytes),
            ],
            body: ResponseBody(byteBuffer: buffer))
    }
}

/// `/api/`: what there is to ask.
struct APIIndex: Encodable {
    let endpoints: [String]
    let feeds: String

    init(site: Site) {
        endpoints = [
            "/api/municipalities?on=YYYY-MM-DD",
            "/api/municipalities/NAME?on=YYYY-MM-DD",
            "/api/people",
            "/api/people/NAME?on=YYYY-MM-DD",
            "/api/bodies?on=YYYY-MM-DD",
            "/api/bodies/ID?on=YYYY-MM-DD",
            "/api/upcoming?from=YYYY-MM-DD&days=N&municipality=NAME&kind=meetings,deadlines,start-dates",
            "/api/actions?on=YYYY-MM-DD&municipality=NAME",
            "/api/decisions/ID?on=YYYY-MM-DD",
            "/api/feeds",
        ]
        feeds = "\(site.publicURL)/api/feeds"
    }
}

/// The feeds with their addresses, for `/api/feeds`.
struct FeedListing: Encodable {
    struct Item: Encodable {
        let path: String
        let name: String
        let description: String
        let url: String
        let webcal: String
    }
    let feeds: [Item]

    init(site: Site) {
        feeds = site.feeds.map {
            Item(
                path: $0.path, name: $0.name, description: $0.description, url: site.feedURL($0),
                webcal: site.webcalURL($0))
        }
    }
}
