import CalendarFeeds
import ExportFiles
import Foundation
import HTTPTypes
import HummingbirdCore
import NIOCore
import Pages
import Registry
import RegistryData
import RegistryServer
import Testing

@Suite struct PageTests {
    static let registry = Registry.familjenHelsingborg

    @Test func startPageListsTheElevenMunicipalitiesAndEveryFeed() async throws {
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = response.body.text
                #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv\">"))
                #expect(html.contains("name=\"viewport\""))
                #expect(Self.registry.municipalities.count == 11)
                for municipality in Self.registry.municipalities {
                    #expect(html.contains(">\(municipality.name)</a>"), "\(municipality.name)")
                }
                // Every feed but the personal ones, which are on each person's page, and the
                // outside organisations' old addresses, which are not offered.
                for feed in Self.registry.standardFeeds()
                where feed.selection.person == nil && !feed.isRetired {
                    #expect(html.contains("href=\"webcal://kalender.example.se/feeds/\(feed.path)\""))
                    #expect(html.contains("value=\"https://kalender.example.se/feeds/\(feed.path)\""))
                }
                #expect(html.contains("Google Kalender"))
                #expect(html.contains("Outlook"))
                #expect(html.contains("Apple Kalender"))
                #expect(html.contains("Energinätverket"))
                #expect(html.contains("föreslaget"))
            }
        }
    }

    @Test func municipalityPageNamesItsDirectorAndItsFeed() async throws {
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(uri: "/kommuner/bjuv", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.body.text
                #expect(html.contains("Bjuvs kommun"))
                #expect(html.contains("Agneta Fristedt"))
                #expect(html.contains("webcal://kalender.example.se/feeds/municipalities/bjuv.ics"))
            }
        }
    }

    @Test(arguments: Registry.familjenHelsingborg.bodies.map(\.slug))
    func everyBodyHasAPage(slug: String) async throws {
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(uri: "/organ/\(slug)", method: .get) { response in
                #expect(response.status == .ok)
                // An outside organisation has a page but no calendar to subscribe to.
                let external =
                    Registry.familjenHelsingborg.bodies.first { $0.slug == slug }?.kind == .external
                #expect(
                    response.body.text.contains("webcal://kalender.example.se/feeds/bodies/\(slug).ics")
                        == !external)
            }
        }
    }

    @Test(arguments: Registry.familjenHelsingborg.meetings.map(\.id.rawValue))
    func everyMeetingHasAPage(id: String) async throws {
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(uri: "/moten/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                // "Dagordning (tolkning)" when the agenda is the registry's reading.
                #expect(response.body.text.contains("<h2>Dagordning"))
            }
        }
    }

    @Test(arguments: Registry.familjenHelsingborg.decisions.map(\.id.rawValue))
    func everyDecisionHasAPage(id: String) async throws {
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(uri: "/beslut/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.body.text.contains("<h2>Beslutet</h2>"))
            }
            try await client.execute(uri: "/beslut/finns-inte", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func unknownMeetingsAre404() async throws {
        try await makeApplication().test(.inProcess) { client in
            for uri in ["/moten/finns-inte", "/moten/kdm-2026-04-10/x", "/moten//"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .notFound, "\(uri)")
            }
        }
    }

    @Test func pagesHaveETagsAndAnswer304() async throws {
        try await makeApplication().test(.inProcess) { client in
            let first = try await client.execute(uri: "/", method: .get)
            let tag = try #require(first.headers[.eTag])
            #expect(first.headers[.lastModified] != nil)
            try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: tag]) { response in
                #expect(response.status == .notModified)
            }
            try await client.execute(uri: "/", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test func theStaticExportIsTheServedPage() async throws {
        let site = try Site.overCommittedExports(Self.registry, publicURL: "https://kalender.example.se")
        let files = Dictionary(
            uniqueKeysWithValues: Pages.files(site: site).map { ($0.path, $0.bytes) })
        // Every page, the 404 page, the search index and nginx's redirect map.
        #expect(files.count == site.siteMap.pages.count + 3)
        try await makeApplication().test(.inProcess) { client in
            for (path, uri) in [
                ("index.html", "/"), ("kommuner/bjuv.html", "/kommuner/bjuv"),
                ("organ/kommundirektorerna.html", "/organ/kommundirektorerna"),
                ("moten/kdm-2026-04-10.html", "/moten/kdm-2026-04-10"),
                ("moten/kdm-2025-01.html", "/moten/kdm-2025-01"),
                ("beslut/kdm-2026-04-10-scenario-3.html", "/beslut/kdm-2026-04-10-scenario-3"),
                ("kommuner/index.html", "/kommuner/"), ("uppfoljning/bjuv.html", "/uppfoljning/bjuv"),
                ("om.html", "/om"), ("tillganglighet.html", "/tillganglighet"), ("sok.html", "/sok"),
                ("sok.json", "/sok.json"),
            ] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.body.bytes == files[path], "\(path)")
            }
        }
    }
}
