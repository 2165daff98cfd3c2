import ArgumentParser
import ExportFiles
import Registry

/// `samverkan upcoming [--days N] [--municipality M] [--kind K] [--from DATE] [--json]`
struct UpcomingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upcoming",
        abstract: "What happens next: meetings, deadlines and start dates, in date order.",
        discussion: "Covers today and the next N days; times are in Europe/Stockholm."
    )

    @Option(name: .long, help: "How many days after today to cover.")
    var days = 30

    @Option(name: .long, help: "Only events that concern this municipality.")
    var municipality: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only this kind: meetings, deadlines or start-dates (repeat or comma-separate for several).",
            valueName: "kind"))
    var kind: [KindList] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Take this day as today; default today in Europe/Stockholm.", valueName: "YYYY-MM-DD"))
    var from: Day?

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        guard days >= 0 else { throw ValidationError("--days must be 0 or more, not \(days)") }
    }

    func run() throws {
        try CommandSupport.output {
            let registry = CommandSupport.registry
            let start = try from ?? CommandSupport.today()
            let kinds = kind.isEmpty ? Set(Event.Kind.allCases) : Set(kind.flatMap(\.kinds))
            let chosen = try municipality.map { try registry.municipality(named: $0).id }
            let result = registry.upcoming(from: start, days: days, municipality: chosen, kinds: kinds)
            return json ? JSONOutput.string(result) : result.text
        }
    }
}
