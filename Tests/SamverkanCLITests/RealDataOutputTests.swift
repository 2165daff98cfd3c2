import Registry
import RegistryData
import Testing

@testable import samverkan

/// The text reports over the real data of the 2026-04-10 minutes.
@Suite struct RealDataOutputTests {
    let registry = Registry.familjenHelsingborg

    @Test func bjuvsDirectorIsNamedWithHerRole() throws {
        let bjuv = try registry.municipality(named: "Bjuv")
        let text = registry.representation(of: bjuv.id, on: Day(2026, 4, 10)).text
        #expect(text.contains("Director: Agneta Fristedt"))
    }

    @Test func theEnergyNetworkIsListedAsProposed() {
        #expect(registry.bodyList(on: Day(2026, 4, 10)).text.contains("proposed"))
    }

    @Test(
        "every text report over the real data fits 80 columns",
        arguments: [Day(2026, 4, 10), Day(2026, 5, 22)])
    func width(day: Day) {
        var texts = registry.municipalities.map { registry.representation(of: $0.id, on: day).text }
        texts += registry.people.map { registry.representation(ofPerson: $0.id, on: day).text }
        texts += registry.bodies.map { registry.bodyDetail($0.id, on: day).text }
        texts += [
            registry.bodyList(on: day).text, registry.upcoming(from: day, days: 60).text,
            registry.attendanceReport().text,
        ]
        for text in texts {
            #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(text)")
        }
    }
}
