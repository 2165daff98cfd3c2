import CalendarFeeds
import ExportFiles
import Foundation
import HTTPTypes
import HummingbirdCore
import NIOCore
import Registry
import RegistryData
import RegistryServer
import Testing

/// Every address ever published keeps answering after the corrections: a renamed body's
/// old feed and page redirect (in `serve` and in nginx), an outside organisation's old
/// feed answers with an empty calendar that says where to subscribe instead, and UIDs
/// stay what the ledger has published.
@Suite struct PublishedAddressTests {
    static let map = SiteMap(registry: .familjenHelsingborg)

    @Test func theRenamedBodysOldAddressesRedirectInServe() async throws {
        #expect(Self.map.formerAddresses.count == 2)
        try await makeApplication().test(.inProcess) { client in
            for (old, new) in Self.map.formerAddresses.sorted(by: { $0.key < $1.key }) {
                try await client.execute(uri: old, method: .get) { response in
                    #expect(response.status == .movedPermanently, "\(old)")
                    #expect(response.headers[.location] == new, "\(old)")
                }
                try await client.execute(uri: new, method: .get) { response in
                    #expect(response.status == .ok, "\(new)")
                }
            }
        }
        #expect(
            Self.map.redirect(from: "/feeds/bodies/hr-chefsnatverket.ics") == "/feeds/bodies/hr-cheferna.ics")
    }

    /// nginx answers each former address with the same redirect (`deploy/nginx.conf`).
    @Test func theRenamedBodysOldAddressesRedirectInNginx() throws {
        let text = try String(
            contentsOf: packageRoot.appendingPathComponent("deploy/nginx.conf"), encoding: .utf8)
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for (old, new) in Self.map.formerAddresses {
            #expect(flat.contains("location = \(old) { return 301 \(new); }"), "\(old)")
        }
    }

    /// The outside organisations' feeds stay at their addresses, empty, and say where to
    /// subscribe instead; pages no longer offer them.
    @Test(arguments: ["eon", "oresundskraft", "marknadsforeningen", "skanes-effektkommission"])
    func anOutsideOrganisationsFeedSaysWhereToSubscribe(slug: String) async throws {
        try await makeApplication().test(.inProcess) { client in
            try await client.execute(uri: "/feeds/bodies/\(slug).ics", method: .get) { response in
                #expect(response.status == .ok)
                let text = response.body.text.replacingOccurrences(of: "\r\n ", with: "")
                #expect(!text.contains("BEGIN:VEVENT"))
                #expect(text.contains("(ingen egen kalender)"))
                #expect(text.contains("Prenumerera i stället på Familjen Helsingborgs kalender"))
            }
        }
    }

    /// Every UID the committed ledger has published is still in it, and every event the
    /// data gives still has the UID the ledger knows.
    @Test func everyPublishedUIDStillAnswers() throws {
        let ledger = try String(
            contentsOf: packageRoot.appendingPathComponent("Exports/sequences.tsv"), encoding: .utf8)
        let published = Set(
            ledger.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap {
                $0.split(separator: "\t").first.map(String.init)
            })
        let registry = Registry.familjenHelsingborg
        for event in registry.events() {
            #expect(published.contains(registry.uid(event)), "\(registry.uid(event))")
        }
        let all = try String(
            contentsOf: packageRoot.appendingPathComponent("Exports/all.ics"), encoding: .utf8)
        for uid in published where !uid.contains("#") {
            #expect(all.contains("UID:\(uid)"), "\(uid)")
        }
    }
}
