import ArgumentParser
import Foundation
import SyntheticRegistry

/// How long a debug build of a `Data/`-shaped module takes, and how much memory the
/// compiler needs, as the number of records grows.
///
/// Method: a scratch package holds a copy of `Sources/Registry` and a module
/// `SyntheticData` of generated Swift in the shape staff write in `Data/`
/// (`SyntheticRegistry.swiftSource`). `Registry` is built once, untimed. For each size the
/// data module's build products are deleted and `swift build --target SyntheticData` is
/// timed, so each figure is a clean debug build of the data module alone. The compiler runs
/// as `swift-frontend` child processes; the driver is pointed at a wrapper
/// (`SWIFT_DRIVER_SWIFT_FRONTEND_EXEC`) that runs each one under GNU time, which records its
/// exact peak resident set, and `/proc` is sampled for the sum over those alive at once.
struct DataCompileBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data-compile",
        abstract: "Debug-build time and peak compiler memory of Data/-shaped Swift at several sizes."
    )

    @Option(help: "Record counts, comma-separated (default: 1000,5000,20000).", transform: Self.integers)
    var records: [Int] = [1_000, 5_000, 20_000]

    @Option(
        help:
            "Data shapes, comma-separated: one-per-kind, functions:K (one file per kind, functions of ≤K records), files:K (files of ≤K records). Default: files:500.",
        transform: Self.shapes)
    var shapes: [SyntheticRegistry.DataShape] = [.recommended]

    @Option(help: "Builds per size and shape.")
    var runs = 1

    @Option(help: "Seed of the synthetic data.")
    var seed: UInt64 = 42

    @Option(help: "The project whose Sources/Registry the data module builds against.")
    var projectRoot = FileManager.default.currentDirectoryPath

    @Option(
        help:
            "Scratch package, kept afterwards (default: a new folder in the temporary directory, deleted afterwards)."
    )
    var scratch: String?

    @Option(help: "Milliseconds between samples of /proc.")
    var sampleInterval = 25

    @Option(help: "Give up on one build after this many seconds.")
    var timeout = 900.0

    @Option(help: "Also write the Markdown table to this file.")
    var output: String?

    static func integers(_ text: String) throws -> [Int] {
        try text.split(separator: ",").map { part in
            var digits = part.trimmingCharacters(in: .whitespaces).lowercased()
            var scale = 1
            if digits.hasSuffix("k") {
                digits.removeLast()
                scale = 1_000
            }
            guard let value = Int(digits.replacingOccurrences(of: "_", with: "")), value > 0 else {
                throw ValidationError("not a positive number: \(part)")
            }
            return value * scale
        }
    }

    static func shapes(_ text: String) throws -> [SyntheticRegistry.DataShape] {
        try text.split(separator: ",").map { part in
            guard let shape = SyntheticRegistry.DataShape(argument: String(part)) else {
                throw ValidationError("unknown shape \(part): use one-per-kind, functions:K or files:K")
            }
            return shape
        }
    }

    func run() throws {
        let package = try ScratchPackage(projectRoot: projectRoot, path: scratch)
        print(Machine.describe())
        print("Scratch package: \(package.root.path)")
        print("Building Registry (not timed) …")
        try package.buildRegistry()

        var table = MarkdownTable([
            "shape", "records", "files", "run", "swift build wall", "compile span", "frontend CPU",
            "CPU s per 1k records", "idle-machine estimate", "peak frontend", "peak frontends together",
        ])
        for shape in shapes {
            for count in records {
                let files = SyntheticRegistry.swiftSource(records: count, seed: seed, shape: shape)
                for run in 1...max(runs, 1) {
                    print("Building \(count) records, \(shape), run \(run) …")
                    fflush(nil)
                    let result = try package.timeDataBuild(
                        files: files, sampleInterval: sampleInterval, timeout: timeout)
                    let row: [String]
                    if let failure = result.failure {
                        row = [
                            shape.description, String(count), String(files.count), String(run),
                            Format.seconds(result.wall), failure, "", "", "", "",
                            Format.gigabytes(kilobytes: result.peakFrontendsTogether),
                        ]
                    } else {
                        row = [
                            shape.description, String(count), String(files.count), String(run),
                            Format.seconds(result.wall), Format.seconds(result.compileSpan),
                            Format.seconds(result.frontendCPU),
                            Format.fixed(result.frontendCPU / Double(count) * 1_000, digits: 2),
                            Format.seconds(
                                result.idleEstimate(cores: ProcessInfo.processInfo.activeProcessorCount)),
                            Format.gigabytes(kilobytes: result.peakFrontend),
                            Format.gigabytes(kilobytes: result.peakFrontendsTogether),
                        ]
                    }
                    print(row.joined(separator: "  "))
                    fflush(nil)  // progress as it happens, also when the output goes to a file
                    table.append(row)
                }
            }
        }
        print()
        print(table.text)
        if let output {
            try (Machine.describe() + "\n\n" + table.text + "\n").write(
                toFile: output, atomically: true, encoding: .utf8)
        }
        if scratch == nil { try? FileManager.default.removeItem(at: package.root) }
    }
}

