import Foundation
import RegistryFixtures
import Testing

/// The package's root folder, found from this file's path.
private let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

extension CLI {
    /// The built `samverkan`: `SAMVERKAN_BIN` when set (scripts/test.sh sets it), else the
    /// one beside this test bundle.
    static let binary: URL? = {
        let candidates = [
            ProcessInfo.processInfo.environment["SAMVERKAN_BIN"].map { URL(fileURLWithPath: $0) },
            BuildProducts.executable("samverkan"),
        ]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs the built binary as a real process.
    static func spawn(_ arguments: [String]) throws -> Run {
        let binary = try #require(binary, "build the samverkan binary first (swift build)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// The other suites run command lines in-process; these few show that a real process
/// prints and exits exactly as the in-process run says, for a success, a name that finds
/// nothing (exit 1) and a usage error (exit 64).
@Suite("the samverkan process")
struct ProcessTests {
    @Test(
        arguments: [
            ["who", "Bjuv", "--on", "2026-04-10"], ["who", "Malmo"], ["who", "Bjuv", "--on", "2026-4-10"],
        ])
    func aRealProcessMatchesTheInProcessRun(arguments: [String]) async throws {
        let process = try CLI.spawn(arguments)
        let inProcess = await CLI.run(arguments)
        #expect(process == inProcess)
        #expect([0, 1, 64].contains(process.status))
        #expect(process.stdout.isEmpty != process.stderr.isEmpty, "one stream only: \(process)")
    }

    /// The committed `Exports/` must be exactly what the export command would write now.
    @Test func committedExportsAreFresh() async {
        let exports = packageRoot.appendingPathComponent("Exports").path
        let run = await CLI.run("export", "--check", "--output", exports)
        #expect(run.status == 0, "Exports/ is stale: \(run.stderr)")
        #expect(run.stdout.hasPrefix("\(exports)/ is up to date ("))
    }
}
