import Foundation
import Registry
import RegistryData
import SyntheticRegistry
import Testing

@testable import ExportFiles

/// `PopoloExport.json` writes the document directly; Foundation's `JSONEncoder` in the
/// writer's layout (`FoundationJSON`) is the oracle for every byte.
@Suite struct PopoloJSONTests {
    /// Where `popolo.json` first differs from JSONEncoder's bytes, with the text around it;
    /// nil when every byte is the same.
    static func difference(_ popolo: PopoloExport) throws -> String? {
        let written = popolo.json
        let expected = Array(try FoundationJSON.string(popolo, snakeCaseKeys: true).utf8)
        guard written != expected else { return nil }
        let common = min(written.count, expected.count)
        let offset = (0..<common).first { written[$0] != expected[$0] } ?? common
        func around(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, offset - 60)..<min(bytes.count, offset + 60)], as: UTF8.self)
        }
        return "byte \(offset): wrote …\(around(written))… where JSONEncoder wrote …\(around(expected))…"
    }

    @Test func theRealRegistrysPopoloIsJSONEncodersByteForByte() throws {
        let popolo = Registry.familjenHelsingborg.popolo(zone: try ZoneInfo.collaborationZone())
        #expect(try Self.difference(popolo) == nil)
    }

    @Test(arguments: [(events: 300, seed: UInt64(1)), (events: 3_000, seed: 42)])
    func aSyntheticRegistrysPopoloIsJSONEncodersByteForByte(events: Int, seed: UInt64) throws {
        let registry = SyntheticRegistry.make(events: events, seed: seed)
        let popolo = registry.popolo(zone: try ZoneInfo.collaborationZone())
        #expect(!popolo.events.isEmpty && !popolo.memberships.isEmpty)
        #expect(try Self.difference(popolo) == nil)
    }

    /// Every optional present and absent, empty and full lists, and text with quotes,
    /// backslashes, slashes, every control character, emoji and right-to-left marks.
    @Test func arbitraryDocumentsAreJSONEncodersByteForByte() throws {
        var rng = SplitMix64(seed: 0x504F_504F_4C4F)
        for index in 0..<200 {
            let difference = try Self.difference(Self.document(using: &rng))
            #expect(difference == nil, "case \(index)")
        }
    }

    @Test func controlCharactersAreEscapedAsFoundationEscapesThem() {
        var writer = JSONWriter()
        writer.string("a\u{0}\u{8}\t\n\u{B}\u{C}\r\u{1F}\"\\/é")
        #expect(
            String(decoding: writer.finish(), as: UTF8.self) == #""a\u0000\b\t\n\u000b\f\r\u001f\"\\/é""#
                + "\n")
    }

    // MARK: - Generated documents

    static func text(using rng: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...6, using: &rng) {
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: text += String(UnicodeScalar(UInt8.random(in: 0...0x1F, using: &rng)))
            case 1: text += ["\"", "\\", "/", "\\n", "\u{7F}", "\u{2028}"].randomElement(using: &rng)!
            default: text += HardText.fragment(unsafe: true, using: &rng)
            }
        }
        return text
    }

    static func maybe<T>(_ make: (inout SplitMix64) -> T, using rng: inout SplitMix64) -> T? {
        Bool.random(using: &rng) ? make(&rng) : nil
    }

    static func list<T>(_ make: (inout SplitMix64) -> T, using rng: inout SplitMix64) -> [T] {
        (0..<Int.random(in: 0...3, using: &rng)).map { _ in make(&rng) }
    }

    static func sources(using rng: inout SplitMix64) -> [PopoloExport.Source] {
        list({ .init(note: text(using: &$0), url: maybe({ text(using: &$0) }, using: &$0)) }, using: &rng)
    }

    static func document(using rng: inout SplitMix64) -> PopoloExport {
        func optionalText(_ rng: inout SplitMix64) -> String? { maybe({ text(using: &$0) }, using: &rng) }
        let persons = list(
            {
                PopoloExport.Person(
                    id: text(using: &$0), name: text(using: &$0), email: optionalText(&$0),
                    sources: sources(using: &$0))
            }, using: &rng)
        let organizations = list(
            {
                PopoloExport.Organization(
                    id: text(using: &$0), name: text(using: &$0), classification: text(using: &$0),
                    parentID: optionalText(&$0), description: optionalText(&$0),
                    otherNames: maybe({ list({ .init(name: text(using: &$0)) }, using: &$0) }, using: &$0),
                    proposalDate: optionalText(&$0), foundingDate: optionalText(&$0),
                    dissolutionDate: optionalText(&$0), sources: sources(using: &$0),
                    inferred: optionalText(&$0))
            }, using: &rng)
        let memberships = list(
            {
                PopoloExport.Membership(
                    id: text(using: &$0), personID: text(using: &$0), organizationID: text(using: &$0),
                    role: text(using: &$0), label: text(using: &$0), onBehalfOfID: optionalText(&$0),
                    startDate: optionalText(&$0), endDate: optionalText(&$0), sources: sources(using: &$0),
                    inferred: optionalText(&$0))
            }, using: &rng)
        let events = list(
            {
                PopoloExport.Event(
                    id: text(using: &$0), name: text(using: &$0), classification: text(using: &$0),
                    organizationID: optionalText(&$0), startDate: text(using: &$0),
                    endDate: optionalText(&$0),
                    location: optionalText(&$0), status: text(using: &$0),
                    attendees: maybe(
                        {
                            list(
                                {
                                    .init(
                                        personID: text(using: &$0), onBehalfOfID: optionalText(&$0),
                                        status: text(using: &$0))
                                }, using: &$0)
                        }, using: &$0),
                    actors: maybe({ list({ text(using: &$0) }, using: &$0) }, using: &$0),
                    sources: sources(using: &$0))
            }, using: &rng)
        return PopoloExport(
            persons: persons, organizations: organizations, memberships: memberships, events: events)
    }
}
