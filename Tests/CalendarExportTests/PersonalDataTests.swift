import CalendarExport
import Foundation
import Registry
import Testing

/// A field marked `Internal` (a personal phone number, a private note) never reaches an
/// export, and printing, dumping or reflecting a record does not reveal it either.
@Suite struct PersonalDataTests {
    static let phone = "070-123 45 67"
    static let note = "privat anteckning"

    /// A registry in which the person with internal fields takes part in everything that
    /// is exported: a membership, a meeting (attending and presenting), a decision's
    /// deadline, and a staff start date.
    static func registry() -> Registry {
        var registry = Registry()
        let minutes = Document.ID("minutes-2026-04-10")
        let source = Source(minutes, item: "3")
        let municipality = Municipality.ID("bjuv")
        let person = Person.ID("anna-svensson")
        let body = Body.ID("directors")
        let meeting = Meeting.ID("directors-2026-05-22")
        registry.add(Document(minutes, title: "Protokoll 2026-04-10", date: Day(2026, 4, 10)))
        registry.add(Municipality(municipality, name: "Bjuv", officialName: "Bjuvs kommun", source: source))
        registry.add(
            Person(
                person, name: "Anna Svensson", email: "anna.svensson@bjuv.se",
                phone: Internal(phone), note: Internal(note), source: source))
        registry.add(
            Body(
                body, name: "Kommundirektörsgruppen", kind: .directorsGroup, lifecycle: .established,
                source: source))
        registry.add(Membership(person, in: body, as: .director, for: municipality, source: source))
        registry.add(
            Meeting(
                meeting, of: body, title: "Kommundirektörsmöte",
                time: .timed(Day(2026, 5, 22), from: LocalTime(9), to: LocalTime(12)), place: "Bjuvs rådhus",
                attendance: [Attendance(person, for: municipality, .present)],
                agenda: [AgendaItem(1, "Budget", summary: "Anna Svensson föredrar.", presenters: [person])],
                source: source))
        registry.add(
            Decision(
                Decision.ID("budget-2026"), at: meeting, item: 1, title: "Budgetunderlag",
                text: "Varje kommun lämnar underlag.", deadline: Day(2026, 6, 1), actors: [.person(person)],
                source: source))
        registry.add(
            StaffAppointment(person, in: body, title: "samordnare", starts: Day(2026, 8, 1), source: source))
        return registry
    }

    /// Byte strings that would give the phone number or the note away, in any spelling.
    static let needles: [String] = [
        phone, note, "0701234567", "070 123 45 67", "070-1234567", "070123", "1234567", "123 45 67",
        "+46701234567", "46701234567", "anteckning", "privat",
    ]

    @Test func noExportedFileCarriesAnInternalField() throws {
        let registry = Self.registry()
        let files = try registry.exportFiles(previous: SequenceLedger())
        // Write them as `samverkan export` does, and read back everything on disk.
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("samverkan-personal-\(UUID().uuidString)/Exports")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try ExportDirectory(folder).replace(with: files)
        let paths = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter {
            !$0.hasSuffix("/") && (try? Data(contentsOf: folder.appendingPathComponent($0))) != nil
        }
        #expect(paths.count == files.count)
        #expect(paths.contains(SequenceLedger.fileName))

        var sawName = false
        for path in paths {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(path)))
            // iCalendar folds lines at 75 octets: a value can be split by "\r\n ".
            let text = String(decoding: bytes, as: UTF8.self)
            let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
            let digits = String(unfolded.filter(\.isASCII).filter(\.isNumber))
            sawName = sawName || unfolded.contains("Anna Svensson")
            for needle in Self.needles {
                #expect(!text.lowercased().contains(needle), "\(path) carries \"\(needle)\"")
                #expect(
                    !unfolded.lowercased().contains(needle), "\(path) carries \"\(needle)\" across a fold")
            }
            #expect(!digits.contains("0701234567"), "\(path) carries the phone number's digits")
        }
        // The person is published (name, role, municipality, meetings): the test is not vacuous.
        #expect(sawName)
    }

    @Test func printingAPersonDoesNotRevealInternalFields() {
        let registry = Self.registry()
        let person = registry.people[0]
        var dumped = ""
        dump(person, to: &dumped)
        var dumpedRegistry = ""
        dump(registry, to: &dumpedRegistry)
        let renderings = [
            String(describing: person), String(reflecting: person), "\(person)", dumped,
            String(describing: person.phone), String(reflecting: person.note), dumpedRegistry,
            String(describing: registry), String(reflecting: registry),
        ]
        for rendering in renderings + Self.mirrorDescriptions(of: registry) {
            for needle in Self.needles {
                #expect(!rendering.lowercased().contains(needle), "\"\(needle)\" in \(rendering.prefix(200))")
            }
        }
        #expect(String(describing: person.phone!) == "[internal]")
        #expect(Mirror(reflecting: person.phone!).children.isEmpty)
        // The secretariat's own code can still read it, by saying so.
        #expect(person.phone?.revealInternalValue() == Self.phone)
    }

    /// `Internal` is not `Encodable`, so no JSON response can include it; nor then is
    /// `Person`. (Deriving `Encodable` for a type holding an `Internal` does not compile.)
    @Test func internalValuesCannotBeEncoded() {
        #expect(!(Internal<String>.self is any Encodable.Type))
        #expect(!(Person.self is any Encodable.Type))
        #expect(!(Registry.self is any Encodable.Type))
    }

    /// Every value reachable through `Mirror`, described, depth first.
    static func mirrorDescriptions(of value: Any, depth: Int = 0) -> [String] {
        guard depth < 12 else { return [] }
        var found = [String(describing: value)]
        for child in Mirror(reflecting: value).children {
            found += mirrorDescriptions(of: child.value, depth: depth + 1)
        }
        return found
    }
}
