import Registry
import RegistryData
import SyntheticRegistry
import Testing

@testable import ExportFiles

/// `JSONOutput` (the CLI's `--json` and the API) writes through `JSONWriter`; Foundation's
/// `JSONEncoder` in the same layout (`FoundationJSON`) is the oracle for every byte.
@Suite struct JSONOutputOracleTests {
    /// Every kind of query result the CLI and the API write, on `day`.
    static func results(_ registry: Registry, on day: Day) -> [(String, any Encodable)] {
        var results: [(String, any Encodable)] = [
            ("bodies", registry.bodyList(on: day)),
            ("upcoming", registry.upcoming(from: day, days: 400)),
            ("actions", OpenActionsResult(registry, on: day, municipality: nil)),
            ("attendance", registry.attendanceReport()),
            ("people", registry.people.map(PersonRef.init)),
        ]
        results += registry.municipalities.map {
            ("who \($0.id)", registry.representation(of: $0.id, on: day))
        }
        results += registry.people.prefix(40).map {
            ("represents \($0.id)", registry.representation(ofPerson: $0.id, on: day))
        }
        results += registry.bodies.prefix(40).map { ("body \($0.id)", registry.bodyDetail($0.id, on: day)) }
        results += registry.decisions.prefix(40).map {
            ("decision \($0.id)", DecisionResult(registry.followUp(of: $0, on: day), in: registry))
        }
        return results
    }

    static func check(_ registry: Registry, on day: Day) throws {
        for (name, result) in results(registry, on: day) {
            #expect(JSONOutput.string(result) == (try FoundationJSON.string(result)), "\(name) on \(day)")
        }
    }

    @Test(arguments: [Day(2025, 6, 1), Day(2026, 4, 10), Day(2026, 12, 4)])
    func theRealRegistrysResultsAreJSONEncodersByteForByte(on day: Day) throws {
        try Self.check(.familjenHelsingborg, on: day)
    }

    @Test func aSyntheticRegistrysResultsAreJSONEncodersByteForByte() throws {
        try Self.check(SyntheticRegistry.make(events: 2_000, seed: 7), on: Day(2026, 4, 10))
    }

    /// Keys and values with quotes, backslashes, slashes, control characters, emoji and
    /// right-to-left marks; nulls, booleans, numbers and nested empty containers.
    @Test func arbitraryValuesAreJSONEncodersByteForByte() throws {
        var rng = SplitMix64(seed: 0x4A53_4F4E)
        for index in 0..<200 {
            var value: [String: [Entry]] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                value[PopoloJSONTests.text(using: &rng)] = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                    Entry(
                        text: PopoloJSONTests.text(using: &rng),
                        optional: Bool.random(using: &rng) ? nil : PopoloJSONTests.text(using: &rng),
                        number: Int.random(in: -1_000_000...1_000_000, using: &rng),
                        flag: Bool.random(using: &rng),
                        nothing: nil, empty: [:], list: [nil, 1])
                }
            }
            #expect(JSONOutput.string(value) == (try FoundationJSON.string(value)), "case \(index)")
        }
    }

    struct Entry: Codable, Hashable {
        let text: String
        let optional: String?
        let number: Int
        let flag: Bool
        @ExplicitNull var nothing: String?
        let empty: [String: Int]
        let list: [Int?]
    }
}
