import CalendarFeeds
import ExportFiles
import Foundation
import Pages
import Registry
import RegistryData
import RegistryServer
import SyntheticRegistry
import Testing

/// `SiteMap` both ways over every record, and against the addresses nginx serves.
@Suite struct SiteMapTests {
    static let synthetic = SyntheticRegistry.make(events: 400, seed: 42)
    static let registries: [(name: String, registry: Registry)] = [
        ("real", .familjenHelsingborg), ("synthetic", synthetic),
    ]

    @Test(arguments: registries.map(\.name))
    func everyPageGoesToItsAddressAndBack(_ name: String) throws {
        let registry = try #require(Self.registries.first { $0.name == name }).registry
        let map = SiteMap(registry: registry, publicURL: "https://kalender.example.se/")
        let pages = map.pages
        // The start page, /om, /tillganglighet, /sok, the folders' own pages, and a
        // municipality's follow-up page beside its own.
        #expect(
            pages.count
                == 4 + SiteMap.Folder.allCases.count + 2 * registry.municipalities.count
                + registry.bodies.count
                + Set(registry.meetings.map(\.id)).count + Set(registry.decisions.map(\.id)).count
                + registry.personalFeedHolders.count)
        var paths = Set<String>()
        for page in pages {
            let path = try #require(map.path(page), "\(page)")
            #expect(map.page(at: path) == page, "\(path)")
            #expect(map.url(page) == "https://kalender.example.se" + path)
            #expect(paths.insert(path).inserted, "two pages at \(path)")
        }
    }

    /// The other way: every address the rendered pages link to reads back as a page whose
    /// address it is.
    @Test(arguments: registries.map(\.name))
    func everyLinkedAddressGoesToItsPageAndBack(_ name: String) throws {
        let registry = try #require(Self.registries.first { $0.name == name }).registry
        let site = Site(registry: registry, publicURL: "https://kalender.example.se")
        let map = site.siteMap
        var links = Set<String>()
        for file in Pages.files(site: site) {
            let html = String(decoding: file.bytes, as: UTF8.self)
            for match in html.matches(of: /href="(\/[^"]*)"/) { links.insert(String(match.output.1)) }
        }
        // The open data and the change log are files, not pages.
        let pageLinks = links.filter { !$0.contains(".") }
        #expect(pageLinks.count > registry.municipalities.count)
        for link in pageLinks {
            let page = try #require(map.page(at: link), "\(link)")
            #expect(map.path(page) == link)
        }
    }

    static let known: [(String, SiteMap.Page)] = [
        ("/", .home),
        ("/kommuner/bjuv", .municipality(.bjuv)),
        ("/kommuner/angelholm", .municipality(.angelholm)),
        ("/organ/kommundirektorerna", .body(.directors)),
        ("/moten/kdm-2026-04-10", .meeting(Meeting.ID("kdm-2026-04-10"))),
        ("/beslut/kdm-2026-04-10-scenario-3", .decision(Decision.ID("kdm-2026-04-10-scenario-3"))),
    ]

    @Test(arguments: known.map(\.0))
    func aKnownAddressIsItsPage(_ path: String) throws {
        let map = SiteMap(registry: .familjenHelsingborg)
        let page = try #require(Self.known.first { $0.0 == path }).1
        #expect(map.page(at: path) == page)
        #expect(map.path(page) == path)
        #expect(map.url(page) == "https://kalender.familjenhelsingborg.se" + path)
    }

    @Test(arguments: [
        "", "//", "kommuner/bjuv", "/kommuner", "/kommuner/lund", "/kommuner/Bjuv", "/om/", "/OM",
        "/KOMMUNER/bjuv", "/kommuner//bjuv", "/kommuner/bjuv/", "/kommuner/bjuv/x", "/kommuner/bjuv.html",
        "/kommuner/bjuv?x=1", "/organ/nope", "/moten/finns-inte", "/moten/kdm-2026-04-10/x",
        "/beslut/finns-inte", "/index.html", "/feeds/all.ics", "/changes.atom", "/municipalities/bjuv",
        "/bjuv", "/../kommuner/bjuv", "/kommuner/../organ/kommundirektorerna",
    ])
    func anUnknownOrMalformedAddressIsNoPage(_ path: String) {
        #expect(SiteMap(registry: .familjenHelsingborg).page(at: path) == nil)
    }

    @Test func aRecordTheRegistryLacksHasNoAddress() {
        let map = SiteMap(registry: .familjenHelsingborg)
        #expect(map.path(.municipality(Municipality.ID("lund"))) == nil)
        #expect(map.path(.body(Body.ID("nope"))) == nil)
        #expect(map.path(.meeting(Meeting.ID("nope"))) == nil)
        #expect(map.url(.decision(Decision.ID("nope"))) == nil)
        #expect(map.file(.decision(Decision.ID("nope"))) == nil)
    }

    // MARK: - nginx

    /// One `location` block of `deploy/nginx.conf`.
    struct Location {
        let modifier: String
        let pattern: String
        let body: String

        /// What nginx serves for `path` from here, as a file under the export folder:
        /// `try_files $uri.html` and `try_files /index.html`, or `alias @EXPORTS@/$1`.
        func file(for path: String) throws -> String? {
            if body.contains("try_files $uri.html") { return String(path.dropFirst()) + ".html" }
            if body.contains("try_files /$1/index.html") { return String(path.dropFirst()) + "index.html" }
            if body.contains("try_files /index.html") { return "index.html" }
            guard body.contains("alias @EXPORTS@/$1") else { return nil }
            let match = try #require(try Regex(pattern).firstMatch(in: path))
            return match.output[1].substring.map(String.init)
        }

        var servesPages: Bool { body.contains("try_files") }
    }

    static func locations() throws -> [Location] {
        let text = try String(
            contentsOf: packageRoot.appendingPathComponent("deploy/nginx.conf"), encoding: .utf8)
        var locations: [Location] = []
        var current: (modifier: String, pattern: String, body: String, depth: Int)?
        for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if var block = current {
                block.depth += line.count { $0 == "{" } - line.count { $0 == "}" }
                block.body += line + "\n"
                current = block
                if block.depth == 0 {
                    locations.append(
                        Location(modifier: block.modifier, pattern: block.pattern, body: block.body))
                    current = nil
                }
            } else if line.hasPrefix("location ") {
                let words = line.split(separator: " ").map(String.init)
                let (modifier, pattern) = words.count == 4 ? (words[1], words[2]) : ("", words[1])
                current = (modifier, pattern, "", 1)
            }
        }
        return locations
    }

    /// The location nginx picks for `path`: an exact match, else the first regular
    /// expression that matches, else the longest prefix.
    static func location(for path: String, in locations: [Location]) throws -> Location? {
        if let exact = locations.first(where: { $0.modifier == "=" && $0.pattern == path }) { return exact }
        for location in locations where location.modifier == "~" {
            if try Regex(location.pattern).firstMatch(in: path) != nil { return location }
        }
        return locations.filter { $0.modifier.isEmpty && path.hasPrefix($0.pattern) }
            .max { $0.pattern.count < $1.pattern.count }
    }

    /// Every page, feed and change log of a registry is served by nginx from the file the
    /// static export writes for it.
    @Test(arguments: registries.map(\.name))
    func nginxServesEveryAddressOfTheSiteMap(_ name: String) throws {
        let registry = try #require(Self.registries.first { $0.name == name }).registry
        let map = SiteMap(registry: registry)
        let locations = try Self.locations()
        for page in map.pages {
            let path = try #require(map.path(page))
            let location = try #require(try Self.location(for: path, in: locations), "\(path)")
            #expect(location.servesPages, "\(path)")
            #expect(try location.file(for: path) == map.file(page), "\(path)")
        }
        for feed in registry.standardFeeds() {
            let location = try #require(try Self.location(for: map.path(feed), in: locations))
            #expect(try location.file(for: map.path(feed)) == feed.path)
        }
        for file in [SiteMap.changeLogFile()] + registry.municipalities.map(SiteMap.changeLogFile) {
            let location = try #require(try Self.location(for: "/" + file, in: locations))
            #expect(try location.file(for: "/" + file) == file)
        }
    }

    /// nginx serves no kind of page the site map does not know: its page locations are `/`,
    /// the folders' own pages, their records' pages and the pages at the root, whose
    /// folders and words are exactly the site map's.
    @Test func nginxHasNoPageTheSiteMapDoesNotKnow() throws {
        let map = SiteMap(registry: Registry())
        let pages = try Self.locations().filter(\.servesPages)
        #expect(pages.count == 4)
        #expect(pages.contains { $0.modifier == "=" && $0.pattern == map.path(.home) })
        let folders = Set(SiteMap.Folder.allCases.map(\.rawValue))
        let expressions = pages.filter { $0.modifier == "~" }
        #expect(expressions.count == 3)
        for location in expressions {
            let words = try #require(location.pattern.firstMatch(of: /^\^\/\(([a-z|]+)\)(.*)$/))
            let named = Set(words.output.1.split(separator: "|").map(String.init))
            switch words.output.2 {
            case "/$", "/[a-z0-9-]+$": #expect(named == folders, "\(location.pattern)")
            case "$":
                let roots = Set([SiteMap.Page.about, .accessibility, .search].compactMap { map.path($0) })
                #expect(Set(named.map { "/" + $0 }) == roots)
            default: Issue.record("unexpected page location \(location.pattern)")
            }
        }
    }

    /// nginx sends the pages the same Content-Security-Policy as `serve`: when the inline
    /// style or script changes, the line to put in `deploy/nginx.conf` is the one below.
    @Test func nginxSendsTheServersContentSecurityPolicy() throws {
        let text = try String(
            contentsOf: packageRoot.appendingPathComponent("deploy/nginx.conf"), encoding: .utf8)
        let line = "    default \"\(SecurityHeaders.contentSecurityPolicy)\";"
        #expect(text.contains(line + "\n"), "deploy/nginx.conf lacks: \(line)")
        #expect(
            text.components(separatedBy: "add_header Content-Security-Policy $samverkan_csp always;").count
                == 7)
    }
}
