import CalendarFeeds
import ExportFiles
import Foundation
import ICalendar
import Registry
import RegistryData
import Testing

/// Replacing an export folder leaves exactly the new set. (That the committed `Exports/`
/// is fresh is checked through the command itself, in SamverkanCLITests.)
@Suite struct ExportsFreshnessTests {
    @Test func replacingAnExportLeavesExactlyTheNewSet() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = ExportDirectory(root.appendingPathComponent("Exports"))
        let first = [
            ExportFile(path: "a.ics", text: "old", lastModified: Day(2026, 4, 10)),
            ExportFile(path: "bodies/gone.ics", text: "old", lastModified: Day(2026, 4, 10)),
        ]
        try directory.replace(with: first)
        #expect(directory.differences(from: first).isEmpty)
        let second = [
            ExportFile(path: "a.ics", text: "new", lastModified: Day(2026, 5, 1)),
            ExportFile(path: "municipalities/bjuv.ics", text: "new", lastModified: Day(2026, 5, 1)),
        ]
        try directory.replace(with: second)
        #expect(directory.differences(from: second).isEmpty)
        #expect(
            directory.differences(from: first) == ["a.ics", "bodies/gone.ics", "municipalities/bjuv.ics"])
        let siblings = try FileManager.default.contentsOfDirectory(atPath: root.path)
        #expect(siblings == ["Exports"], "staging folders left behind: \(siblings)")
        let attributes = try FileManager.default.attributesOfItem(
            atPath: directory.url.appendingPathComponent("a.ics").path)
        let modified = try #require(attributes[.modificationDate] as? Date)
        #expect(modified == Date(timeIntervalSince1970: Double(Day(2026, 5, 1).daysSinceEpoch) * 86_400))
    }
}