/// One timed build of the data module.
struct DataBuildResult {
    /// `swift build` from start to exit, package planning included.
    var wall: Double
    /// From the first compile job's start to the last one's end.
    var compileSpan: Double
    /// User plus system time of all compile jobs.
    var frontendCPU: Double
    /// User plus system time of the longest compile job.
    var longestJobCPU = 0.0
    /// The largest peak resident set of one `swift-frontend` (exact, from GNU time), in kB.
    var peakFrontend: Int
    /// The largest sum of resident sets of frontends alive at once (sampled), in kB.
    var peakFrontendsTogether: Int
    /// Compile jobs (`swift-frontend -frontend …`) that ran.
    var jobs: Int
    /// Why the build did not finish, if it did not.
    var failure: String?

    /// The compile span on an otherwise idle machine: the jobs' CPU time spread over the
    /// cores, but never less than the longest job. On a shared machine the wall figures
    /// include waiting for the CPU; this one does not.
    func idleEstimate(cores: Int) -> Double { max(longestJobCPU, frontendCPU / Double(max(cores, 1))) }
}

/// The scratch package: `Registry` copied from the project, and the generated data module.
struct ScratchPackage {
    let root: URL
    let swift: String
    let frontend: String
    var data: URL { root.appending(path: "Sources/SyntheticData") }
    var wrapper: URL { root.appending(path: "swift-frontend-timed.sh") }
    var logs: URL { root.appending(path: "frontend-logs") }

    init(projectRoot: String, path: String?) throws {
        let fileManager = FileManager.default
        let registry = URL(filePath: projectRoot).appending(path: "Sources/Registry")
        guard fileManager.fileExists(atPath: registry.path) else {
            throw ValidationError("no Sources/Registry under \(projectRoot): pass --project-root")
        }
        guard fileManager.isExecutableFile(atPath: "/usr/bin/time") else {
            throw ValidationError("GNU time is needed at /usr/bin/time (apt-get install time)")
        }
        root =
            path.map { URL(filePath: $0) }
            ?? fileManager.temporaryDirectory.appending(path: "samverkan-data-compile-\(getpid())")
        swift = try Self.findSwift()
        // `swift` is a link to the driver, which dispatches on its own name: run it by that
        // name, but look for the frontend beside the file it links to.
        frontend =
            URL(filePath: swift).resolvingSymlinksInPath().deletingLastPathComponent()
            .appending(path: "swift-frontend").path
        guard fileManager.isExecutableFile(atPath: frontend) else {
            throw ValidationError("no swift-frontend next to \(swift)")
        }

        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        let copy = root.appending(path: "Sources/Registry")
        try? fileManager.removeItem(at: copy)
        try fileManager.createDirectory(
            at: root.appending(path: "Sources"), withIntermediateDirectories: true)
        try fileManager.copyItem(at: registry, to: copy)
        try Self.manifest.write(to: root.appending(path: "Package.swift"), atomically: true, encoding: .utf8)
        try """
        #!/bin/bash
        # Runs the real swift-frontend under GNU time: one log per compiler process, with its
        # module and kind of job, and its exact peak resident set (%M, kB), wall, user and
        # system seconds and exit status.
        scan=("$@")
        if [[ $1 == @* ]]; then mapfile -t scan < "${1#@}"; fi
        module=-
        kind=other
        previous=
        for argument in "${scan[@]}"; do
            case "$previous" in -module-name) module=$argument ;; esac
            case "$argument" in
                -c) kind=compile ;;
                -emit-module) [[ $kind == other ]] && kind=emit-module ;;
            esac
            previous=$argument
        done
        log="$SAMVERKAN_BENCH_FRONTEND_LOGS/$$"
        printf '%s %s %s\\n' "$EPOCHREALTIME" "$module" "$kind" > "$log.start"
        exec /usr/bin/time -f '%M %e %U %S %x' -o "$log.time" '\(frontend)' "$@"

        """.write(to: wrapper, atomically: true, encoding: .utf8)
        try fileManager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
    }

