import ArgumentParser
import Foundation

/// The `samverkan` command: a thin layer that parses arguments and calls the modules.
@main
struct Samverkan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samverkan",
        abstract: "The registry and calendar feeds of Familjen Helsingborg.",
        subcommands: [
            ExportCommand.self, ValidateCommand.self,
            WhoCommand.self, RepresentsCommand.self, BodiesCommand.self, BodyCommand.self,
            UpcomingCommand.self, AttendanceCommand.self, ActionsCommand.self, DecisionCommand.self,
            ChangesCommand.self, ServeCommand.self, DigestCommand.self, MinutesCommand.self, AddCommand.self,
        ]
    )

    /// Runs the command; a usage error is one line on stderr (`samverkan: …`) and exit 64,
    /// so scripts and people see what was wrong without a page of usage text.
    static func main() async {
        let status = await execute(nil)
        if status != 0 { Foundation.exit(status) }
    }

    /// Parses `arguments` (the process's own when nil), runs the command and returns the
    /// exit status, printing through `Console`: tests run command lines in-process this way.
    static func execute(_ arguments: [String]?) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                printOut(fullMessage(for: error))
            } else {
                let text = message(for: error)
                if !text.isEmpty { printError("samverkan: \(text)") }
            }
            return code.rawValue
        }
    }
}
