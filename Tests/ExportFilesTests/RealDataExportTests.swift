import ExportFiles
import Registry
import RegistryData
import Testing

/// The spreadsheet and Popolo exports of the real data of the 2026-04-10 minutes.
@Suite struct RealDataExportTests {
    let registry = Registry.familjenHelsingborg

    @Test("the representatives CSV has one row per municipal membership; Popolo names every person")
    func exports() throws {
        let csv = registry.representativesCSV()
        #expect(
            csv.split(separator: "\n").count == 1
                + registry.memberships.count(where: { $0.municipality != nil }))
        #expect(
            csv.contains(
                "bjuv,Bjuv,kommundirektorerna,Kommundirektörerna,agneta-fristedt,Agneta Fristedt,director"))
        let popolo = registry.popolo(zone: try ZoneInfo.collaborationZone())
        #expect(Set(popolo.persons.map(\.name)) == Set(registry.people.map(\.name)))
        #expect(popolo.events.contains { $0.startDate == "2026-04-10T08:30:00+02:00" })
    }

    // The minutes and the feeds say "punkt", and the meeting of January 2025 was held.
    @Test func popoloSaysPunktAndHeld() throws {
        let zone = try ZoneInfo.collaborationZone()
        let popolo = registry.popolo(zone: zone)
        let notes = popolo.persons.flatMap(\.sources).map(\.note)
        #expect(notes.contains("Kommundirektörmöte i Familjen Helsingborg, 2026-04-10, punkt 4"))
        #expect(!registry.popoloJSON(zone: zone).contains("§"))
        let status = Dictionary(uniqueKeysWithValues: popolo.events.map { ($0.id, $0.status) })
        #expect(status["meeting/kdm-2025-01"] == "held")
        #expect(status["meeting/kdm-2026-04-10"] == "held")
        #expect(status["meeting/kdm-2026-05-22"] == "scheduled")
    }
}
