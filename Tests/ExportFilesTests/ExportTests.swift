import ExportFiles
import Foundation
import Registry
import Testing

@testable import RegistryFixtures

@Suite("Exports: representatives.csv and Popolo JSON")
struct ExportTests {
    let registry = Fixture.registry
    let zone = try! ZoneInfo.collaborationZone()

    /// Splits CSV text into records of fields, honouring RFC 4180 quotes.
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                record.append(field)
                field = ""
            } else if character == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.append(character)
            }
        }
        return records
    }

    @Test("the CSV has a header and one row per membership held for a municipality")
    func csvRows() throws {
        let csv = registry.representativesCSV()
        #expect(csv.hasSuffix("\n"))
        let records = ExportTests.parseCSV(csv)
        #expect(records.first == Registry.representativesCSVColumns)
        let rows = Array(records.dropFirst())
        #expect(rows.count == registry.memberships.count(where: { $0.municipality != nil }))
        #expect(rows.allSatisfy { $0.count == Registry.representativesCSVColumns.count })
        // Sorted by municipality, body, person and start day.
        let keys = rows.map { [$0[0], $0[2], $0[4], $0[10]] }
        #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
        // The secretariat head sits for no municipality, so is not a representative.
        #expect(!rows.contains { $0[4] == Fixture.annaL.rawValue })
    }

    @Test("a field with a comma is quoted and reads back whole; dates and flags are plain")
    func csvFields() throws {
        let csv = registry.representativesCSV()
        #expect(csv.contains("\"Petra Holm, jr\""))
        let rows = ExportTests.parseCSV(csv)
        let petra = try #require(rows.first { $0[4] == Fixture.petra.rawValue })
        #expect(petra[5] == "Petra Holm, jr")
        let anders = try #require(rows.first { $0[4] == Fixture.anders.rawValue })
        #expect(
            Array(anders[6...12]) == [
                "director", "kommundirektör", "", "true", "false", "2026-06-01", "2026-07-01",
            ])
        #expect(anders[13] == Fixture.minutes.rawValue)
    }

    @Test("the same registry always gives the same bytes, whatever order the records were added in")
    func deterministic() {
        var reversed = Registry()
        for document in registry.documents { reversed.add(document) }
        for municipality in registry.municipalities.reversed() { reversed.add(municipality) }
        for person in registry.people.reversed() { reversed.add(person) }
        for body in registry.bodies.reversed() { reversed.add(body) }
        for membership in registry.memberships.reversed() { reversed.add(membership) }
        for appointment in registry.appointments.reversed() { reversed.add(appointment) }
        for meeting in registry.meetings.reversed() { reversed.add(meeting) }
        for decision in registry.decisions.reversed() { reversed.add(decision) }
        #expect(reversed.representativesCSV() == registry.representativesCSV())
        #expect(reversed.popoloJSON(zone: zone) == registry.popoloJSON(zone: zone))
        #expect(registry.popoloJSON(zone: zone) == registry.popoloJSON(zone: zone))
    }

    @Test("Popolo: namespaced IDs, snake_case keys, references that resolve")
    func popoloShape() throws {
        let json = registry.popoloJSON(zone: zone)
        #expect(json.hasSuffix("}\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["persons", "organizations", "memberships", "events"])
        let popolo = registry.popolo(zone: zone)
        #expect(popolo.persons.count == registry.people.count)
        #expect(popolo.organizations.count == registry.municipalities.count + registry.bodies.count)
        #expect(popolo.memberships.count == registry.memberships.count + registry.appointments.count)
        let organizations = Set(popolo.organizations.map(\.id))
        let persons = Set(popolo.persons.map(\.id))
        for membership in popolo.memberships {
            #expect(persons.contains(membership.personID))
            #expect(organizations.contains(membership.organizationID))
            if let onBehalfOf = membership.onBehalfOfID { #expect(organizations.contains(onBehalfOf)) }
        }
        #expect(json.contains("\"on_behalf_of_id\" : \"municipality/bjuv\""))
        #expect(json.contains("\"parent_id\" : \"body/directors\""))
        #expect(popolo.persons.map(\.id) == popolo.persons.map(\.id).sorted())
    }

    @Test("Popolo end dates are the last day in force; the registry's end day is exclusive")
    func popoloDates() throws {
        let popolo = registry.popolo(zone: zone)
        let anders = try #require(popolo.memberships.first { $0.personID == "person/\(Fixture.anders)" })
        #expect(anders.startDate == "2026-06-01")
        #expect(anders.endDate == "2026-06-30")
        #expect(anders.label == "tf kommundirektör")
        let network = try #require(popolo.organizations.first { $0.id == "body/\(Fixture.network)" })
        #expect(
            [network.proposalDate, network.foundingDate, network.dissolutionDate] == [
                "2026-05-01", "2026-09-01", "2027-01-01",
            ])
    }

    @Test("Popolo events carry Stockholm's offset, summer or winter, and the attendance")
    func popoloEvents() throws {
        let events = registry.popolo(zone: zone).events
        let spring = try #require(events.first { $0.id == "meeting/\(Fixture.spring)" })
        #expect(spring.startDate == "2026-03-20T08:30:00+01:00")
        #expect(spring.attendees?.count == 5)
        let summer = try #require(events.first { $0.id == "meeting/\(Fixture.summer)" })
        #expect(summer.startDate == "2026-06-12T13:00:00+02:00")
        #expect(summer.endDate == "2026-06-12T15:00:00+02:00")
        let history = try #require(events.first { $0.id == "meeting/\(Fixture.history)" })
        #expect(history.startDate == "2025-01")
        let cancelled = try #require(events.first { $0.id == "meeting/\(Fixture.cancelled)" })
        #expect(cancelled.status == "cancelled")
        #expect(
            events.contains { $0.id == "deadline/\(Fixture.deadlineAll)" && $0.startDate == "2026-06-01" })
    }
}

@Suite("JSON output")
struct JSONOutputTests {
    @Test("the oracle writes empty arrays and objects [] and {}, and leaves strings alone")
    func emptyContainers() {
        let text = FoundationJSON.collapsingEmptyContainers(
            "{\n  \"a\" : [\n\n  ],\n  \"b\" : \"[ ]\\\"{ }\",\n  \"c\" : {\n\n  }\n}")
        #expect(text == "{\n  \"a\" : [],\n  \"b\" : \"[ ]\\\"{ }\",\n  \"c\" : {}\n}")
    }

    @Test("JSON output ends with a newline and has no blank lines")
    func shape() {
        let json = JSONOutput.string(["empty": [String](), "list": ["x"]])
        #expect(json == "{\n  \"empty\" : [],\n  \"list\" : [\n    \"x\"\n  ]\n}\n")
    }
}
