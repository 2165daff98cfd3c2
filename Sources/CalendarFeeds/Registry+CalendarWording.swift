public import ICalendar
public import Registry

extension Registry {
    /// An event in the words a calendar shows, in Swedish, with its UID.
    ///
    /// Everything a subscriber reads is decided here, in plain Swift, from the event and
    /// the records it points at; the ICalendar module only encodes it.
    public func calendarEvent(_ event: Event) -> VEvent {
        switch event.origin {
        case .meeting(let id): meetingEvent(event, self[id])
        case .deadline(let id): deadlineEvent(event, self[id])
        case .startDate(let id): startDateEvent(event, self[id])
        }
    }

    private func meetingEvent(_ event: Event, _ meeting: Meeting?) -> VEvent {
        let bodyName = event.body.map(name) ?? ""
        var lines = [bodyName]
        if case .allDay = event.timing { lines.append("Tid ej fastställd.") }
        if let remote = event.remote { lines.append("Distansdeltagande: \(remote)") }
        if event.isCancelled { lines.append("Mötet är inställt.") }
        if let meeting, !meeting.agenda.isEmpty {
            lines.append("")
            lines.append("Dagordning:")
            for item in meeting.agenda { lines.append("\(item.number). \(item.title)") }
        }
        lines.append("")
        lines.append(citation(event.source))
        let url = meetingPage(event.id)
        if let url { lines.append(url) }

        var place = event.place
        if let remote = event.remote {
            place = place.map { "\($0) (även via \(remote))" } ?? remote
        }
        return VEvent(
            uid: uid(event), timing: event.timing,
            summary: (event.isCancelled ? "INSTÄLLT: " : "") + event.title,
            description: lines.joined(separator: "\n"), location: place, category: event.kind.label,
            status: event.isCancelled ? .cancelled : .confirmed, alarm: nil,
            revised: revised(event.source) ?? event.day, url: url)
    }

    private func deadlineEvent(_ event: Event, _ decision: Decision?) -> VEvent {
        var lines = [decision?.text ?? event.title, ""]
        let actorNames = (decision?.actors ?? []).map { actor in
            switch actor {
            case .person(let person): name(person)
            case .body(let body): name(body)
            case .municipality(let municipality): name(municipality)
            case .everyMunicipality: "varje kommun"
            }
        }
        if !actorNames.isEmpty { lines.append("Ansvariga: \(actorNames.joined(separator: ", "))") }
        if let decision, let meeting = self[decision.meeting] {
            let when = meeting.time.day.map { " \($0.swedishText)" } ?? ""
            lines.append("Beslut: \(meeting.title)\(when), punkt \(decision.item)")
        }
        lines.append(citation(event.source))
        let url = decision.flatMap { meetingPage($0.meeting.rawValue) } ?? bodyPage(event.body)
        if let url { lines.append(url) }
        return VEvent(
            uid: uid(event), timing: event.timing, summary: "Sista dag: \(event.title)",
            description: lines.joined(separator: "\n"), location: nil, category: event.kind.label,
            status: .confirmed,
            alarm: VEvent.Alarm(minutesBefore: 15 * 60, description: "Sista dag i morgon: \(event.title)"),
            revised: revised(event.source) ?? event.day, url: url)
    }

    private func startDateEvent(_ event: Event, _ appointment: StaffAppointment?) -> VEvent {
        let person = event.person.map(name) ?? ""
        let post = appointment?.title ?? ""
        let bodyName = event.body.map(name) ?? ""
        let url = bodyPage(event.body)
        let description =
            [
                "\(person) börjar som \(post) i \(bodyName) den \(event.day.swedishText).",
                "",
                citation(event.source),
            ] + (url.map { [$0] } ?? [])
        return VEvent(
            uid: uid(event), timing: event.timing, summary: "Börjar: \(event.title)",
            description: description.joined(separator: "\n"), location: nil, category: event.kind.label,
            status: .confirmed, alarm: nil, revised: revised(event.source) ?? event.day, url: url)
    }

    /// The page of a meeting, `PUBLIC/moten/ID`; nil when the registry has no public
    /// address or no such meeting.
    private func meetingPage(_ id: String) -> String? {
        guard let publicURL, self[Meeting.ID(id)] != nil else { return nil }
        return "\(publicURL)/moten/\(id)"
    }

    /// The page of a body, `PUBLIC/organ/SLUG`.
    private func bodyPage(_ id: Body.ID?) -> String? {
        guard let publicURL, let id, let body = self[id] else { return nil }
        return "\(publicURL)/organ/\(body.slug)"
    }

    /// "Källa: Protokoll …, punkt 3".
    private func citation(_ source: Source) -> String {
        let title = self[source.document]?.title ?? source.document.rawValue
        return "Källa: \(title)" + (source.item.map { ", punkt \($0)" } ?? "")
    }

    private func name(_ id: Person.ID) -> String { self[id]?.name ?? id.rawValue }
    private func name(_ id: Body.ID) -> String { self[id]?.name ?? id.rawValue }
    private func name(_ id: Municipality.ID) -> String { self[id]?.name ?? id.rawValue }

    /// A UID from the record's kind and ID: the same record keeps its UID forever.
    public func uid(_ event: Event) -> String {
        let prefix =
            switch event.kind {
            case .meeting: "meeting"
            case .deadline: "deadline"
            case .startDate: "start"
            }
        return "\(prefix)-\(event.id)@familjenhelsingborg.se"
    }
}
