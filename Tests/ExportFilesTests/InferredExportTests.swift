import ExportFiles
import Registry
import Testing

@testable import RegistryFixtures

/// What the registry infers is data in the exports: names and titles as the source would
/// have them, and `inferred` (Popolo) or `role_inferred` (CSV) saying why.
@Suite struct InferredExportTests {
    @Test func popoloAndCSVCarryInferredFactsAsData() throws {
        let registry = ValidationFixture.registryWithInferredFacts()
        let popolo = registry.popolo(zone: try ZoneInfo.collaborationZone())
        let body = try #require(popolo.organizations.first { $0.id == "body/natet" })
        #expect(body.name == "Nätet")
        #expect(body.inferred?.isEmpty == false)
        let membership = try #require(popolo.memberships.first { $0.organizationID == "body/natet" })
        #expect(membership.label == "ledamot")
        #expect(membership.inferred?.isEmpty == false)
        #expect(String(decoding: popolo.json, as: UTF8.self).contains("\"inferred\""))
        let csv = registry.representativesCSV()
        #expect(csv.hasPrefix(Registry.representativesCSVColumns.joined(separator: ",")))
        #expect(Registry.representativesCSVColumns.contains("role_inferred"))
        #expect(csv.contains(",member,ledamot,") && !csv.contains("tolkning)"))
    }
}
