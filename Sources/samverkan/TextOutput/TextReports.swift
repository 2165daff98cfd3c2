import Registry

// The plain-text forms of the query results, as the CLI prints them: English headings,
// the registry's Swedish names and titles, at most 80 columns.

/// Text helpers shared by the reports.
enum Report {
    static let width = 80

    /// A paragraph wrapped to the report width, continuation lines indented.
    static func paragraph(_ text: String, indent: Int = 2) -> String {
        let lines = TextTable.wrap(text, width: width - indent)
        return lines.enumerated()
            .map { index, line in (index == 0 ? "" : String(repeating: " ", count: indent)) + line + "\n" }
            .joined()
    }

    /// "kommundirektör", "kommundirektör (acting)", "kommundirektör (acting, shared)".
    static func role(_ seat: Seat) -> String {
        let notes = [seat.acting ? "acting" : nil, seat.shared ? "shared" : nil].compactMap { $0 }
        return notes.isEmpty
            ? seat.role.displayTitle : "\(seat.role.displayTitle) (\(notes.joined(separator: ", ")))"
    }

    /// The first day in force, or "before records".
    static func from(_ day: Day?) -> String { day?.description ?? "before records" }

    /// The last day in force (the day before `to`), or "-" for open-ended.
    static func lastDay(_ to: Day?) -> String { to.map { $0.adding(days: -1).description } ?? "-" }

    static func time(_ start: LocalTime?, _ end: LocalTime?) -> String {
        switch (start, end) {
        case (let start?, let end?): "\(start.swedishTableText)–\(end.swedishTableText)"
        case (let start?, nil): start.swedishTableText
        default: ""
        }
    }
}

extension MunicipalityRepresentation {
    /// `samverkan who` as text: the director (or "vacant"), then every seat.
    var text: String {
        var out = Report.paragraph("\(municipality.name) (\(municipality.officialName)) on \(date)")
        out += "\n"
        if director.vacant {
            out += "Director: vacant\n"
        } else {
            let names = director.holders.map { seat in
                // An inferred title reads "kommundirektör, tolkning" inside the parentheses.
                let role =
                    seat.role.inferred == nil ? seat.role.title : seat.role.title + ", \(Inferred.word)"
                let notes = [role, seat.acting ? "acting" : nil, seat.shared ? "shared" : nil]
                return "\(seat.person.name) (\(notes.compactMap { $0 }.joined(separator: ", ")))"
            }
            out += Report.paragraph("Director: " + names.joined(separator: " and "))
        }
        out += "\n"
        guard !representatives.isEmpty else {
            return out + "No one represents \(municipality.name) in any body on \(date).\n"
        }
        out += "Represented in\n"
        out += TextTable(
            headers: ["Body", "Person", "Role", "From", "Last day"],
            rows: representatives.map { seat in
                [
                    seat.body.displayName, seat.person.name, Report.role(seat), Report.from(seat.from),
                    Report.lastDay(seat.to),
                ]
            }
        ).render(width: Report.width)
        return out
    }
}

extension PersonRepresentation {
    /// `samverkan represents` as text: current seats, then upcoming and past ones.
    var text: String {
        var out = Report.paragraph("\(person.name) on \(date)") + "\n"
        if current.isEmpty {
            out += "No seat in any body on \(date).\n"
        } else {
            out += "Current\n" + PersonRepresentation.table(current)
        }
        if !upcoming.isEmpty { out += "\nUpcoming\n" + PersonRepresentation.table(upcoming) }
        if !past.isEmpty { out += "\nPast\n" + PersonRepresentation.table(past) }
        return out
    }

    private static func table(_ seats: [Seat]) -> String {
        TextTable(
            headers: ["Body", "Role", "For", "From", "Last day"],
            rows: seats.map { seat in
                [
                    seat.body.displayName, Report.role(seat), seat.municipality?.name ?? "-",
                    Report.from(seat.from),
                    Report.lastDay(seat.to),
                ]
            }
        ).render(width: Report.width)
    }
}

extension BodyList {
    /// `samverkan bodies` as text.
    var text: String {
        "Bodies on \(date)\n\n"
            + TextTable(
                headers: ["ID", "Name", "Kind", "Status", "Members", "Staff"],
                rows: bodies.map { summary in
                    [
                        summary.body.id.rawValue, summary.body.displayName, summary.body.kind.label,
                        summary.status.label, String(summary.members), String(summary.staff),
                    ]
                }
            ).render(width: Report.width)
    }
}

