import CalendarFeeds
import ExportFiles
import Foundation
import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import Pages
import Registry
import RegistryServer
import SyntheticRegistry
import Testing

/// A field marked `Internal` (a personal phone number, a private note) never appears in any
/// answer of the server: not in a feed, a custom feed, a page or a JSON response.
@Suite struct PersonalDataRouteTests {
    static let phone = "070-123 45 67"
    static let note = "privat anteckning"

    /// Byte strings that would give the phone number or the note away, in any spelling.
    static let needles: [String] = [
        phone, note, "0701234567", "070 123 45 67", "070-1234567", "070123", "1234567", "123 45 67",
        "+46701234567", "46701234567", "anteckning", "privat",
    ]

    static func registry() -> Registry {
        SyntheticRegistry.withInternalFields(phone: phone, note: note)
    }

    /// Every address the server answers for this registry.
    static func addresses(of registry: Registry) -> [String] {
        var paths = registry.standardFeeds().map { "/feeds/\($0.path)" }
        paths += [
            "/feeds/custom.ics?kind=meetings,start-dates&municipality=bjuv",
            "/feeds/custom.ics?kind=deadlines&body=directors",
            "/feeds/custom.ics?municipality=bjuv&body=directors",
            "/",
        ]
        paths += registry.municipalities.map { "/kommuner/\($0.slug)" }
        paths += registry.bodies.map { "/organ/\($0.slug)" }
        for day in ["2026-04-10", "2026-05-22", "2026-08-02"] {
            paths += [
                "/api/municipalities?on=\(day)", "/api/bodies?on=\(day)",
                "/api/upcoming?from=\(day)&days=365",
            ]
            paths += registry.municipalities.map { "/api/municipalities/\($0.slug)?on=\(day)" }
            paths += registry.bodies.map { "/api/bodies/\($0.slug)?on=\(day)" }
            paths += registry.people.map { "/api/people/\($0.id.rawValue)?on=\(day)" }
        }
        paths += [
            "/api", "/api/", "/api/feeds", "/api/people", "/api/people/Anna%20Svensson", "/api/people/anna",
            "/api/upcoming?municipality=bjuv&kind=meetings,deadlines,start-dates&from=2026-01-01&days=3660",
        ]
        return paths
    }

    @Test func noResponseCarriesAnInternalField() async throws {
        let registry = Self.registry()
        let exports = FileManager.default.temporaryDirectory
            .appendingPathComponent("samverkan-personal-server-\(UUID().uuidString)")
        // A synthetic registry has no committed export: start anyway, as --allow-stale-exports does.
        let configuration = ServerConfiguration(
            publicURL: "https://kalender.example.se", exportsPath: exports.path, allowStaleExports: true,
            today: { Day(2026, 5, 1) })
        let state = try ServerState(registry: registry, configuration: configuration, logger: quietLogger)
        let app = RegistryService(state: state, configuration: configuration, logger: quietLogger)
        let addresses = Self.addresses(of: registry)
        #expect(addresses.count > 30)
        let named = try await app.test(.inProcess) { client in
            var named: [String] = []
            for address in addresses {
                let namesThePerson = try await client.execute(uri: address, method: .get) { response in
                    #expect(response.status == .ok, "\(address)")
                    // iCalendar folds lines at 75 octets: a value can be split by "\r\n ".
                    let text = response.body.text
                    let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
                    let digits = String(unfolded.filter(\.isASCII).filter(\.isNumber))
                    for needle in Self.needles {
                        #expect(!text.lowercased().contains(needle), "\(address) carries \"\(needle)\"")
                        #expect(
                            !unfolded.lowercased().contains(needle),
                            "\(address) carries \"\(needle)\" across a fold")
                    }
                    #expect(!digits.contains("0701234567"), "\(address) carries the phone number's digits")
                    for field in response.headers {
                        for needle in [Self.phone, Self.note, "0701234567", "anteckning"] {
                            #expect(!field.value.lowercased().contains(needle), "\(address): \(field)")
                        }
                    }
                    return unfolded.contains("Anna Svensson")
                }
                if namesThePerson { named.append(address) }
            }
            return named
        }
        // The person is served (name, role, meetings, deadline, start date): the test is
        // not vacuous: the feeds with her deadline and start date, the pages and the API name her.
        for address in [
            "/feeds/all.ics", "/feeds/deadlines.ics", "/feeds/start-dates.ics",
            "/feeds/municipalities/bjuv.ics", "/",
            "/kommuner/bjuv", "/api/people", "/api/people/anna-svensson?on=2026-05-22",
            "/api/municipalities/bjuv?on=2026-05-22",
        ] {
            #expect(named.contains(address), "\(address) does not name the person")
        }
    }
}
