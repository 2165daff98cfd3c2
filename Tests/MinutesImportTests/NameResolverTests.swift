import MinutesImport
import Registry
import RegistryData
import Testing

/// Names as minutes write them, matched to the registry of Data/: exact after folding case
/// and diacritics (and for places their official names and aliases), loose (flagged for
/// review) for a cut-off or misspelt name, unknown otherwise.
struct NameResolverTests {
    static let names = NameResolver(Registry.familjenHelsingborg)

    enum Expected: Sendable {
        case exact(String)
        case loose(String)
        case unknown
    }

    static func check<ID>(_ found: NameResolution<ID>, _ expected: Expected, _ text: String) {
        switch (found, expected) {
        case (.exact(let id), .exact(let raw)): #expect("\(id)" == raw, "\(text)")
        case (.loose(let id, _), .loose(let raw)): #expect("\(id)" == raw, "\(text)")
        case (.unknown, .unknown): break
        default: Issue.record("\(text): found \(found), expected \(expected)")
        }
    }

    static let municipalities: [(String, Expected)] = [
        ("Bjuv", .exact("bjuv")),
        ("BJUV", .exact("bjuv")),
        ("Ängelholm", .exact("angelholm")),
        ("angelholm", .exact("angelholm")),
        ("Ängelholms kommun", .exact("angelholm")),
        ("Helsingborg stad", .exact("helsingborg")),
        ("Helsingborgs stad", .exact("helsingborg")),
        ("Landskrona stad", .exact("landskrona")),
        ("Örkelljunga", .exact("orkelljunga")),
        ("Åstor", .loose("astorp")),
        ("Perstrop", .loose("perstorp")),
        ("Klipan", .loose("klippan")),
        ("Malmö", .unknown),
        ("sekretariatet", .unknown),
    ]

    @Test(arguments: municipalities)
    func municipality(_ text: String, _ expected: Expected) {
        Self.check(Self.names.municipality(text), expected, text)
    }

    static let people: [(String, Expected)] = [
        ("Agneta Fristedt", .exact("agneta-fristedt")),
        ("agneta fristedt", .exact("agneta-fristedt")),
        ("Herman Crespin", .exact("herman-crespin")),
        ("Herman Crespín", .exact("herman-crespin")),
        ("Christer Palsson", .exact("christer-palsson")),
        ("Jonas Jonsson", .exact("jonas-jonsson")),
        ("Agneta Fristed", .loose("agneta-fristedt")),
        ("Åsa Simonson", .loose("asa-simonsson")),
        ("Anna Kronberg", .loose("anna-kronbert")),
        ("Britt Nymberg", .exact("britt-nymberg")),
        ("Anna Berg", .unknown),
        ("Agneta", .unknown),
        ("Maria Nord", .unknown),
    ]

    @Test(arguments: people)
    func person(_ text: String, _ expected: Expected) {
        Self.check(Self.names.person(text), expected, text)
    }

    static let bodies: [(String, Expected)] = [
        ("sekretariatet", .exact("sekretariatet")),
        ("Sekretariatet", .exact("sekretariatet")),
        ("Kommundirektörerna", .exact("kommundirektorerna")),
        ("Energinätverket", .exact("energinatverket")),
        ("Bjuv", .unknown),
    ]

    @Test(arguments: bodies)
    func body(_ text: String, _ expected: Expected) {
        Self.check(Self.names.body(text), expected, text)
    }
}
