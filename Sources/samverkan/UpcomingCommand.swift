import ArgumentParser
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
        help: "Only this kind: meetings, deadlines or start-dates (repeat or comma-separate for several).")
    var kind: [String] = []

    @Option(name: .long, help: "Take this day (YYYY-MM-DD) as today; default today in Europe/Stockholm.")
    var from: String?

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    /// The plural words the option takes, and the kinds they mean.
    static let kindWords: [(word: String, kind: UpcomingEvent.Kind)] = [
        ("meetings", .meeting), ("deadlines", .deadline), ("start-dates", .startDate),
    ]

    func run() throws {
        try CommandSupport.output {
            let registry = CommandSupport.registry
            let start = try CommandSupport.day(from, option: "--from")
            guard days >= 0 else { throw CommandFailure.usage("--days must be 0 or more, not \(days)") }
            let kinds = try UpcomingCommand.kinds(kind)
            let chosen = try municipality.map { try registry.municipality(named: $0).id }
            let result = registry.upcoming(from: start, days: days, municipality: chosen, kinds: kinds)
            return json ? JSONOutput.string(result) : result.text
        }
    }

    static func kinds(_ values: [String]) throws(CommandFailure) -> [UpcomingEvent.Kind] {
        let words = values.flatMap { $0.split(separator: ",") }.map { Text.fold($0.filter { $0 != " " }) }
        guard !words.isEmpty else { return UpcomingEvent.Kind.allCases }
        var kinds: [UpcomingEvent.Kind] = []
        for word in words {
            let match = kindWords.first { $0.word == word || $0.kind.rawValue == word }
            guard let match else {
                let known = kindWords.map(\.word).joined(separator: ", ")
                throw .usage("unknown kind '\(word)' for --kind; expected one of \(known)")
            }
            kinds.append(match.kind)
        }
        return kinds
    }
}