extension BodyDetail {
    /// `samverkan body` as text: status, purpose, members and staff.
    var text: String {
        var out = Report.paragraph("\(body.displayName) (\(body.id)) on \(date)") + "\n"
        out += "Kind: \(body.kind.label)\n"
        var status = "Status: \(self.status.label)"
        if self.status.stage != nil {
            status += self.status.since.map { " since \($0)" } ?? " since before records"
        }
        out += status + "\n"
        if !milestones.isEmpty {
            let list = milestones.map { "\($0.stage.rawValue) \($0.on?.description ?? "before records")" }
            out += Report.paragraph("Milestones: " + list.joined(separator: ", "))
        }
        if let parent { out += Report.paragraph("Part of: \(parent.name)") }
        if let municipality { out += Report.paragraph("Municipality: \(municipality.name)") }
        if let purpose { out += Report.paragraph("Purpose: \(purpose)") }

        out += "\n"
        if members.isEmpty {
            out += "Members: none on \(date)\n"
        } else {
            out += "Members\n"
            out += TextTable(
                headers: ["Person", "Role", "For", "From", "Last day"],
                rows: members.map { seat in
                    [
                        seat.person.name, Report.role(seat), seat.municipality?.name ?? "-",
                        Report.from(seat.from), Report.lastDay(seat.to),
                    ]
                }
            ).render(width: Report.width)
        }
        out += "\n"
        if staff.isEmpty {
            out += "Staff: none on \(date)\n"
        } else {
            out += "Staff\n"
            out += TextTable(
                headers: ["Person", "Post", "From", "Last day"],
                rows: staff.map { seat in
                    [
                        seat.person.name, seat.role.displayTitle, Report.from(seat.from),
                        Report.lastDay(seat.to),
                    ]
                }
            ).render(width: Report.width)
        }
        return out
    }
}

extension Event.Kind {
    /// "meeting", "deadline", "start date": the singular of the kind's word.
    var englishLabel: String {
        switch self {
        case .meeting: "meeting"
        case .deadline: "deadline"
        case .startDate: "start date"
        }
    }
}

extension UpcomingReport {
    /// `samverkan upcoming` as text.
    var text: String {
        var heading = "From \(from) through \(through)"
        if let municipality { heading += " for \(municipality.name)" }
        var out = Report.paragraph(heading + ", times in Europe/Stockholm") + "\n"
        guard !events.isEmpty else { return out + "Nothing on these days.\n" }
        out += TextTable(
            headers: ["Date", "Time", "Kind", "What", "Body"],
            rows: events.map { event in
                var what = event.title
                let whereabouts = [event.place, event.remote].compactMap { $0 }
                if !whereabouts.isEmpty { what += " (\(whereabouts.joined(separator: "; ")))" }
                if event.status == .cancelled { what = "CANCELLED: " + what }
                let time =
                    event.kind == .meeting && event.start == nil
                    ? "time not set" : Report.time(event.start, event.end)
                return [
                    event.date.description, time, event.kind.englishLabel, what,
                    event.body?.displayName ?? "-",
                ]
            }
        ).render(width: Report.width)
        return out
    }
}

extension Attendance.Mode {
    /// "in person", "remote", "absent".
    var englishLabel: String {
        switch self {
        case .present: "in person"
        case .remote: "remote"
        case .absent: "absent"
        }
    }
}

extension AttendanceReport {
    /// `samverkan attendance` as text: each meeting's list, then a count per municipality.
    var text: String {
        guard !meetings.isEmpty else { return "No meeting has attendance recorded.\n" }
        var out = ""
        for report in meetings {
            let meeting = report.meeting
            var heading = meeting.title
            heading += " " + (meeting.date?.description ?? "(day not known)")
            let time = Report.time(meeting.start, meeting.end)
            if !time.isEmpty { heading += " " + time }
            heading += " (\(meeting.id))"
            if meeting.status == .cancelled { heading += ", cancelled" }
            out += Report.paragraph(heading)
            if let place = meeting.place { out += Report.paragraph("Place: \(place)") }
            out += "\n"
            out += TextTable(
                headers: ["Person", "For", "Role", "Attendance"],
                rows: report.attendees.map { attendee in
                    [
                        attendee.person.name, attendee.municipality?.name ?? "-", attendee.role?.title ?? "-",
                        attendee.mode.englishLabel,
                    ]
                }
            ).render(width: Report.width)
            out += "\n"
        }
        let count = meetings.count
        out += "Attendance by municipality (\(count) meeting\(count == 1 ? "" : "s"))\n"
        out += TextTable(
            headers: ["Municipality", "Attended", "In person", "Remote", "Absent", "Not listed"],
            rows: municipalities.map { row in
                [
                    row.municipality.name, "\(row.attended) of \(row.meetings)", String(row.present),
                    String(row.remote), String(row.absent), String(row.notRecorded),
                ]
            }
        ).render(width: Report.width)
        return out
    }
}
