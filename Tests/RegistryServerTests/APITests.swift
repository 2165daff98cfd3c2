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

@Suite struct APITests {
    static let registry = Registry.familjenHelsingborg

    /// A route and the CLI's `--json` answer to the same question.
    struct Case: Sendable, CustomTestStringConvertible {
        let uri: String
        let expected: @Sendable () -> String
        var testDescription: String { uri }
    }

    static let april10 = Day(2026, 4, 10)
    static let cases: [Case] = [
        Case(uri: "/api/municipalities/bjuv?on=2026-04-10") {
            JSONOutput.string(registry.representation(of: .bjuv, on: april10))
        },
        Case(uri: "/api/municipalities/%C3%85storp?on=2026-04-10") {
            JSONOutput.string(registry.representation(of: .astorp, on: april10))
        },
        Case(uri: "/api/municipalities/angelholm") {
            JSONOutput.string(registry.representation(of: .angelholm, on: testDay))
        },
        Case(uri: "/api/municipalities?on=2026-04-10") {
            JSONOutput.string(registry.municipalities.map { registry.representation(of: $0.id, on: april10) })
        },
        Case(uri: "/api/people/fristedt?on=2026-04-10") {
            JSONOutput.string(registry.representation(ofPerson: Person.ID("agneta-fristedt"), on: april10))
        },
        Case(uri: "/api/people/Agneta%20Fristedt?on=2026-04-10") {
            JSONOutput.string(registry.representation(ofPerson: Person.ID("agneta-fristedt"), on: april10))
        },
        Case(uri: "/api/people") { JSONOutput.string(registry.people.map(PersonRef.init)) },
        Case(uri: "/api/bodies?on=2026-04-10") { JSONOutput.string(registry.bodyList(on: april10)) },
        Case(uri: "/api/bodies/energinatverket?on=2026-06-01") {
            JSONOutput.string(registry.bodyDetail(.energyNetwork, on: Day(2026, 6, 1)))
        },
        Case(uri: "/api/upcoming?from=2026-04-10&days=60") {
            JSONOutput.string(registry.upcoming(from: april10, days: 60))
        },
        Case(uri: "/api/upcoming?from=2026-04-10&days=400&municipality=bjuv&kind=deadlines,meetings") {
            JSONOutput.string(
                registry.upcoming(
                    from: april10, days: 400, municipality: .bjuv, kinds: [.deadline, .meeting]))
        },
    ]

    /// Each route answers with exactly what the CLI's `--json` prints for the same question.
    @Test(arguments: cases)
    func routesAnswerWithTheCLIsJSON(_ question: Case) async throws {
        let expected = question.expected()
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(uri: question.uri, method: .get) { response in
                #expect(response.status == .ok, "\(response.body.text)")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(response.body.text == expected)
            }
        }
    }

    @Test func feedsListTheirAddresses() async throws {
        struct Index: Decodable {
            struct Item: Decodable { let path, url, webcal: String }
            let feeds: [Item]
        }
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(uri: "/api/feeds", method: .get) { response in
                let index = try JSONDecoder().decode(Index.self, from: Data(response.body.bytes))
                #expect(index.feeds.map(\.path) == Self.registry.standardFeeds().map(\.path))
                let bjuv = try #require(index.feeds.first { $0.path == "municipalities/bjuv.ics" })
                #expect(bjuv.url == "https://kalender.example.se/feeds/municipalities/bjuv.ics")
                #expect(bjuv.webcal == "webcal://kalender.example.se/feeds/municipalities/bjuv.ics")
            }
        }
    }

    @Test(arguments: [
        ("/api/municipalities/malmo", HTTPResponse.Status.notFound, "no municipality 'malmo'"),
        ("/api/bodies/riksdagen", .notFound, "no body 'riksdagen'"),
        ("/api/municipalities/bjuv?on=10/4/2026", .badRequest, "ÅÅÅÅ-MM-DD"),
        ("/api/municipalities/bjuv?on=2026-02-30", .badRequest, "ÅÅÅÅ-MM-DD"),
        ("/api/municipalities/bjuv?when=2026-04-10", .badRequest, "Tillåtna: on"),
        ("/api/bodies?on=2026-04-10&on=2026-04-11", .badRequest, "en gång"),
        ("/api/upcoming?days=-1", .badRequest, "0…3660"),
        ("/api/upcoming?days=many", .badRequest, "0…3660"),
        ("/api/upcoming?kind=birthdays", .badRequest, "meetings, deadlines, start-dates"),
        ("/api/people?name=x", .badRequest, "Tillåtna: inga"),
    ])
    func badQuestionsGetAPlainAnswer(uri: String, status: HTTPResponse.Status, message: String) async throws {
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == status, "\(uri)")
                #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
                #expect(response.body.text.contains(message), "\(uri): \(response.body.text)")
            }
        }
    }
}
