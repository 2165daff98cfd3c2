// Rules about meetings: their times, attendance and agenda.

extension Rules {
    static var meetings: [Rule] {
        [
            Rule("meeting-references", meetingReferences),
            Rule("meeting-ends-after-start", meetingEndsAfterStart),
            Rule("attendance-by-members", attendanceByMembers),
            Rule("no-duplicate-attendance", noDuplicateAttendance),
            Rule("agenda-numbers-unique", agendaNumbersUnique),
            Rule("directors-on-meeting-days", directorsOnMeetingDays),
            Rule("past-meetings-have-attendance", pastMeetingsHaveAttendance),
            Rule("meetings-within-body-lifetime", meetingsWithinBodyLifetime),
        ]
    }

    /// A meeting's body, attendees, their municipalities and presenters are in the registry.
    static func meetingReferences(_ registry: Registry) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for meeting in registry.meetings {
            if registry[meeting.body] == nil { found.append(missing(meeting, "body", meeting.body)) }
            for attendance in meeting.attendance {
                if registry[attendance.person] == nil {
                    found.append(missing(meeting, "attendance", attendance.person))
                }
                if let municipality = attendance.municipality, registry[municipality] == nil {
                    found.append(missing(meeting, "attendance municipality", municipality))
                }
            }
            for item in meeting.agenda {
                for presenter in item.presenters where registry[presenter] == nil {
                    found.append(missing(meeting, "agenda item \(item.number) presenter", presenter))
                }
            }
        }
        return found
    }

    /// A timed meeting ends after it starts, on the same day.
    static func meetingEndsAfterStart(_ registry: Registry) -> [Diagnostic] {
        registry.meetings.compactMap { meeting in
            guard case .timed(_, let from, let to) = meeting.time, from.isValid, to.isValid, to <= from
            else { return nil }
            return .error(
                "\(meeting.label) ends at \(to), not after it starts at \(from)", at: meeting.location)
        }
    }

    /// Attendees were members of the body that day, for the municipality they are listed for.
    static func attendanceByMembers(_ registry: Registry) -> [Diagnostic] {
        var terms: [Body.ID: [Person.ID: [Membership]]] = [:]
        for membership in registry.memberships {
            terms[membership.body, default: [:]][membership.person, default: []].append(membership)
        }
        var found: [Diagnostic] = []
        for meeting in registry.meetings where meeting.time.isValidDate {
            let span = meeting.time.span
            let when = meeting.time.when
            for attendance in meeting.attendance where registry[attendance.person] != nil {
                let held =
                    terms[meeting.body]?[attendance.person, default: []].filter {
                        $0.mayBeInForce(during: span)
                    }
                    ?? []
                let person = "'\(attendance.person.rawValue)'"
                if held.isEmpty {
                    found.append(
                        .error(
                            "\(meeting.label) lists \(person) in its attendance, but they were not a member of "
                                + "'\(meeting.body.rawValue)' \(when)",
                            at: meeting.location))
                } else if let municipality = attendance.municipality,
                    !held.contains(where: { $0.municipality == municipality })
                {
                    found.append(
                        .error(
                            "\(meeting.label) lists \(person) for '\(municipality.rawValue)', but their membership "
                                + "of '\(meeting.body.rawValue)' \(when) is not for that municipality",
                            at: meeting.location))
                }
            }
        }
        return found
    }

    /// Nobody appears twice in one meeting's attendance.
    static func noDuplicateAttendance(_ registry: Registry) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for meeting in registry.meetings {
            var seen: Set<Person.ID> = []
            var reported: Set<Person.ID> = []
            for attendance in meeting.attendance
            where !seen.insert(attendance.person).inserted && reported.insert(attendance.person).inserted {
                found.append(
                    .error(
                        "\(meeting.label) lists '\(attendance.person.rawValue)' more than once in its attendance",
                        at: meeting.location))
            }
        }
        return found
    }

    /// Agenda item numbers are positive and unique within a meeting.
    static func agendaNumbersUnique(_ registry: Registry) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for meeting in registry.meetings {
            var seen: Set<Int> = []
            for item in meeting.agenda {
                if item.number < 1 {
                    found.append(
                        .error(
                            "\(meeting.label) has agenda item number \(item.number); numbers start at 1",
                            at: meeting.location))
                } else if !seen.insert(item.number).inserted {
                    found.append(
                        .error(
                            "\(meeting.label) has more than one agenda item \(item.number)",
                            at: meeting.location))
                }
            }
        }
        return found
    }

    /// Every municipality has a director on the day of each directors' meeting (warning).
    ///
    /// A warning because the seat may simply be vacant; cancelled meetings are skipped.
    static func directorsOnMeetingDays(_ registry: Registry) -> [Diagnostic] {
        struct Seat: Hashable {
            let body: Body.ID
            let municipality: Municipality.ID?
        }
        let directors = Dictionary(
            grouping: registry.memberships.filter { $0.role.key == Role.director.key },
            by: { Seat(body: $0.body, municipality: $0.municipality) })
        var found: [Diagnostic] = []
        for meeting in registry.meetings where !meeting.isCancelled {
            guard let day = meeting.time.day, day.isValid, registry[meeting.body]?.kind == .directorsGroup
            else { continue }
            let span = meeting.time.span
            for municipality in registry.municipalities
            where !directors[Seat(body: meeting.body, municipality: municipality.id), default: []].contains(
                where: {
                    $0.mayBeInForce(during: span)
                })
            {
                found.append(
                    .warning(
                        "\(meeting.label) on \(day): \(municipality.name) has no \(Role.director.title) in "
                            + "'\(meeting.body.rawValue)' that day",
                        at: meeting.location))
            }
        }
        return found
    }

    /// A directors' meeting no later than the newest document has its attendance (warning).
    ///
    /// The newest document stands in for a clock: its minutes are in, so who came should be
    /// too. Meetings known only by month are history and exempt, as are cancelled ones.
    static func pastMeetingsHaveAttendance(_ registry: Registry) -> [Diagnostic] {
        guard let knownUntil = registry.knownUntil else { return [] }
        return registry.meetings.compactMap { meeting in
            guard !meeting.isCancelled, meeting.attendance.isEmpty, let day = meeting.time.day, day.isValid,
                day <= knownUntil, registry[meeting.body]?.kind == .directorsGroup
            else { return nil }
            return .warning(
                "\(meeting.label) on \(day) has no attendance, though the registry has documents up to "
                    + "\(knownUntil); add who came from its minutes",
                at: meeting.location)
        }
    }

    /// A meeting takes place while its body is proposed or active (warning).
    static func meetingsWithinBodyLifetime(_ registry: Registry) -> [Diagnostic] {
        registry.meetings.compactMap { meeting in
            guard !meeting.isCancelled, let day = meeting.time.day, day.isValid,
                let body = registry[meeting.body],
                !body.lifecycle.isAlive(on: day)
            else { return nil }
            return .warning(
                "\(meeting.label) is on \(day), when \(body.label) \(body.lifecycle.whyNotAlive(on: day))",
                at: meeting.location)
        }
    }
}
