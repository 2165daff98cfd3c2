import CalendarExport
import Foundation
import Hummingbird
import HummingbirdTesting
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
        try await makeApplication().test(.router) { client in
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
            // Exactly the selected events.
            let selection = FeedSelection(kinds: [.meeting, .deadline], municipality: .bjuv)
            let expected = Registry.familjenHelsingborg.calendarEvents().filter(selection.includes)
            #expect(!expected.isEmpty)
            #expect(text.components(separatedBy: "BEGIN:VEVENT").count - 1 == expected.count)
            for event in expected { #expect(text.contains(event.uid)) }
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
    ])
    func aSelectionThatIsAStandardFeedIsThatFeed(query: String, path: String) async throws {
        let expected = try exportedBytes(path)
        try await makeApplication().test(.router) { client in
            try await client.execute(uri: "/feeds/custom.ics?\(query)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.body.bytes == expected)
            }
        }
    }
}