    /// The same strict settings as the project's own targets, `Data/` included.
    static let manifest = """
        // swift-tools-version:6.2
        // Written by `samverkan-bench data-compile`: a copy of Registry and generated data.
        import PackageDescription

        let strict: [SwiftSetting] = [
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("MemberImportVisibility"),
            .enableUpcomingFeature("InternalImportsByDefault"),
            .treatAllWarnings(as: .error),
        ]

        let package = Package(
            name: "data-compile-benchmark",
            platforms: [.macOS(.v15)],
            targets: [
                .target(name: "Registry", swiftSettings: strict),
                .target(name: "SyntheticData", dependencies: ["Registry"], swiftSettings: strict),
            ]
        )

        """

    static func findSwift() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(filePath: String(directory)).appending(path: "swift")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate.path
            }
        }
        throw ValidationError("swift is not on PATH")
    }

    func buildRegistry() throws {
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try "public enum Placeholder {}\n".write(
            to: data.appending(path: "Placeholder.swift"), atomically: true, encoding: .utf8)
        let status = try runSwiftBuild(target: "Registry", log: root.appending(path: "build-registry.log"))
        guard status == 0 else {
            throw ValidationError("building Registry failed: see \(root.path)/build-registry.log")
        }
    }

    func timeDataBuild(files: [String: String], sampleInterval: Int, timeout: Double) throws
        -> DataBuildResult
    {
        try writeDataFolder(files)
        let log = root.appending(path: "build-data.log")
        let process = try swiftBuild(target: "SyntheticData", log: log, timed: true)
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        var sampler = ProcessTreeSampler(root: process.processIdentifier)
        var timedOut = false
        while process.isRunning {
            sampler.sample()
            if (clock.now - start) > .seconds(timeout) {
                // SwiftPM does not always stop the compiler it started: stop the whole tree.
                process.terminate()
                for pid in sampler.descendants { kill(pid, SIGTERM) }
                timedOut = true
                break
            }
            usleep(UInt32(sampleInterval * 1_000))
        }
        process.waitUntilExit()
        var result = DataBuildResult(
            wall: (clock.now - start).seconds, compileSpan: 0, frontendCPU: 0, peakFrontend: 0,
            peakFrontendsTogether: sampler.peakFrontendsKilobytes, jobs: 0)
        let failedJobs = try readJobLogs(into: &result)
        if timedOut {
            result.failure = "timed out after \(Int(timeout)) s"
        } else if process.terminationStatus != 0 {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            let killed = text.contains("signal") || text.contains("Killed") || failedJobs > 0
            result.failure = killed ? "failed (compiler killed?)" : "failed: see \(log.path)"
            print(text.split(whereSeparator: \.isNewline).suffix(20).joined(separator: "\n"))
        } else if result.jobs == 0 {
            result.failure = "no compile jobs seen: is SWIFT_DRIVER_SWIFT_FRONTEND_EXEC honoured?"
        }
        return result
    }

    /// Writes `files` as the data module, in a folder of a new name: that changes the
    /// module's list of files, so SwiftPM plans it afresh instead of reusing a plan whose
    /// files were deleted.
    private func writeDataFolder(_ files: [String: String]) throws {
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: data)
        let folder = data.appending(path: "run-\(UInt64(Date().timeIntervalSince1970 * 1_000))")
        try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appending(path: name), atomically: false, encoding: .utf8)
        }
        try removeDataBuildProducts()
        try? fileManager.removeItem(at: logs)
        try fileManager.createDirectory(at: logs, withIntermediateDirectories: true)
    }

    /// Adds each compile job of the data module (from its `.start` and GNU time's `.time`
    /// log) to `result`; returns how many jobs failed.
    private func readJobLogs(into result: inout DataBuildResult) throws -> Int {
        var first = Double.infinity
        var last = 0.0
        var failedJobs = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: logs.path)
        where name.hasSuffix(".start") {
            let id = name.dropLast(".start".count)
            let startFields = try String(contentsOf: logs.appending(path: name), encoding: .utf8)
                .split(whereSeparator: { $0 == " " || $0.isNewline })
            // Only the data module's compile jobs: SwiftPM also asks the frontend for its
            // target info and may recompile the manifest.
            guard startFields.count == 3, startFields[1] == "SyntheticData",
                startFields[2] == "compile" || startFields[2] == "emit-module"
            else { continue }
            // GNU time prints "Command exited with non-zero status N" first when it fails.
            let timeText = try? String(contentsOf: logs.appending(path: "\(id).time"), encoding: .utf8)
            let fields = timeText?.split(whereSeparator: \.isNewline).last?.split(separator: " ") ?? []
            guard let begun = Double(startFields[0]), fields.count == 5, let rss = Int(fields[0]),
                let elapsed = Double(fields[1]), let user = Double(fields[2]), let system = Double(fields[3])
            else {
                failedJobs += 1
                continue
            }
            if fields[4] != "0" { failedJobs += 1 }
            result.jobs += 1
            result.peakFrontend = max(result.peakFrontend, rss)
            result.frontendCPU += user + system
            result.longestJobCPU = max(result.longestJobCPU, user + system)
            first = min(first, begun)
            last = max(last, begun + elapsed)
        }
        result.compileSpan = result.jobs > 0 ? last - first : 0
        return failedJobs
    }

    /// Deletes what an earlier build made of the data module, so the next build is clean.
    func removeDataBuildProducts() throws {
        let fileManager = FileManager.default
        let build = root.appending(path: ".build")
        guard let enumerator = fileManager.enumerator(at: build, includingPropertiesForKeys: nil) else {
            return
        }
        var doomed: [URL] = []
        for case let url as URL in enumerator where url.lastPathComponent.hasPrefix("SyntheticData") {
            doomed.append(url)
            enumerator.skipDescendants()
        }
        for url in doomed { try fileManager.removeItem(at: url) }
    }

    func runSwiftBuild(target: String, log: URL) throws -> Int32 {
        let process = try swiftBuild(target: target, log: log, timed: false)
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func swiftBuild(target: String, log: URL, timed: Bool) throws -> Process {
        let process = Process()
        process.executableURL = URL(filePath: swift)
        process.arguments = ["build", "--package-path", root.path, "--target", target]
        var environment = ProcessInfo.processInfo.environment
        if timed {
            environment["SWIFT_DRIVER_SWIFT_FRONTEND_EXEC"] = wrapper.path
            environment["SAMVERKAN_BENCH_FRONTEND_LOGS"] = logs.path
        }
        process.environment = environment
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        return process
    }
}

/// What the figures were measured on.
enum Machine {
    static func describe() -> String {
        let memory = totalMemoryKilobytes().map { Format.gigabytes(kilobytes: $0) } ?? "?"
        let load =
            (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
            .split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        return """
            Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(memory) memory, \
            load average at start \(load)
            Toolchain: \(swiftVersion())
            """
    }

    /// `MemTotal` from `/proc/meminfo`, in kB.
    static func totalMemoryKilobytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return nil }
        let line: Substring? = text.split(whereSeparator: \.isNewline).first { $0.hasPrefix("MemTotal:") }
        let number: Substring? = line?.split(separator: " ").dropFirst().first
        return number.flatMap { Int($0) }
    }

    static func swiftVersion() -> String {
        let process = Process()
        let pipe = Pipe()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = ["swift", "--version"]
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "?" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)
            ?? "?"
    }
}

extension Duration {
    fileprivate var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
