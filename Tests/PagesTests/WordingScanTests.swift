import CalendarFeeds
import ExportFiles
import Foundation
import ICalendar
import Pages
import Registry
import RegistryData
import RegistryFixtures
import SyntheticRegistry
import Testing

/// Every reader-facing string of a real and a synthetic export (feeds, pages, Atom, CSV,
/// Popolo JSON) scanned for the rules a program can check (`WordingScan`); each failure
/// names the string and its place. The command line's text and JSON are scanned in
/// `SamverkanCLITests`, the change log's sentences for every kind of change in
/// `ExportFilesTests`.
@Suite struct WordingScanTests {
    static let synthetic = SyntheticRegistry.make(events: 150, seed: 7)

    /// The export's files and the pages, as `samverkan export --public-url` writes them.
    static func files(_ registry: Registry) throws -> (files: [ExportFile], changes: [String]) {
        let publication = Publication(
            registry: registry, previous: Ledgers(), encoder: try ICalendarEncoder(), feedTwins: false)
        let site = Site(
            registry: registry, publicURL: "https://kalender.example.se", feeds: publication.feeds,
            events: registry.events(), changes: publication.changes)
        let pages = Pages.files(site: site).map {
            ExportFile(path: $0.path, bytes: $0.bytes, lastModified: Day(2026, 1, 1))
        }
        return (publication.files + pages, publication.changes.map(\.text))
    }

    /// The findings in one file, by its kind.
    static func findings(_ file: ExportFile, scan: WordingScan) throws -> [WordingFinding] {
        let text = String(decoding: file.bytes, as: UTF8.self)
        if file.path.hasSuffix(".ics") {
            return WordingScan.calendarTexts(text).flatMap {
                scan.scan($0.text, place: "\(file.path) \($0.property)", sentences: $0.property != "LOCATION")
            }
        }
        if file.path.hasSuffix(".html") || file.path.hasSuffix(".atom") {
            return WordingScan.markupTexts(text).flatMap { scan.scan($0, place: file.path, sentences: true) }
        }
        if file.path.hasSuffix(".json") {
            return try WordingScan.jsonStrings(Data(file.bytes)).flatMap {
                scan.scan($0, place: file.path, sentences: false)
            }
        }
        if file.path.hasSuffix(".csv") {
            // RFC 4180 quoting is the format's, not the reader's: only the time and phrase rules.
            return text.split(separator: "\n").flatMap {
                scan.scan($0.replacingOccurrences(of: "\"", with: ""), place: file.path, sentences: false)
            }
        }
        return []
    }

    @Test(arguments: ["real", "synthetic"])
    func everyReaderFacingStringFollowsTheRules(name: String) throws {
        let registry = name == "real" ? Registry.familjenHelsingborg : Self.synthetic
        let (files, changes) = try Self.files(registry)
        let scan = WordingScan(registry: registry, sentences: changes)
        #expect(files.contains { $0.path.hasSuffix(".html") } && files.contains { $0.path.hasSuffix(".ics") })
        var findings: [WordingFinding] = []
        for file in files { findings += try Self.findings(file, scan: scan) }
        #expect(findings.isEmpty, "\(findings.prefix(20).map(\.description).joined(separator: "\n"))")
    }

    /// The committed export, as subscribers and readers have it now.
    @Test func theCommittedExportFollowsTheRules() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Exports")
        let changes = try ChangeHistory(
            tsv: String(contentsOf: root.appendingPathComponent("changes.tsv"), encoding: .utf8))
        let scan = WordingScan(registry: .familjenHelsingborg, sentences: changes.entries.map(\.text))
        let paths = try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted()
        var findings: [WordingFinding] = []
        for path in paths where [".ics", ".atom", ".json", ".csv", ".html"].contains(where: path.hasSuffix) {
            let bytes = try Array(Data(contentsOf: root.appendingPathComponent(path)))
            findings += try Self.findings(
                ExportFile(path: path, bytes: bytes, lastModified: Day(2026, 1, 1)), scan: scan)
        }
        #expect(findings.isEmpty, "\(findings.prefix(20).map(\.description).joined(separator: "\n"))")
    }

    /// The scan itself fails on each rule, naming the string and its place.
    @Test(arguments: [
        ("Mötet börjar 08:30.", "time with a colon"),
        ("Mötet börjar kl. 08.30.", "zero-padded hour"),
        ("Temat är \"Tillväxt tillsammans\".", "quotation mark"),
        ("Sista dagen för Fullmakt för något.", "capital mid-sentence"),
        ("Ny plats: Ett nytt ställe.", "capital after a colon"),
        ("kommundirektör (antaget)", "one phrase per concept"),
    ])
    func theScanCatchesEachRule(text: String, rule: String) {
        let findings = WordingScan(registry: Registry()).scan(text, place: "here", sentences: true)
        #expect(findings.contains { $0.rule.hasPrefix(rule) && $0.place == "here" }, "\(findings)")
    }

    /// Names, quoted text and the registry's own strings are not generated text.
    @Test func namesAndQuotedTextAreExempt() {
        let scan = WordingScan(registry: .familjenHelsingborg)
        #expect(
            scan.scan("Ansvariga: Britt Nymberg, Arbetsgruppen för effektfrågan", place: "x", sentences: true)
                .isEmpty)
        #expect(
            scan.scan("Bjuv har anslutit sig till ”Ett Beslut” den 1 maj.", place: "x", sentences: true)
                .isEmpty)
    }
}
