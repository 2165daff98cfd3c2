import ExportFiles
import Registry
import Testing

@testable import RegistryFixtures

/// What the registry infers is marked "(antaget)" where the exports show it.
@Suite struct InferredExportTests {
    @Test func popoloAndCSVShowInferredFactsAsAntaget() throws {
        let registry = ValidationFixture.registryWithInferredFacts()
        let popolo = registry.popolo(zone: try ZoneInfo.collaborationZone())
        #expect(popolo.organizations.first { $0.id == "body/natet" }?.name == "Nätet (antaget)")
        #expect(popolo.memberships.first { $0.organizationID == "body/natet" }?.label == "ledamot (antaget)")
        #expect(registry.representativesCSV().contains(",member,ledamot (antaget),"))
    }
}
