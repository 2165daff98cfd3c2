import Foundation
import RegistryFixtures
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Kills an export with SIGKILL at many moments and checks what is left on disk.
///
/// After every kill the output folder must hold exactly the previous set or exactly the
/// new one, byte for byte and file for file; and a following export must finish and clean
/// up whatever the killed one left beside it. Runs the binaries built beside the test
/// bundle (`swift build --build-tests` and `swift test` build them).
@Suite(.serialized) struct ExportKillTests {
    /// The real command on the real data, killed at 16 moments spread over its run time
    /// (about half of them land while it writes; the synthetic export below aims there).
    @Test func killingSamverkanExportLeavesTheOldSetOrTheNewSet() throws {
        let binary = try Self.binary("samverkan")
        let oldSet: [String: [UInt8]] = [
            "all.ics": Array("BEGIN:VCALENDAR\r\nX-OLD:1\r\nEND:VCALENDAR\r\n".utf8),
            "retired.ics": Array("a feed the new export no longer has\r\n".utf8),
            "municipalities/bjuv.ics": Array("old Bjuv\r\n".utf8),
            "bodies/old-body/notes.txt": Array("a nested file\n".utf8),
        ]
        let report = try Self.killLoop(
            name: "samverkan export", kills: 16, oldSet: oldSet, recoverEvery: 3,
            command: { [binary.path, "export", "--output", $0.path] })
        print(report.summary)
    }

    /// A synthetic export of 60 files of 20 kB through the same `ExportDirectory`, so that
    /// many kills land while files are being written, not only before and after.
    @Test func killingALargeExportMidWriteLeavesTheOldSetOrTheNewSet() throws {
        let probe = try Self.binary("export-crash-probe")
        let scratch = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        // The previous set: generation 1 with a different number of files.
        let previous = scratch.appendingPathComponent("Exports")
        let (status, _) = try Self.run([probe.path, previous.path, "45", "20000", "1"])
        try #require(status == 0, "export-crash-probe could not write the previous set")
        let oldSet = try #require(try Self.snapshot(previous))

        let report = try Self.killLoop(
            name: "export-crash-probe (60 files)", kills: 12, oldSet: oldSet, recoverEvery: 4,
            command: { [probe.path, $0.path, "60", "20000", "2"] })
        print(report.summary)
        #expect(report.whileWriting > 0, "no kill landed while files were being written: \(report.summary)")
    }

    // MARK: - The loop

    struct Report {
        var name: String
        var duration: Double
        var beforeWriting = 0
        var whileWriting = 0
        var afterSwap = 0
        var finished = 0
        var stagedCounts: [Int] = []

        var summary: String {
            let staged =
                stagedCounts.isEmpty
                ? "" : " (files staged when killed: \(stagedCounts.map(String.init).joined(separator: ", ")))"
            return
                "\(name): run time \(Int(duration * 1000)) ms; \(beforeWriting + whileWriting + afterSwap + finished) kills: "
                + "\(beforeWriting) before writing, \(whileWriting) while writing the new set\(staged), "
                + "\(afterSwap) after the swap before clean-up, \(finished) after the export had finished; "
                + "every time the folder held exactly the old or the new set"
        }
    }

    /// Measures an uninterrupted run, then for `kills` delays from 0 to 1.25 times that
    /// run time starts the command on a fresh copy of `oldSet`, kills it, and checks the
    /// folder; every `recoverEvery`-th time it also runs the command again to the end.
    static func killLoop(
        name: String, kills: Int, oldSet: [String: [UInt8]], recoverEvery: Int, command: (URL) -> [String]
    ) throws -> Report {
        let scratch = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }

        // The new set, and how long a whole run takes (the median of three, after a warm-up).
        var durations: [Double] = []
        var newSet: [String: [UInt8]] = [:]
        for attempt in 0..<4 {
            let folder = scratch.appendingPathComponent("reference-\(attempt)/Exports")
            try write(oldSet, to: folder)
            let (status, seconds) = try run(command(folder))
            try #require(status == 0, "\(name) failed on an uninterrupted run")
            newSet = try #require(try snapshot(folder))
            if attempt > 0 { durations.append(seconds) }
        }
        try #require(newSet != oldSet, "the test needs a new set that differs from the old one")
        var report = Report(name: name, duration: durations.sorted()[1])

