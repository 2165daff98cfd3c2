import Registry

extension SwiftSource {
    /// The `add(…)` statement for a drafted record.
    public func statement(_ record: Draft.Record) -> String {
        "add(" + expression(record) + ")"
    }

    func expression(_ record: Draft.Record) -> String {
        switch record {
        case .document(let document):
            SwiftSource.call(
                "Document",
                [
                    ref(document.id.rawValue, "Document"), "title: \(SwiftSource.literal(document.title))",
                    "date: \(SwiftSource.day(document.date))",
                    document.url.map { "url: \(SwiftSource.literal($0))" },
                ])
        case .person(let person):
            SwiftSource.call(
                "Person",
                [
                    ref(person.id.rawValue, "Person"), "name: \(SwiftSource.literal(person.name))",
                    person.email.map { "email: \(SwiftSource.literal($0))" },
                    "source: \(source(person.source))",
                ])
        case .membership(let membership): expression(membership)
        case .staff(let staff): expression(staff)
        case .meeting(let meeting): expression(meeting)
        case .decision(let decision): expression(decision)
        case .request(let request): expression(request)
        case .response(let response): expression(response)
        case .body(let body): expression(body)
        }
    }

    func expression(_ membership: Membership) -> String {
        SwiftSource.call(
            "Membership",
            [
                ref(membership.person.rawValue, "Person"), "in: \(ref(membership.body.rawValue, "Body"))",
                "as: \(SwiftSource.role(membership.role))",
                membership.municipality.map { "for: \(ref($0.rawValue, "Municipality"))" },
                membership.from.map { "from: \(SwiftSource.day($0))" },
                membership.to.map { "to: \(SwiftSource.day($0))" },
                membership.acting ? "acting: true" : nil, membership.shared ? "shared: true" : nil,
                "source: \(source(membership.source))", SwiftSource.inferred(membership.inferred),
            ])
    }

    func expression(_ staff: StaffAppointment) -> String {
        SwiftSource.call(
            "StaffAppointment",
            [
                ref(staff.person.rawValue, "Person"), "in: \(ref(staff.body.rawValue, "Body"))",
                "title: \(SwiftSource.literal(staff.title))", "starts: \(SwiftSource.day(staff.starts))",
                staff.ends.map { "ends: \(SwiftSource.day($0))" }, "source: \(source(staff.source))",
                SwiftSource.inferred(staff.inferred),
            ])
    }

    func expression(_ meeting: Meeting) -> String {
        let time: String
        switch meeting.time {
        case .timed(let day, let from, let to):
            time =
                ".timed(\(SwiftSource.day(day)), from: \(SwiftSource.time(from)), to: \(SwiftSource.time(to)))"
        case .day(let day): time = ".day(\(SwiftSource.day(day)))"
        case .month(let year, let month): time = ".month(year: \(year), month: \(month))"
        }
        let attendance = meeting.attendance.map { entry in
            SwiftSource.call(
                "Attendance",
                [
                    ref(entry.person.rawValue, "Person"),
                    entry.municipality.map { "for: \(ref($0.rawValue, "Municipality"))" },
                    ".\(entry.mode.rawValue)",
                ])
        }
        let agenda = meeting.agenda.map { item in
            let presenters = item.presenters.map { ref($0.rawValue, "Person") }
            return SwiftSource.call(
                "AgendaItem",
                [
                    "\(item.number)", SwiftSource.literal(item.title),
                    item.summary.map { "summary: \(SwiftSource.literal($0))" },
                    presenters.isEmpty ? nil : "presenters: [\(presenters.joined(separator: ", "))]",
                ])
        }
        return SwiftSource.call(
            "Meeting",
            [
                ref(meeting.id.rawValue, "Meeting"), "of: \(ref(meeting.body.rawValue, "Body"))",
                "title: \(SwiftSource.literal(meeting.title))", "time: \(time)",
                meeting.place.map { "place: \(SwiftSource.literal($0))" },
                meeting.remote.map { "remote: \(SwiftSource.literal($0))" },
                meeting.status == .cancelled ? "status: .cancelled" : nil,
                attendance.isEmpty ? nil : "attendance: [\n\(attendance.joined(separator: ",\n")),\n]",
                agenda.isEmpty ? nil : "agenda: [\n\(agenda.joined(separator: ",\n")),\n]",
                "source: \(source(meeting.source))", SwiftSource.inferred(meeting.inferred),
            ])
    }

