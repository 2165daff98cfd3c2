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
        case .bodyStage(_, let stage): bodyStageEvent(event, stage)
        }
    }

    /// The event as the feed of `municipality` shows it. A deadline whose decision asks
    /// the municipality to act says whether it has answered ("Bjuv har inte svarat."),
    /// where every other feed says how many have; any other event reads the same in every
    /// feed. Same UID either way: a subscriber has one copy, from the feed they chose.
    public func calendarEvent(_ event: Event, for municipality: Municipality.ID) -> VEvent {
        guard case .deadline(let id) = event.origin else { return calendarEvent(event) }
        return deadlineEvent(event, self[id], for: municipality)
    }

    /// The municipality whose wording `person`'s own feed takes for `event`: the one they
    /// represent on its day when they represent exactly one; nil, the shared wording, when
    /// they represent none or several (or for anything but a deadline).
    public func wordingMunicipality(of event: Event, for person: Person.ID, seats: SeatIndex) -> Municipality
        .ID?
    {
        guard event.kind == .deadline else { return nil }
        let represented = seats.municipalities(representedBy: person, on: event.day)
        return represented.count == 1 ? represented.first : nil
    }

    /// The municipalities whose feeds word `event` their own way (see
    /// `calendarEvent(_:for:)`): those its decision's actions ask, among those it concerns.
    public func municipalitiesWithOwnWording(of event: Event) -> [Municipality.ID] {
        guard case .deadline(let id) = event.origin else { return [] }
        var asked: [Municipality.ID] = []
        for request in actionRequests(of: id) {
            for case .municipality(let municipality) in request.asked
            where event.municipalities.contains(municipality) && !asked.contains(municipality) {
                asked.append(municipality)
            }
        }
        return asked
    }

    private func meetingEvent(_ event: Event, _ meeting: Meeting?) -> VEvent {
        let bodyName = event.body.map(name) ?? ""
        var lines = [bodyName]
        if case .allDay = event.timing { lines.append("Tiden är inte bestämd.") }
        if meeting?.isInferred("time") == true { lines.append("Tiden är registrets tolkning.") }
        if let remote = event.remote { lines.append("Distansdeltagande: \(remote)") }
        if event.isCancelled { lines.append("Mötet är inställt.") }
        if let meeting, !meeting.agenda.isEmpty {
            lines.append("")
            lines.append(meeting.displayed("Dagordning", field: "agenda") + ":")
            for item in meeting.agenda { lines.append("\(item.number). \(item.title)") }
        }
        lines.append("")
        lines.append(citation(event.source))
        let url = meeting.flatMap { pageURL(.meeting($0.id)) }
        if let url { lines.append(url) }

        var place = event.place.map { meeting?.displayed($0, field: "place") ?? $0 }
        if let remote = event.remote {
            place = place.map { "\($0) (även via \(remote))" } ?? remote
        }
        let title = meeting?.displayed(event.title, field: "title") ?? event.title
        return VEvent(
            uid: uid(event), timing: event.timing,
            summary: (event.isCancelled ? "INSTÄLLT: " : "") + title,
            description: lines.joined(separator: "\n"), location: place, category: event.kind.label,
            status: event.isCancelled ? .cancelled : .confirmed, alarm: nil,
            revised: revised(event.source) ?? event.day, url: url)
    }

    /// A deadline: the decision, who is responsible, and where the asked parties stand:
    /// in a municipality's own feed (`municipality`) whether it has answered, elsewhere
    /// how many have.
    private func deadlineEvent(
        _ event: Event, _ decision: Decision?, for municipality: Municipality.ID? = nil
    ) -> VEvent {
        var lines = [decision?.text ?? event.title, ""]
        if let decision, decision.isInferred("deadline") {
            lines.append("Sista dag: \(event.day.swedishText)\(Inferred.marker).")
        }
        let actorNames = (decision?.actors ?? []).map { actor in
            switch actor {
            case .person(let person): name(person)
            case .body(let body): name(body)
            case .municipality(let municipality): name(municipality)
            case .everyMunicipality: "varje kommun"
            }
        }
        if let decision, !actorNames.isEmpty {
            lines.append(
                decision.displayed("Ansvariga: \(actorNames.joined(separator: ", "))", field: "actors"))
        }
        // A municipality that has given its answer to everything asked of it needs no reminder.
        var settled = false
        if let decision {
            let requests = actionRequests(of: decision.id)
            for request in requests {
                lines += followUpLines(request, for: municipality)
            }
            if let municipality {
                let own = requests.flatMap(recordedStandings).filter {
                    $0.party == .municipality(municipality)
                }
                settled = !own.isEmpty && own.allSatisfy { !$0.status.isOpen }
            }
        }
        if let decision, let meeting = self[decision.meeting] {
            let when = meeting.time.day.map { " \($0.swedishText)" } ?? ""
            lines.append(
                "Beslut: \(meeting.title)\(when), "
                    + decision.displayed("punkt \(decision.item)", field: "item"))
        }
        lines.append(citation(event.source))
        let url = decision.flatMap { pageURL(.decision($0.id)) } ?? event.body.flatMap { pageURL(.body($0)) }
        if let url { lines.append(url) }
        let title = decision?.displayed(event.title, field: "title") ?? event.title
        return VEvent(
            uid: uid(event), timing: event.timing, summary: "Sista dag: \(title)",
            description: lines.joined(separator: "\n"), location: nil, category: event.kind.label,
            status: .confirmed,
            alarm: settled
                ? nil : VEvent.Alarm(minutesBefore: 15 * 60, description: "Sista dag i morgon: \(title)"),
            revised: revised(event.source) ?? event.day, url: url)
    }

    /// What an action asks or offers, then, in the feed of an asked `municipality`, its
    /// answer; elsewhere where those asked stand ("1 av 10 har lämnat besked: Bjuv har
    /// anslutit sig."). Only what the registry records: no clock, so the same data gives
    /// the same text.
    private func followUpLines(_ request: ActionRequest, for municipality: Municipality.ID?) -> [String] {
        let standings = recordedStandings(of: request)
        let lead = request.kind == .offer ? "Erbjudande" : "Begärt"
        var lines = ["\(lead): \(request.what), senast den \(request.by.swedishText)."]
        if let municipality, let own = standings.first(where: { $0.party == .municipality(municipality) }) {
            lines.append(Self.answerSentence(own))
        } else {
            lines.append(Self.followUpSummary(standings, kind: request.kind))
        }
        return lines
    }

    /// Where those asked stand, in one sentence: "0 av 10 har svarat.", "1 av 10 har svarat:
    /// Bjuv."; for an offer "Inga besked ännu (10 tillfrågade)." or "2 av 10 har lämnat
    /// besked: Bjuv har anslutit sig, Klippan har tackat nej." A request's overdue count
    /// is left to readers who know the day (pages, `samverkan decision`).
    public static func followUpSummary(_ standings: [ActionStanding], kind: ActionRequest.Kind) -> String {
        let answered = standings.filter { !$0.status.isOpen }
        switch kind {
        case .request:
            let overdue = standings.count { $0.status.isOverdue }
            return "\(answered.count) av \(standings.count) har svarat"
                + (answered.isEmpty ? "" : ": \(answered.map(\.partyName).joined(separator: ", "))")
                + (overdue == 0 ? "." : "; \(overdue) \(overdue == 1 ? "är försenad" : "är försenade").")
        case .offer:
            guard !answered.isEmpty else { return "Inga besked ännu (\(standings.count) tillfrågade)." }
            let who = answered.map { "\($0.partyName) \($0.status.phrase(for: .offer))" }
            return
                "\(answered.count) av \(standings.count) har lämnat besked: \(who.joined(separator: ", "))."
        }
    }

    /// "Bjuv har svarat den 22 april 2026 (lämnat fullmakt).", "Bjuv har inte svarat.",
    /// "Bjuv har avböjt den 22 april 2026.", "Bjuv har bett om anstånd till den 15 maj 2026.";
    /// for an offer "Bjuv har anslutit sig den 22 april 2026 (lämnat fullmakt).", "Bjuv har
    /// tackat nej den 22 april 2026.", "Bjuv har inte lämnat besked."
    static func answerSentence(_ standing: ActionStanding) -> String {
        let name = standing.partyName
        let phrase = standing.status.phrase(for: standing.request.kind)
        switch standing.status {
        case .answered(let day):
            let how = standing.responses.last { if case .gave = $0.answer { true } else { false } }
            let what: String? =
                switch how?.answer {
                case .gave(let what): what
                default: nil
                }
            return "\(name) \(phrase) den \(day.swedishText)" + (what.map { " (lämnat \($0))." } ?? ".")
        case .declined(let day):
            return "\(name) \(phrase) den \(day.swedishText)."
        case .notYetDue(let due), .overdue(let due), .noNotice(let due):
            return due > standing.request.by
                ? "\(name) har bett om anstånd till den \(due.swedishText)."
                : "\(name) har \(standing.request.kind == .offer ? "inte lämnat besked" : "inte svarat")."
        }
    }

    private func startDateEvent(_ event: Event, _ appointment: StaffAppointment?) -> VEvent {
        let person = event.person.map(name) ?? ""
        let post = appointment?.title ?? ""
        let url = event.body.flatMap { pageURL(.body($0)) }
        // The day first, so that it cannot attach to the post's last noun; the body is left
        // out, since the minutes report the post, not where it sits.
        let description =
            [
                "\(person) börjar den \(event.day.swedishText) som \(post).",
                "",
                citation(event.source),
            ] + (url.map { [$0] } ?? [])
        return VEvent(
            uid: uid(event), timing: event.timing, summary: "Börjar: \(event.title)",
            description: description.joined(separator: "\n"), location: nil, category: event.kind.label,
            status: .confirmed, alarm: nil, revised: revised(event.source) ?? event.day, url: url)
    }

    /// "Startar: Energinätverket": the day a body starts or closes.
    private func bodyStageEvent(_ event: Event, _ stage: Lifecycle.Stage) -> VEvent {
        let body = event.body.flatMap { self[$0] }
        let name = body?.displayName ?? event.title
        let verb = stage == .closed ? "avslutas" : "startar"
        let url = event.body.flatMap { pageURL(.body($0)) }
        let description =
            ["\(name) \(verb) den \(event.day.swedishText).", "", citation(event.source)]
            + (url.map { [$0] } ?? [])
        return VEvent(
            uid: uid(event), timing: event.timing,
            summary: "\(verb.prefix(1).uppercased() + verb.dropFirst()): \(name)",
            description: description.joined(separator: "\n"), location: nil, category: event.kind.label,
            status: .confirmed, alarm: nil, revised: revised(event.source) ?? event.day, url: url)
    }

    /// A page's address under the registry's public address; nil when the registry names
    /// none (then events carry no links) or has no such record.
    private func pageURL(_ page: SiteMap.Page) -> String? {
        guard publicURL != nil else { return nil }
        return SiteMap(registry: self).url(page)
    }

    /// "Källa: Kommundirektörmöte i Familjen Helsingborg, 10 april 2026, punkt 3".
    /// "Källa: Protokoll, 10 april 2026, punkt 2", followed by the document's web address
    /// when the registry knows one, so a reader can open the minutes from the event.
    private func citation(_ source: Source) -> String {
        let document = self[source.document]
        let title = document?.title ?? source.document.rawValue
        let date = document.map { ", \($0.date.swedishText)" } ?? ""
        let link = document?.url.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil }
        return "Källa: \(title)\(date)" + (source.item.map { ", punkt \($0)" } ?? "")
            + (link.map { ": \($0)" } ?? "")
    }

    private func name(_ id: Person.ID) -> String { self[id]?.name ?? id.rawValue }
    private func name(_ id: Body.ID) -> String { self[id]?.displayName ?? id.rawValue }
    private func name(_ id: Municipality.ID) -> String { self[id]?.name ?? id.rawValue }

    /// The event's UID (`EventUID`): the same record keeps its UID forever.
    public func uid(_ event: Event) -> String { EventUID(event).description }
}
