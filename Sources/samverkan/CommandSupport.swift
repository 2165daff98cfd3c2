import ArgumentParser
import Foundation
import Registry
import RegistryData
import Synchronization

/// A failure a person can read: one line on stderr, nothing on stdout, a non-zero exit.
struct CommandFailure: Error {
    let message: String
    /// 1 for a name that finds nothing or too much, 64 (EX_USAGE) for a malformed argument.
    let exitCode: Int32

    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: 64) }
}

/// What every query command shares: the registry, today's date, dates from options,
/// and the one place that writes to stdout and stderr.
enum CommandSupport {
    /// The registry the commands answer from.
    static var registry: Registry { .familjenHelsingborg }

    /// Today in Europe/Stockholm, the collaboration's time zone, whatever the machine's.
    ///
    /// - Throws: `CommandFailure` when the tz database is missing.
    static func today() throws(CommandFailure) -> Day {
        do { return try ZoneInfo.collaborationZone().today() } catch {
            throw CommandFailure(message: error.description, exitCode: 1)
        }
    }

    /// Runs a query and prints its text. On failure prints one line to stderr and nothing
    /// to stdout, and exits non-zero.
    static func output(_ query: () throws -> String) throws {
        let text: String
        do {
            text = try query()
        } catch let error as QueryError {
            throw fail(error.description, exitCode: 1)
        } catch let error as CommandFailure {
            throw fail(error.message, exitCode: error.exitCode)
        }
        Console.write(text)
    }

    private static func fail(_ message: String, exitCode: Int32) -> ExitCode {
        printError("samverkan: \(message)")
        return ExitCode(exitCode)
    }
}

/// `--on DATE` and `--json`, shared by the commands that answer "as of" a day.
struct AsOfOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Answer for this day; default today in Europe/Stockholm.", valueName: "YYYY-MM-DD")
    )
    var on: Day?

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    /// The day `--on` names, or today in Europe/Stockholm.
    func day() throws(CommandFailure) -> Day {
        if let on { return on }
        return try CommandSupport.today()
    }
}

/// Prints a line to standard output.
func printOut(_ line: String) {
    Console.write(line + "\n")
}

/// Prints to standard error, so standard output stays clean for scripts.
func printError(_ message: String) {
    Console.writeError(message + "\n")
}

/// Where the commands' text goes: standard output and error, or, while `capture` is set,
/// a buffer, so tests run a command line in-process and read what it printed.
enum Console {
    /// What one command line printed on each stream.
    final class Capture: Sendable {
        let out = Mutex("")
        let err = Mutex("")
    }

    @TaskLocal static var capture: Capture?

    /// Lines a test types, one per question, instead of the terminal's.
    final class Input: Sendable {
        let lines: Mutex<[String]>

        init(_ lines: [String]) { self.lines = Mutex(lines) }

        func next() -> String? {
            lines.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        }
    }

    @TaskLocal static var input: Input?

    /// Whether a person answers questions: a terminal on both ends, or a test's `input`.
    static var isInteractive: Bool {
        input != nil || (capture == nil && isatty(0) != 0 && isatty(1) != 0)
    }

    /// The next line typed (without its newline), or nil at the end of input.
    static func readLine() -> String? {
        if let input { return input.next() }
        return Swift.readLine()
    }

    static func write(_ text: String) {
        if let capture {
            capture.out.withLock { $0 += text }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    static func writeError(_ text: String) {
        if let capture {
            capture.err.withLock { $0 += text }
        } else {
            FileHandle.standardError.write(Data(text.utf8))
        }
    }
}