    func expression(_ decision: Decision) -> String {
        let actors = decision.actors.map { actor in
            switch actor {
            case .person(let id): ".person(\(ref(id.rawValue, "Person")))"
            case .body(let id): ".body(\(ref(id.rawValue, "Body")))"
            case .municipality(let id): ".municipality(\(ref(id.rawValue, "Municipality")))"
            case .everyMunicipality: ".everyMunicipality"
            }
        }
        return SwiftSource.call(
            "Decision",
            [
                ref(decision.id.rawValue, "Decision"), "at: \(ref(decision.meeting.rawValue, "Meeting"))",
                "item: \(decision.item)", "title: \(SwiftSource.literal(decision.title))",
                "text: \(SwiftSource.literal(decision.text))",
                decision.deadline.map { "deadline: \(SwiftSource.day($0))" },
                actors.isEmpty ? nil : "actors: [\(actors.joined(separator: ", "))]",
                "source: \(source(decision.source))",
                SwiftSource.inferred(decision.inferred),
            ])
    }

    func party(_ party: ActionRequest.Party) -> String {
        switch party {
        case .municipality(let id): ".municipality(\(ref(id.rawValue, "Municipality")))"
        case .body(let id): ".body(\(ref(id.rawValue, "Body")))"
        }
    }

    func expression(_ request: ActionRequest) -> String {
        SwiftSource.call(
            "ActionRequest",
            [
                ref(request.id.rawValue, "ActionRequest"),
                "of: \(ref(request.decision.rawValue, "Decision"))",
                request.asksEveryMunicipality
                    ? "asked: .everyMunicipality"
                    : "asked: [\(request.asked.map(party).joined(separator: ", "))]",
                "what: \(SwiftSource.literal(request.what))",
                "by: \(SwiftSource.day(request.by))", request.kind == .offer ? "kind: .offer" : nil,
                "source: \(source(request.source))",
            ])
    }

    func expression(_ response: ActionResponse) -> String {
        let answer: String
        switch response.answer {
        case .gave(let what): answer = ".gave(\(SwiftSource.literal(what)))"
        case .declined: answer = ".declined"
        case .askedForMoreTime(let until): answer = ".askedForMoreTime(until: \(SwiftSource.day(until)))"
        }
        return SwiftSource.call(
            "ActionResponse",
            [
                party(response.party), "to: \(ref(response.request.rawValue, "ActionRequest"))",
                "answer: \(answer)",
                "on: \(SwiftSource.day(response.on))", "source: \(source(response.source))",
                SwiftSource.inferred(response.inferred),
            ])
    }

    /// `.established`, or `Lifecycle(proposed: .on(Day(2026, 4, 10)), active: …)`.
    func lifecycle(_ lifecycle: Lifecycle) -> String {
        if lifecycle == .established { return ".established" }
        let stages = lifecycle.milestones.map { stage, start in
            switch start {
            case .on(let day): "\(stage.rawValue): .on(\(SwiftSource.day(day)))"
            case .beforeRecords: "\(stage.rawValue): .beforeRecords"
            }
        }
        return "Lifecycle(\(stages.joined(separator: ", ")))"
    }

    func expression(_ body: Body) -> String {
        let lifecycle = lifecycle(body.lifecycle)
        let kind: String =
            switch body.kind {
            case .directorsGroup: ".directorsGroup"
            case .secretariat: ".secretariat"
            case .network: ".network"
            case .workingGroup: ".workingGroup"
            case .external: ".external"
            }
        return SwiftSource.call(
            "Body",
            [
                ref(body.id.rawValue, "Body"), "name: \(SwiftSource.literal(body.name))", "kind: \(kind)",
                "lifecycle: \(lifecycle)", body.parent.map { "parent: \(ref($0.rawValue, "Body"))" },
                body.municipality.map { "municipality: \(ref($0.rawValue, "Municipality"))" },
                body.purpose.map { "purpose: \(SwiftSource.literal($0))" }, "source: \(source(body.source))",
                SwiftSource.inferred(body.inferred),
            ])
    }
}
