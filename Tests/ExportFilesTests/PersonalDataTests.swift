import CalendarFeeds
import ExportFiles
import Foundation
import ICalendar
import Registry
import SyntheticRegistry
import Testing

/// A field marked `Internal` (a personal phone number, a private note) never reaches an
/// export, and printing, dumping or reflecting a record does not reveal it either.
@Suite struct PersonalDataTests {
    static let phone = "070-123 45 67"
    static let note = "privat anteckning"

    static func registry() -> Registry {
        SyntheticRegistry.withInternalFields(phone: phone, note: note)
    }

    /// Byte strings that would give the phone number or the note away, in any spelling.
    static let needles: [String] = [
        phone, note, "0701234567", "070 123 45 67", "070-1234567", "070123", "1234567", "123 45 67",
        "+46701234567", "46701234567", "anteckning", "privat",
    ]

    @Test func noExportedFileCarriesAnInternalField() throws {
        let registry = Self.registry()
        let files = try registry.exportFiles(previous: Ledgers())
        // Write them as `samverkan export` does, and read back everything on disk.
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("samverkan-personal-\(UUID().uuidString)/Exports")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try ExportDirectory(folder).replace(with: files)
        let paths = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter {
            !$0.hasSuffix("/") && (try? Data(contentsOf: folder.appendingPathComponent($0))) != nil
        }
        #expect(paths.count == files.count)
        #expect(paths.contains(EventLedger.fileName))

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
