// Rules about dates and times that cannot exist. Other rules skip such values, so an
// impossible date is reported once, here, naming the field that holds it.

extension Rules {
    static var dates: [Rule] {
        [
            Rule("valid-dates", validDates),
            Rule("valid-times", validTimes),
        ]
    }

    /// Every date exists in the calendar: no 30 February, no month 13.
    static func validDates(_ registry: Registry) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func check(_ record: some DescribedRecord, _ field: String, _ day: Day?) {
            guard let day, !day.isValid else { return }
            found.append(
                .error(
                    "\(record.label) \(field) is \(written(day)), a date that does not exist",
                    at: record.location))
        }
        for document in registry.documents { check(document, "`date:`", document.date) }
        for body in registry.bodies {
            for (stage, start) in body.lifecycle.milestones {
                check(body, "`\(stage.rawValue):`", start.day)
            }
        }
        for membership in registry.memberships {
            check(membership, "`from:`", membership.from)
            check(membership, "`to:`", membership.to)
        }
        for appointment in registry.appointments {
            check(appointment, "`starts:`", appointment.starts)
            check(appointment, "`ends:`", appointment.ends)
        }
        for meeting in registry.meetings {
            switch meeting.time {
            case .timed(let day, _, _), .day(let day): check(meeting, "`time:` day", day)
            case .month(let year, let month):
                if !Day(year, month, 1).isValid {
                    found.append(
                        .error(
                            "\(meeting.label) `time:` month is \(year)-\(month), a month that does not exist",
                            at: meeting.location))
                }
            }
        }
        for decision in registry.decisions { check(decision, "`deadline:`", decision.deadline) }
        return found
    }

    /// Every clock time exists: hours 0–23, minutes 0–59.
    static func validTimes(_ registry: Registry) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for meeting in registry.meetings {
            guard case .timed(_, let from, let to) = meeting.time else { continue }
            for (field, time) in [("start", from), ("end", to)] where !time.isValid {
                found.append(
                    .error(
                        "\(meeting.label) \(field) time is LocalTime(\(time.hour), \(time.minute)), a time that does not exist",
                        at: meeting.location))
            }
        }
        return found
    }

    /// An impossible date as written in Swift, since `description` would pad it like a real one.
    private static func written(_ day: Day) -> String { "Day(\(day.year), \(day.month), \(day.day))" }
}
