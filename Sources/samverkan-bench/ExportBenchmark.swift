import ArgumentParser
import CalendarFeeds
import ExportFiles
import Foundation
import ICalendar
import Registry
import SyntheticRegistry

/// Export of a large feed: Samverkan against python `icalendar` (what a user would
/// otherwise reach for) and against a minimal C loop over libical (the floor).
///
/// Method: one synthetic registry of N events is derived into calendar events; their
/// fields are written to a TSV (untimed) that the two peers read. Each contender runs as
/// its own process under GNU time, which gives wall time and peak resident memory; each
/// writes one feed with the same properties to a file. Samverkan's process includes
/// building the synthetic registry and deriving its events, the peers' include reading
/// the TSV: each starts from its natural input.
struct ExportBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write one N-event feed with Samverkan, python icalendar and a bare libical loop."
    )

    @Option(help: "Events in the feed.")
    var events = 100_000

    @Option(help: "Runs per contender; the table shows the median and the range.")
    var runs = 3

    @Option(help: "Seed of the synthetic registry.")
    var seed: UInt64 = 42

    @Option(help: "The project root (for Benchmarks/).")
    var projectRoot = FileManager.default.currentDirectoryPath

    @Flag(help: "Skip python icalendar (it takes about 20× longer).")
    var skipPython = false

    typealias Contender = (name: String, command: (String) -> [String])

    func run() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "samverkan-export-bench-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let tsv = work.appendingPathComponent("events.tsv")
        let count = try writeEventTable(to: tsv)
        let contenders = try self.contenders(work: work, table: tsv)
        var results: [String: [Measured]] = [:]
        for run in 1...runs {
            for contender in contenders {
                let output = work.appendingPathComponent("out.ics").path
                let measured = try Measured.run(contender.command(output))
                results[contender.name, default: []].append(measured)
                FileHandle.standardError.write(
                    Data(
                        ("run \(run) \(contender.name): \(measured.seconds) s, \(measured.peakKilobytes) KB peak, "
                            + "\(measured.peakKilobytes - measured.inputKilobytes) KB beyond input\n").utf8))
                try? FileManager.default.removeItem(atPath: output)
            }
        }
        print("Export of one feed with \(count) events (seed \(seed)), \(runs) runs each:\n")
        print(table(contenders, results).text)
    }

    /// The peers' input: every event's fields with the SEQUENCE the ledger gives it.
    private func writeEventTable(to tsv: URL) throws -> Int {
        let registry = SyntheticRegistry.make(events: events, seed: seed)
        var ledger = EventLedger()
        let calendarEvents = registry.events().map { event in
            let calendarEvent = registry.calendarEvent(event)
            let assignment = ledger.assign(
                LedgerKey(uid: EventUID(event)),
                fingerprint: Fingerprint.of(calendarEvent, kind: event.kind),
                documentRevised: calendarEvent.revised, now: nil, state: nil)
            return (calendarEvent, assignment.sequence)
        }
        try EventTable.write(calendarEvents, to: tsv)
        return calendarEvents.count
    }

    /// Samverkan, the libical floor (compiled here) and, unless skipped, python icalendar.
    private func contenders(work: URL, table tsv: URL) throws -> [Contender] {
        let root = URL(fileURLWithPath: projectRoot)
        let floor = work.appendingPathComponent("libical_floor").path
        let source = root.appendingPathComponent("Benchmarks/libical_floor.c").path
        try Measured.shell("cc -O2 -o '\(floor)' '\(source)' $(pkg-config --cflags --libs libical)")
        let python = root.appendingPathComponent("Benchmarks/export_icalendar.py").path
        let me = CommandLine.arguments[0]
        var contenders: [Contender] = [
            (
                "Samverkan (Swift + libical)",
                { [me, "export-feed", "--events", "\(events)", "--seed", "\(seed)", "--output", $0] }
            ),
            ("libical floor (C loop)", { [floor, tsv.path, $0] }),
        ]
        if !skipPython {
            contenders.append(
                (
                    "python icalendar \(Measured.pythonIcalendarVersion())",
                    { ["python3", python, tsv.path, $0] }
                ))
        }
        return contenders
    }

    private func table(_ contenders: [Contender], _ results: [String: [Measured]]) -> MarkdownTable {
        let floorTime = results[contenders[1].name]!.median.exportSeconds
        var table = MarkdownTable([
            "exporter", "export (median, range)", "vs floor", "process wall", "peak memory",
            "memory beyond input", "output", "beyond input / output",
        ])
        for contender in contenders {
            let all = results[contender.name]!
            let median = all.median
            let fastest = Format.fixed(all.map(\.exportSeconds).min()!, digits: 2)
            let slowest = Format.fixed(all.map(\.exportSeconds).max()!, digits: 2)
            let beyondInput = median.peakKilobytes - median.inputKilobytes
            table.append([
                contender.name,
                Format.seconds(median.exportSeconds) + " (" + fastest + "–" + slowest + ")",
                Format.fixed(median.exportSeconds / floorTime, digits: 2) + "×",
                Format.seconds(median.seconds),
                "\(median.peakKilobytes / 1024) MB",
                "\(beyondInput / 1024) MB",
                "\(median.outputBytes / 1_000_000) MB",
                Format.fixed(Double(beyondInput * 1024) / Double(max(median.outputBytes, 1)), digits: 2)
                    + "×",
            ])
        }
        return table
    }
}