        for kill in 0..<kills {
            let delay = 1.25 * report.duration * Double(kill) / Double(kills - 1)
            let parent = scratch.appendingPathComponent("kill-\(kill)")
            let folder = parent.appendingPathComponent("Exports")
            try write(oldSet, to: folder)

            let exitedFirst = try runAndKill(command(folder), after: delay)
            let state = try #require(try snapshot(folder), "kill \(kill): the folder is gone")
            let staging = try stagingFolders(in: parent)
            let stagedFiles = try staging.reduce(0) { $0 + (try snapshot($1)?.count ?? 0) }
            let context = "kill \(kill) after \(Int(delay * 1_000_000)) µs"
            if state == oldSet {
                if staging.isEmpty {
                    report.beforeWriting += 1
                } else {
                    report.whileWriting += 1
                    report.stagedCounts.append(stagedFiles)
                }
            } else if state == newSet {
                if exitedFirst || staging.isEmpty { report.finished += 1 } else { report.afterSwap += 1 }
            } else {
                Issue.record(
                    "\(context): a mix of sets: \(difference(state, oldSet: oldSet, newSet: newSet))")
            }

            // The next export finishes and removes what the killed one left beside it.
            guard kill % recoverEvery == 0 else {
                try? FileManager.default.removeItem(at: parent)
                continue
            }
            let (status, _) = try run(command(folder))
            #expect(status == 0, "\(context): the export after the kill failed")
            #expect(
                try snapshot(folder) == newSet,
                "\(context): the export after the kill did not write the new set")
            #expect(
                try stagingFolders(in: parent).isEmpty,
                "\(context): staging folders left after the next export")
            try? FileManager.default.removeItem(at: parent)
        }
        return report
    }

    // MARK: - Processes

    static func binary(_ name: String) throws -> URL {
        let url = BuildProducts.executable(name)
        try #require(
            FileManager.default.isExecutableFile(atPath: url.path),
            "\(url.path) is missing: run `swift build --build-tests` before this test")
        return url
    }

    /// Runs to the end; returns the exit status and the wall-clock time.
    static func run(_ arguments: [String]) throws -> (Int32, Double) {
        let process = try start(arguments)
        let started = DispatchTime.now()
        process.waitUntilExit()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return (process.terminationStatus, seconds)
    }

    /// Starts the command, sends SIGKILL after `delay` seconds, and reports whether the
    /// process had already exited on its own.
    static func runAndKill(_ arguments: [String], after delay: Double) throws -> Bool {
        let process = try start(arguments)
        if delay > 0 { usleep(UInt32(delay * 1_000_000)) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .exit
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    // MARK: - Folders

    /// A fresh folder in `/var/tmp`, on disk: the test command puts the temporary directory
    /// on tmpfs, where an export writes its files in a few milliseconds and hardly a kill
    /// lands while it does.
    static func scratchFolder() throws -> URL {
        let parent =
            FileManager.default.fileExists(atPath: "/var/tmp")
            ? URL(fileURLWithPath: "/var/tmp") : FileManager.default.temporaryDirectory
        let url = parent.appendingPathComponent("samverkan-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ set: [String: [UInt8]], to folder: URL) throws {
        try? FileManager.default.removeItem(at: folder)
        for (path, bytes) in set {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
    }

    /// Every regular file under `folder` by relative path, or nil if there is no folder.
    /// A directory entry that is neither a file nor a folder is recorded as such, so it
    /// cannot match a set.
    static func snapshot(_ folder: URL) throws -> [String: [UInt8]]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else { return nil }
        var files: [String: [UInt8]] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(path)
            let type = try FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType
            switch type {
            case .typeDirectory?: continue
            case .typeRegular?: files[path] = Array(try Data(contentsOf: url))
            default: files[path] = Array("<not a regular file>".utf8)
            }
        }
        return files
    }

    static func stagingFolders(in parent: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: parent.path)
            .filter { $0.hasPrefix(".Exports.staging-") }
            .map { parent.appendingPathComponent($0) }
    }

    static func difference(_ state: [String: [UInt8]], oldSet: [String: [UInt8]], newSet: [String: [UInt8]])
        -> String
    {
        func compare(_ other: [String: [UInt8]], _ name: String) -> String {
            let missing = Set(other.keys).subtracting(state.keys).sorted()
            let extra = Set(state.keys).subtracting(other.keys).sorted()
            let changed = state.keys.filter { other[$0] != nil && other[$0] != state[$0] }.sorted()
            return "against the \(name) set: missing \(missing), extra \(extra), different \(changed)"
        }
        return compare(oldSet, "old") + "; " + compare(newSet, "new")
    }
}
