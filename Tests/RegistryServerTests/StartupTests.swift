import ExportFiles
import Foundation
import Registry
import RegistryData
import RegistryServer
import Testing

/// `serve` renders against the committed export and refuses to start when that export
/// is missing or stale, instead of restarting or contradicting SEQUENCE numbers that
/// subscribers already hold.
@Suite struct StartupTests {
    /// The service group logs a service by its description; printed field by field, the
    /// server's state took minutes of CPU at 100,000 events.
    @Test func theServiceIsNamedWithoutItsState() throws {
        let (state, configuration) = try sharedState.get()
        let service = RegistryService(state: state, configuration: configuration, logger: quietLogger)
        #expect(String(describing: service) == "RegistryService(127.0.0.1:8080)")
    }

    @Test func startsAgainstTheCommittedExport() throws {
        _ = try makeState()
    }

    @Test func refusesAMissingExportFolder() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent(
            "samverkan-none-\(UUID())")
        #expect {
            try makeState(exportsPath: missing.path)
        } throws: { error in
            "\(error)".contains("sequences.tsv is missing") && "\(error)".contains("--allow-stale-exports")
        }
        _ = try makeState(exportsPath: missing.path, allowStale: true)
    }

    @Test func refusesAnExportThatIsNotWhatTheDataExports() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "samverkan-stale-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: exportsURL, to: folder)
        // One byte of one feed changed, as an export of other data would leave it.
        let feed = folder.appendingPathComponent("municipalities/bjuv.ics")
        var bytes = try Data(contentsOf: feed)
        bytes[bytes.count - 3] = UInt8(ascii: "X")
        try bytes.write(to: feed)
        #expect {
            try makeState(exportsPath: folder.path)
        } throws: { error in
            "\(error)".contains("municipalities/bjuv.ics") && "\(error)".contains("samverkan export")
        }
    }

    @Test func refusesAGzipTwinThatIsNotItsFeed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "samverkan-stale-twin-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: exportsURL, to: folder)
        // A valid gzip file, but of another feed.
        let twin = folder.appendingPathComponent("municipalities/bjuv.ics.gz")
        try FileManager.default.removeItem(at: twin)
        try FileManager.default.copyItem(at: folder.appendingPathComponent("all.ics.gz"), to: twin)
        #expect {
            try makeState(exportsPath: folder.path)
        } throws: { error in
            "\(error)".contains("municipalities/bjuv.ics.gz") && "\(error)".contains("samverkan export")
        }
    }
}
