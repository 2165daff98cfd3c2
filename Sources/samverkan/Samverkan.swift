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
            ChangesCommand.self, ServeCommand.self,
        ]
    )

    /// Runs the command; a usage error is one line on stderr (`samverkan: …`) and exit 64,
    /// so scripts and people see what was wrong without a page of usage text.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
            } else {
                let text = message(for: error)
                if !text.isEmpty { printError("samverkan: \(text)") }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
