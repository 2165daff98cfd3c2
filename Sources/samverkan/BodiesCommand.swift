import ArgumentParser
import ExportFiles
import Registry

/// `samverkan bodies [--on DATE] [--json]`
struct BodiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bodies",
        abstract: "Networks, groups and organisations, with their status on a day."
    )

    @OptionGroup var asOf: AsOfOptions

    func run() throws {
        try CommandSupport.output {
            let day = try asOf.day()
            let result = CommandSupport.registry.bodyList(on: day)
            return asOf.json ? JSONOutput.string(result) : result.text
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

    @OptionGroup var asOf: AsOfOptions

    func run() throws {
        try CommandSupport.output {
            let registry = CommandSupport.registry
            let day = try asOf.day()
            let body = try registry.body(named: id)
            let result = registry.bodyDetail(body.id, on: day)
            return asOf.json ? JSONOutput.string(result) : result.text
        }
    }
}