/// The Samverkan side of the export benchmark, run as its own process: build the
/// synthetic registry, derive its events, and stream one feed to a file.
struct ExportFeed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-feed", abstract: "One contender of `export` (internal).", shouldDisplay: false)

    @Option var events = 100_000
    @Option var seed: UInt64 = 42
    @Option var output: String

    func run() throws {
        let registry = SyntheticRegistry.make(events: events, seed: seed)
        let baseline = Measured.residentKilobytes()
        let started = ContinuousClock.now
        // The export's own path: derive the events, then word each and fingerprint it a
        // batch ahead on the other core (`Pipeline`, as `Publication` does) while this one
        // gives it its SEQUENCE and libical bytes, in order.
        var ledger = EventLedger()
        let encoder = try ICalendarEncoder()
        let (opening, closing) = encoder.envelope(
            VCalendarHeader(name: "Familjen Helsingborg", description: "Benchmark"))
        guard let file = fopen(output, "w") else { throw ExitCode.failure }
        func write(_ bytes: [UInt8]) {
            bytes.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, file) }
        }
        write(opening)
        let events = registry.events()
        ledger.reserveCapacity(events.count)
        Pipeline.run(
            events,
            prepare: { event in
                let calendarEvent = registry.calendarEvent(event)
                return (
                    LedgerKey(uid: EventUID(event)), calendarEvent,
                    Fingerprint.of(calendarEvent, kind: event.kind)
                )
            },
            consume: { _, worded in
                for (key, calendarEvent, fingerprint) in worded {
                    let assignment = ledger.assign(
                        key, fingerprint: fingerprint,
                        documentRevised: calendarEvent.revised, now: nil, state: nil)
                    write(encoder.encode(calendarEvent, sequence: assignment.sequence))
                }
            })
        write(closing)
        guard fclose(file) == 0 else { throw ExitCode.failure }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        FileHandle.standardError.write(Data("EXPORT \(seconds) \(baseline)\n".utf8))
    }
}

/// The fields of each event, one line each, for the benchmark's peers (see libical_floor.c).
enum EventTable {
    static func write(_ events: [(VEvent, sequence: Int)], to url: URL) throws {
        var text = ""
        for (event, sequence) in events {
            let start: String
            let end: String
            switch event.timing {
            case .timed(let day, let from, let to):
                start = stamp(day) + "T" + clock(from)
                end = stamp(day) + "T" + clock(to)
            case .allDay(let day):
                start = stamp(day)
                end = stamp(day.adding(days: 1))
            }
            let fields = [
                event.uid, start, end, event.summary, event.description, event.location ?? "",
                event.status.rawValue, "\(sequence)", stamp(event.revised.day), event.category,
                "\(event.alarm?.minutesBefore ?? 0)", event.alarm?.description ?? "",
            ]
            text += fields.map(escape).joined(separator: "\t") + "\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    private static func escape(_ field: String) -> String {
        field.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    private static func stamp(_ day: Day) -> String {
        day.description.replacingOccurrences(of: "-", with: "")
    }

    private static func clock(_ time: LocalTime) -> String {
        time.description.replacingOccurrences(of: ":", with: "") + "00"
    }
}

/// One process run under GNU time: wall seconds and peak resident set of the whole
/// process, and the export phase it reports itself (`EXPORT <seconds> <resident KB before>`
/// on stderr: the time and memory after its input was loaded).
struct Measured {
    let seconds: Double
    let peakKilobytes: Int
    let exportSeconds: Double
    let inputKilobytes: Int
    let outputBytes: Int

    static func run(_ command: [String]) throws -> Measured {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent(
            "time-\(UUID().uuidString)"
        ).path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "%e %M", "-o", report] + command
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError(
                "\(command.joined(separator: " ")) failed (\(process.terminationStatus)): \(stderr)")
        }
        let fields = try String(contentsOfFile: report, encoding: .utf8).split(whereSeparator: \.isWhitespace)
        try? FileManager.default.removeItem(atPath: report)
        guard let line = stderr.split(separator: "\n").last(where: { $0.hasPrefix("EXPORT ") }) else {
            throw ValidationError("\(command[0]) reported no EXPORT line: \(stderr)")
        }
        let reported = line.split(separator: " ")
        let size = (try? FileManager.default.attributesOfItem(atPath: command.last!)[.size] as? Int) ?? 0
        return Measured(
            seconds: Double(fields[0]) ?? 0, peakKilobytes: Int(fields[1]) ?? 0,
            exportSeconds: Double(reported[1]) ?? 0, inputKilobytes: Int(reported[2]) ?? 0, outputBytes: size)
    }

    /// This process's resident set now, from /proc.
    static func residentKilobytes() -> Int {
        let statm = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? "0 0"
        return (Int(statm.split(separator: " ")[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }

    static func shell(_ line: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", line]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("failed: \(line)") }
    }

    static func pythonIcalendarVersion() -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import icalendar; print(icalendar.__version__)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        process.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension [Measured] {
    /// The run with the median export time.
    var median: Measured { sorted { $0.exportSeconds < $1.exportSeconds }[count / 2] }
}
