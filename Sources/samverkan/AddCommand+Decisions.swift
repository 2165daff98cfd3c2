import ArgumentParser
import Foundation
import MinutesImport
import Registry
import RegistryData

struct AddDecision: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decision", abstract: "Add a decision.")
    @OptionGroup var options: AddOptions
    @Option(help: "Default: MEETING-ITEM.") var id: String?
    @Option var meeting: String?
    @Option var item: Int?
    @Option var title: String?
    @Option(help: "As minuted: \"Att …\".") var text: String?
    @Option var deadline: String?
    @Flag(name: .customLong("every-municipality"), help: "Each municipality must act.")
    var everyMunicipality = false
    @Option var source: String?

    func run() throws {
        try runReporting { () throws(CommandFailure) in
            let meeting = try options.known("meeting", meeting, type: "Meeting") {
                options.registry[Meeting.ID($0)] != nil
            }
            guard let item else { throw CommandFailure.usage("--item saknas") }
            let record = Decision(
                Decision.ID(id ?? "\(meeting)-\(item)"), at: Meeting.ID(meeting), item: item,
                title: try options.required("title", title), text: try options.required("text", text),
                deadline: try options.optionalDay("deadline", deadline),
                actors: everyMunicipality ? [.everyMunicipality] : [],
                source: try options.source(source, item: String(item)), filePath: "utkast", line: 1)
            try options.write([Draft(.decision(record), line: nil)])
        }
    }
}

struct AddRequest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: "Add what a decision asks municipalities or bodies to do, by when.")
    @OptionGroup var options: AddOptions
    @Option(help: "Default: DECISION-svar.") var id: String?
    @Option var decision: String?
    @Option(
        help:
            "Comma-separated municipalities or bodies (\"Bjuv,Klippan\"), or \"alla\" for every municipality."
    )
    var asked: String?
    @Flag(
        help:
            "An offer the asked may take up by the day, never overdue (\"varje kommun tar själv ställning\")."
    )
    var offer = false
    @Option var what: String?
    @Option var by: String?
    @Option var source: String?
    @Option var item: String?

    func run() throws {
        try runReporting { () throws(CommandFailure) in
            let decision = try options.known("decision", decision, type: "Decision") {
                options.registry[Decision.ID($0)] != nil
            }
            let askedText = try options.required("asked", asked)
            let id = ActionRequest.ID(id ?? "\(decision)-svar")
            let what = try options.required("what", what)
            let by = try options.day("by", by)
            let source = try options.source(source, item: item)
            let kind: ActionRequest.Kind = offer ? .offer : .request
            let record: ActionRequest
            if ["alla", "varje kommun", "every-municipality"].contains(Text.fold(askedText)) {
                record = ActionRequest(
                    id, of: Decision.ID(decision), asked: .everyMunicipality, what: what, by: by, kind: kind,
                    source: source, filePath: "utkast", line: 1)
            } else {
                var parties: [ActionRequest.Party] = []
                for name in askedText.split(separator: ",") {
                    parties.append(try options.party(String(name).trimmingCharacters(in: .whitespaces)))
                }
                record = ActionRequest(
                    id, of: Decision.ID(decision), asked: parties, what: what, by: by, kind: kind,
                    source: source,
                    filePath: "utkast", line: 1)
            }
            try options.write([Draft(.request(record), line: nil)])
        }
    }
}

struct AddAnswer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer", abstract: "Add an answer to a request.")
    @OptionGroup var options: AddOptions
    @Option var request: String?
    @Option(help: "The municipality or body that answered.") var party: String?
    @Option(help: "gave:WHAT, declined, or more-time:YYYY-MM-DD") var answer: String?
    @Option var on: String?
    @Option(name: .customLong("on-inferred"), help: "Why the day is a guess; then it is never late.")
    var onInferred: String?
    @Option var source: String?
    @Option var item: String?

    func run() throws {
        try runReporting { () throws(CommandFailure) in
            let request = try options.known("request", request, type: "ActionRequest") {
                options.registry[ActionRequest.ID($0)] != nil
            }
            let record = ActionResponse(
                try options.party(try options.required("party", party)), to: ActionRequest.ID(request),
                answer: try parsedAnswer(), on: try options.day("on", on),
                source: try options.source(source, item: item),
                inferred: AddOptions.inferred("on", onInferred), filePath: "utkast", line: 1)
            try options.write([Draft(.response(record), line: nil)])
        }
    }

    func parsedAnswer() throws(CommandFailure) -> ActionResponse.Answer {
        let text = try options.required("answer", answer)
        if text == "declined" { return .declined }
        if text.hasPrefix("gave:") { return .gave(String(text.dropFirst(5))) }
        if text.hasPrefix("more-time:"), let day = Day(iso: text.dropFirst(10)), day.isValid {
            return .askedForMoreTime(until: day)
        }
        throw CommandFailure.usage(
            "--answer: gave:VAD, declined eller more-time:ÅÅÅÅ-MM-DD, inte \"\(text)\"")
    }
}

struct AddBodyStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "body-status", abstract: "Record that a body is proposed, starts or closes on a day.")
    @OptionGroup var options: AddOptions
    @Option var body: String?
    @Option(help: "proposed, active or closed") var stage: String?
    @Option var on: String?

    func run() throws {
        try runReporting { () throws(CommandFailure) in
            let id = try options.body(body)
            guard let old = options.registry[id] else {
                throw CommandFailure(message: "--body: okänt organ", exitCode: 1)
            }
            guard let stage = Lifecycle.Stage(rawValue: try options.required("stage", stage)) else {
                throw CommandFailure.usage("--stage: proposed, active eller closed")
            }
            let start = Lifecycle.Start.on(try options.day("on", on))
            let was = old.lifecycle
            let lifecycle = Lifecycle(
                proposed: stage == .proposed ? start : was.proposed,
                active: stage == .active ? start : was.active,
                closed: stage == .closed ? start : was.closed)
            let record = Body(
                old.id, name: old.name, kind: old.kind, lifecycle: lifecycle, parent: old.parent,
                municipality: old.municipality, purpose: old.purpose, source: old.source,
                inferred: old.inferred,
                filePath: "utkast", line: 1)
            try options.write([Draft(.body(record), change: .replace(old.location), line: nil)])
        }
    }
}
