import ArgumentParser

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
            ServeCommand.self,
        ]
    )
}
