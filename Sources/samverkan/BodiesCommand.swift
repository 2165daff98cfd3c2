import ArgumentParser
import Registry

/// `samverkan bodies [--on DATE] [--json]`
struct BodiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bodies",
        abstract: "Networks, groups and organisations, with their status on a day."
    )

    @Option(name: .long, help: "Answer for this day (YYYY-MM-DD); default today in Europe/Stockholm.")
    var on: String?

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        try CommandSupport.output {
            let day = try CommandSupport.day(on, option: "--on")
            let result = CommandSupport.registry.bodyList(on: day)
            return json ? JSONOutput.string(result) : result.text
        }
    }
}

/// `samverkan body ID [--on DATE] [--json]`
struct BodyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "body",
        abstract: "One body on a day: its status, members and staff."
    )

    @Argument(help: "The body's ID (see `samverkan bodies`) or name.")
    var id: String

    @Option(name: .long, help: "Answer for this day (YYYY-MM-DD); default today in Europe/Stockholm.")
    var on: String?

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        try CommandSupport.output {
            let registry = CommandSupport.registry
            let day = try CommandSupport.day(on, option: "--on")
            let body = try registry.body(named: id)
            let result = registry.bodyDetail(body.id, on: day)
            return json ? JSONOutput.string(result) : result.text
        }
    }
}
