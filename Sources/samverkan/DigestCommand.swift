import ArgumentParser
import CalendarFeeds
import Digest
import ExportFiles
import Foundation
import Registry
import RegistryData

/// `samverkan digest`: the weekly e-mail, one per person, from the registry, the change
/// log in `Exports/` and a recipients file kept outside the repository.
struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Write or send each person's weekly digest by e-mail.",
        discussion: """
            For the week and the one after: the person's meetings and deadlines, what their \
            municipality has overdue, and the changes to their events since their last digest. \
            Someone with nothing to be told gets no mail. With --send, STATE/sent.tsv records \
            what was delivered: the same week is never sent twice (unless --resend), and a \
            failed delivery is tried again on the next run.
            """)

    @Option(help: ArgumentHelp("The week, ISO 8601.", valueName: "YYYY-Www"))
    var week: String

    @Option(help: ArgumentHelp("A person's ID (repeatable).", valueName: "SLUG"))
    var person: [String] = []

    @Flag(help: "Everyone with a personal calendar; those without an address are listed, not mailed.")
    var all = false

    @Option(help: ArgumentHelp("Lines of 'SLUG ADDRESS', kept outside the repository.", valueName: "FILE"))
    var recipients: String

    @Option(help: ArgumentHelp("Write each message to this folder as WEEK-SLUG.eml.", valueName: "DIR"))
    var out: String?

    @Flag(help: "Deliver each message through the sendmail command.")
    var send = false

    @Option(help: ArgumentHelp("The sendmail-compatible command.", valueName: "COMMAND"))
    var sendmail = Sendmail.defaultCommand

    @Option(help: ArgumentHelp("Where what was sent is recorded (required with --send).", valueName: "DIR"))
    var state: String?

    @Flag(help: "Send again to those who have had this week's digest.")
    var resend = false

    @Option(
        help: ArgumentHelp(
            "The sender and unsubscribe address (default: Data/Configuration.swift).", valueName: "ADDRESS"))
    var from: String?

    @Option(help: "The export folder whose change log is read.")
    var exports: String = "Exports"

    @Option(help: .hidden)
    var now: String?

    func run() throws {
        do {
            try digest()
        } catch let failure as CommandFailure {
            printError("samverkan digest: \(failure.message)")
            throw ExitCode(failure.exitCode)
        }
    }

    private func digest() throws {
        let registry = Registry.familjenHelsingborg
        guard let week = Week(self.week) else {
            throw CommandFailure.usage("--week: expected YYYY-Www, e.g. 2026-W21")
        }
        guard send || out != nil else { throw CommandFailure.usage("give --out DIR, --send, or both") }
        guard !send || state != nil else { throw CommandFailure.usage("--send needs --state DIR") }
        guard let from = from ?? registry.secretariatEmail else {
            throw CommandFailure.usage("no sender: give --from ADDRESS or set it in Data/Configuration.swift")
        }
        let people = try selectedPeople(registry)
        let file: RecipientsFile
        do {
            let text = try String(contentsOfFile: recipients, encoding: .utf8)
            file = try RecipientsFile(text, path: recipients, registry: registry)
        } catch let problems as RecipientsFile.Problems {
            throw CommandFailure(message: "nothing sent:\n\(problems)", exitCode: 65)
        } catch {
            throw CommandFailure(
                message: "\(recipients): cannot read: \(error.localizedDescription)", exitCode: 66)
        }
        let changes: [ChangeEntry]
        do {
            changes = try ExportDirectory(URL(fileURLWithPath: exports)).previousLedger().changes.newestFirst
        } catch {
            throw CommandFailure(message: "\(exports)/\(error)", exitCode: 1)
        }
        var run = DigestRun(
            registry: registry, week: week, recipients: file, changes: changes, from: from, now: try clock())
        if let out {
            run.out = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: run.out!, withIntermediateDirectories: true)
        }
        if send { run.sendmail = Sendmail(command: sendmail) }
        if let state {
            do { run.state = try DigestState(directory: URL(fileURLWithPath: state)) } catch {
                throw CommandFailure(message: error.description, exitCode: 1)
            }
        }
        run.resend = resend
        try report(run.run(for: people), week: week)
    }

    /// `--person` (each with a personal calendar) or, with `--all`, everyone who has one.
    private func selectedPeople(_ registry: Registry) throws(CommandFailure) -> [Person.ID] {
        guard all != !person.isEmpty else {
            throw CommandFailure.usage("give --person SLUG (one or more) or --all")
        }
        if all { return registry.personalFeedHolders.map(\.id) }
        return try person.map { slug throws(CommandFailure) in
            let id = Person.ID(slug)
            guard registry.hasPersonalSchedule(id) else {
                throw CommandFailure.usage("--person \(slug): nobody with a personal calendar has that ID")
            }
            return id
        }
    }

    /// The moment of sending: the clock, or `--now` (for tests).
    private func clock() throws(CommandFailure) -> Instant {
        guard let now else { return Instant(secondsSinceEpoch: Int(Date().timeIntervalSince1970)) }
        guard let instant = Instant(iso: now) else {
            throw CommandFailure.usage("--now: expected 2026-05-18T06:00:00Z")
        }
        return instant
    }

    private func report(_ report: DigestRun.Report, week: Week) throws {
        for path in report.written { printOut("wrote \(path)") }
        for person in report.sent { printOut("sent \(week) to \(person.rawValue)") }
        for person in report.alreadySent { printOut("already sent \(week) to \(person.rawValue)") }
        for person in report.nothingToSay { printOut("nothing for \(person.rawValue) in \(week): no mail") }
        if !report.noAddress.isEmpty {
            printOut("no address (not mailed): " + report.noAddress.map(\.rawValue).joined(separator: ", "))
        }
        for (person, reason) in report.failed {
            printError(
                "samverkan digest: not delivered to \(person.rawValue), tried again next run: \(reason)")
        }
        printOut(
            "\(week): \(report.sent.count) sent, \(report.written.count) written, \(report.alreadySent.count) already sent, "
                + "\(report.nothingToSay.count) with nothing, \(report.failed.count) failed")
        if !report.failed.isEmpty { throw ExitCode(75) }
    }
}
