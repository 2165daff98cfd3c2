import ArgumentParser
import MinutesImport
import Registry
import RegistryData

struct AddMembership: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "membership",
        abstract: "Add a seat in a body; --end-previous ends the previous holder's term the day it starts.")
    @OptionGroup var options: AddOptions
    @Option var person: String?
    @Option var body: String?
    @Option(help: "A role of Data/Roles.swift, by name or title: director, kommundirektör, secretary, …")
    var role: String?
    @Option var municipality: String?
    @Option var from: String?
    @Option var to: String?
    @Flag var acting = false
    @Flag(name: .customLong("end-previous")) var endPrevious = false
    @Option var source: String?
    @Option var item: String?

    func run() throws {
        try runReporting { () throws(CommandFailure) in
            let roleText = try options.required("role", role)
            guard
                let role = Role.known.first(where: {
                    [$0.key, Text.fold($0.title), $0.key.replacing("-", with: "")].contains(
                        Text.fold(roleText))
                })
            else {
                throw CommandFailure.usage(
                    "--role: \"\(roleText)\" finns inte; välj bland "
                        + Role.known.map(\.title).joined(separator: ", ") + " (Data/Roles.swift)")
            }
            let from = try options.optionalDay("from", from)
            let record = Membership(
                try options.person(person), in: try options.body(body), as: role,
                for: try options.municipality("municipality", municipality), from: from,
                to: try options.optionalDay("to", to), acting: acting,
                source: try options.source(source, item: item), filePath: "utkast", line: 1)
            var drafts = [Draft(.membership(record), line: nil)]
            if endPrevious { drafts = try ended(before: record) + drafts }
            try options.write(drafts)
        }
    }

    /// The terms of whoever holds the same seat the day the new one starts, ended that day.
    func ended(before record: Membership) throws(CommandFailure) -> [Draft] {
        guard let from = record.from else { throw CommandFailure.usage("--end-previous behöver --from") }
        return options.registry.memberships.filter {
            $0.body == record.body && $0.role == record.role && $0.municipality == record.municipality
                && $0.isInForce(on: from) && $0.person != record.person
        }.map { holder in
            let ended = Membership(
                holder.person, in: holder.body, as: holder.role, for: holder.municipality, from: holder.from,
                to: from, acting: holder.acting, shared: holder.shared, source: holder.source,
                inferred: holder.inferred, filePath: "utkast", line: 1)
            return Draft(.membership(ended), change: .replace(holder.location), line: nil)
        }
    }
}

struct AddStaff: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "staff", abstract: "Add a start date.")
    @OptionGroup var options: AddOptions
    @Option var person: String?
    @Option var body: String?
    @Option var title: String?
    @Option var starts: String?
    @Option(name: .customLong("starts-inferred"), help: "Why the start date is a guess.") var startsInferred:
        String?
    @Option var source: String?
    @Option var item: String?

    func run() throws {
        try runReporting { () throws(CommandFailure) in
            let record = StaffAppointment(
                try options.person(person), in: try options.body(body),
                title: try options.required("title", title),
                starts: try options.day("starts", starts), source: try options.source(source, item: item),
                inferred: AddOptions.inferred("starts", startsInferred), filePath: "utkast", line: 1)
            try options.write([Draft(.staff(record), line: nil)])
        }
    }
}

struct AddMeeting: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "meeting", abstract: "Add a meeting.")
    @OptionGroup var options: AddOptions
    @Option(help: "Default: kdm-DATE for the directors, else BODY-DATE.") var id: String?
    @Option var body: String?
    @Option var title: String?
    @Option var date: String?
    @Option(help: "HH:MM") var from: String?
    @Option(help: "HH:MM") var to: String?
    @Option var place: String?
    @Option var remote: String?
    @Option var source: String?
    @Option var item: String?

    func run() throws {
        try runReporting { () throws(CommandFailure) in
            let body = try options.body(body)
            let day = try options.day("date", date)
            var time = MeetingTime.day(day)
            if let from, let to, let range = SwedishDates.timeRange(in: "kl \(from)-\(to)") {
                time = .timed(day, from: range.from, to: range.to)
            }
            let directors = options.registry[body]?.kind == .directorsGroup
            let record = Meeting(
                Meeting.ID(id ?? "\(directors ? "kdm" : body.rawValue)-\(day)"), of: body,
                title: try options.required("title", title), time: time, place: place, remote: remote,
                source: try options.source(source, item: item), filePath: "utkast", line: 1)
            try options.write([Draft(.meeting(record), line: nil)])
        }
    }
}

struct AddAttendance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance", abstract: "Add a person to a meeting's attendance.")
    @OptionGroup var options: AddOptions
    @Option var meeting: String?
    @Option var person: String?
    @Option var municipality: String?
    @Option(help: "present, remote or absent") var mode: String?

    func run() throws {
        try runReporting { () throws(CommandFailure) in
            let id = try options.required("meeting", meeting)
            guard let old = options.registry[Meeting.ID(id)] else {
                throw CommandFailure(
                    message: "--meeting: mötet \"\(id)\" är inte byggt in i verktyget", exitCode: 1)
            }
            guard let mode = Attendance.Mode(rawValue: try options.required("mode", mode)) else {
                throw CommandFailure.usage("--mode: present, remote eller absent")
            }
            let entry = Attendance(
                try options.person(person), for: try options.municipality("municipality", municipality), mode)
            let record = Meeting(
                old.id, of: old.body, title: old.title, time: old.time, place: old.place, remote: old.remote,
                status: old.status, attendance: old.attendance + [entry], agenda: old.agenda,
                source: old.source,
                inferred: old.inferred, filePath: "utkast", line: 1)
            try options.write([Draft(.meeting(record), change: .replace(old.location), line: nil)])
        }
    }
}
