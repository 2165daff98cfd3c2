import Registry
import Testing

@testable import RegistryFixtures

@Suite("Finding records by the names people type")
struct NameMatcherTests {
    let registry = Fixture.registry

    @Test(
        "a municipality is found in any case, with or without å/ä/ö, by name, formal name or slug",
        arguments: [
            "Ängelholm", "angelholm", "ANGELHOLM", "ängelholm", "ÄNGELHOLM", "Ängelholms kommun",
            " angelholm ",
        ])
    func municipalityFolding(query: String) throws {
        #expect(try registry.municipality(named: query).id == Fixture.angelholm)
    }

    @Test(
        "a prefix finds a municipality, as the OCR text's 'Åstor' must find Åstorp",
        arguments: ["Åstor", "astor", "ÅSTO"])
    func municipalityPrefix(query: String) throws {
        #expect(try registry.municipality(named: query).id == Fixture.astorp)
    }

    @Test(
        "Helsingborg answers to its alias and formal name too",
        arguments: [
            "Helsingborg stad", "helsingborg stad", "Helsingborgs stad", "helsingborg-stad", "HELSINGBORG",
        ])
    func helsingborgForms(query: String) throws {
        #expect(try registry.municipality(named: query).id == Fixture.helsingborg)
    }

    @Test("an unknown municipality with nothing near lists every municipality")
    func unknownMunicipalityListsAll() {
        let error = #expect(throws: QueryError.self) { try registry.municipality(named: "Malmo") }
        #expect(error?.reason == .notFoundListingAll)
        #expect(error?.candidates == registry.municipalities.map(\.name))
        #expect(
            error?.description.hasPrefix("no municipality 'Malmo'; known municipalities: Helsingborg") == true
        )
        #expect(error?.description.contains("\n") == false)
    }

    @Test("a misspelt municipality suggests the closest one")
    func misspeltMunicipality() {
        let error = #expect(throws: QueryError.self) { try registry.municipality(named: "Bjov") }
        #expect(error?.reason == .notFound)
        #expect(error?.candidates == ["Bjuv"])
        #expect(error?.description == "no municipality 'Bjov'; did you mean Bjuv?")
    }

    @Test(
        "a person is found by full name, first or last name, parts in any order, with or without diacritics",
        arguments: [
            ("Örjan Ödman", Fixture.orjan), ("odman", Fixture.orjan), ("ORJAN", Fixture.orjan),
            ("ödman örjan", Fixture.orjan), ("orjan o", Fixture.orjan), ("Karlsson", Fixture.karin),
            ("anna l", Fixture.annaL), ("anna-andersson", Fixture.annaA), ("Berg", Fixture.anders),
        ])
    func personMatching(query: String, expected: Person.ID) throws {
        #expect(try registry.person(named: query).id == expected)
    }

    @Test("an ambiguous name lists every candidate")
    func ambiguousPerson() {
        let error = #expect(throws: QueryError.self) { try registry.person(named: "anna") }
        #expect(error?.reason == .ambiguous)
        #expect(error?.candidates == ["Anna Andersson", "Anna Lind"])
        #expect(error?.description == "'anna' matches more than one person: Anna Andersson, Anna Lind")
    }

    @Test("an exact name wins over names it is the start of")
    func exactBeatsPrefix() throws {
        var registry = Fixture.registry
        registry.add(Person(Person.ID("anna"), name: "Anna", source: Fixture.source))
        #expect(try registry.person(named: "anna").id == Person.ID("anna"))
    }

    @Test("an unknown person gets near names, or the nearest ones when none is near")
    func unknownPerson() {
        let near = #expect(throws: QueryError.self) { try registry.person(named: "Karlson") }
        #expect(near?.reason == .notFound)
        #expect(near?.candidates.first == "Karin Karlsson")

        let far = #expect(throws: QueryError.self) { try registry.person(named: "zzzzzzzz") }
        #expect(far?.reason == .notFoundListingNearest)
        #expect(far?.candidates.count == 3)
    }

    @Test("two people with the same name are told apart by ID")
    func sameNameCandidates() {
        var registry = Fixture.registry
        registry.add(Person(Person.ID("anna-lind-2"), name: "Anna Lind", source: Fixture.source))
        let error = #expect(throws: QueryError.self) { try registry.person(named: "Anna Lind") }
        #expect(error?.candidates == ["Anna Lind (anna-lind)", "Anna Lind (anna-lind-2)"])
    }

    @Test("a body is found by ID or name; a meeting by ID, prefix or day")
    func bodiesAndMeetings() throws {
        #expect(try registry.body(named: "network").id == Fixture.network)
        #expect(try registry.body(named: "natverket").id == Fixture.network)
        #expect(try registry.meeting(named: "2026-03-20").id == Fixture.spring)
        #expect(try registry.meeting(named: "m-2025").id == Fixture.history)
        let sameDay = #expect(throws: QueryError.self) { try registry.meeting(named: "2026-06-12") }
        #expect(sameDay?.reason == .ambiguous)
        #expect(sameDay?.candidates == [Fixture.summer.rawValue, Fixture.cancelled.rawValue])
    }

    @Test(
        "edit distance counts insertions, deletions and substitutions",
        arguments: [
            ("", "", 0), ("abc", "", 3), ("malmo", "malmo", 0), ("bjov", "bjuv", 1),
            ("perstrop", "perstorp", 2),
        ])
    func editDistance(a: String, b: String, expected: Int) {
        #expect(Text.editDistance(a, b) == expected)
        #expect(Text.editDistance(b, a) == expected)
    }
}
