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

@Suite struct CustomFeedTests {
    @Test func sameSelectionInAnyOrderGivesTheSameBytesAndETag() async throws {
        let spellings = [
            "municipality=bjuv&kind=meetings,deadlines",
            "kind=deadlines,meetings&municipality=bjuv",
            "kind=deadlines&kind=meetings&municipality=Bjuv",
            "kind=meetings,deadlines,meetings&municipality=bjuv",
        ]
        try await makeApplication().test(.inProcess) { client in
            var bodies: Set<[UInt8]> = []
            var tags: Set<String> = []
            for query in spellings {
                let response = try await client.execute(uri: "/feeds/custom.ics?\(query)", method: .get)
                #expect(response.status == .ok, "\(query)")
                #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
                bodies.insert(response.body.bytes)
                tags.insert(response.headers[.eTag] ?? "")
            }
            #expect(bodies.count == 1)
            #expect(tags.count == 1)
            let text = try #require(bodies.first.map { String(decoding: $0, as: UTF8.self) })
            // Exactly the meetings and deadlines of Bjuv's exported feed, in its order.
            let bjuv = String(decoding: try exportedBytes("municipalities/bjuv.ics"), as: UTF8.self)
            func uids(_ text: String) -> [String] {
                text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
            }
            let expected = uids(bjuv).filter { $0.hasPrefix("UID:meeting-") || $0.hasPrefix("UID:deadline-") }
            #expect(!expected.isEmpty)
            #expect(uids(text) == expected)
            #expect(text.contains("X-WR-CALNAME:Familjen Helsingborg: Bjuv – möten och sista dagar"))

            let tag = try #require(tags.first)
            try await client.execute(
                uri: "/feeds/custom.ics?\(spellings[1])", method: .get, headers: [.ifNoneMatch: tag]
            ) { response in
                #expect(response.status == .notModified)
            }
        }
    }

    @Test(arguments: [
        ("kind=meetings", "meetings.ics"),
        ("municipality=klippan", "municipalities/klippan.ics"),
        ("body=energinatverket&kind=start-dates,deadlines,meetings", "bodies/energinatverket.ics"),
        ("", "all.ics"),
        ("person=agneta-fristedt", "people/agneta-fristedt.ics"),
        ("person=Agneta%20Fristedt&kind=meetings,deadlines,start-dates", "people/agneta-fristedt.ics"),
    ])
    func aSelectionThatIsAStandardFeedIsThatFeed(query: String, path: String) async throws {
        let expected = try exportedBytes(path)
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(uri: "/feeds/custom.ics?\(query)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.body.bytes == expected)
            }
        }
    }

    /// A person's custom selection keeps their own wording of a deadline: the bytes of
    /// each of its events are those of the same event in their personal feed.
    @Test func aCustomFeedOfOnePersonGetsTheirWording() async throws {
        let feed = String(decoding: try exportedBytes("people/agneta-fristedt.ics"), as: UTF8.self)
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(
                uri: "/feeds/custom.ics?person=agneta-fristedt&kind=deadlines", method: .get
            ) {
                response in
                #expect(response.status == .ok)
                let text = String(decoding: response.body.bytes, as: UTF8.self)
                let events = text.split(separator: "BEGIN:VEVENT").dropFirst().map {
                    "BEGIN:VEVENT" + $0.prefix(upTo: $0.range(of: "END:VEVENT\r\n")!.upperBound)
                }
                #expect(events.count == 2)
                for event in events { #expect(feed.contains(event)) }
                #expect(
                    text.replacingOccurrences(of: "\r\n ", with: "").contains("Bjuv har inte lämnat besked."))
            }
        }
    }

    /// libical is not thread-safe: many selections asked for at once must still come out
    /// exactly as a separate application that was asked for each one alone renders them
    /// (a fresh application per query, so no cache is shared with the concurrent run).
    @Test func concurrentRequestsGiveTheSameBytesAsSeparateApplications() async throws {
        let registry = Registry.familjenHelsingborg
        let queries = registry.municipalities.prefix(4).flatMap { municipality in
            ["meetings,deadlines", "deadlines,start-dates", "meetings,start-dates"].map {
                "municipality=\(municipality.slug)&kind=\($0)"
            }
        }
        let together = try await makeApplication().test(.inProcess) { client in
            try await withThrowingTaskGroup(of: (String, [UInt8]).self) { group in
                for query in queries {
                    group.addTask {
                        (
                            query,
                            try await client.execute(uri: "/feeds/custom.ics?\(query)", method: .get).body
                                .bytes
                        )
                    }
                }
                var results: [String: [UInt8]] = [:]
                for try await (query, bytes) in group { results[query] = bytes }
                return results
            }
        }
        #expect(together.count == queries.count)
        for query in queries {
            let alone = try await makeApplication(fresh: true).test(.inProcess) { client in
                try await client.execute(uri: "/feeds/custom.ics?\(query)", method: .get).body.bytes
            }
            #expect(alone == together[query], "\(query)")
            #expect(alone.starts(with: Array("BEGIN:VCALENDAR\r\n".utf8)))
        }
    }
}
