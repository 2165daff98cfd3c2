import CalendarFeeds
import ExportFiles
import Registry

// The pages of the start and of one record each: a municipality, a body, a meeting, a
// decision.
extension Pages {
    static func home(site: Site) -> String {
        let registry = site.registry
        let day = dataDay(site)
        let municipalities = SwedishCollation.sorted(registry.municipalities, by: \.name).map {
            municipality in
            HomeView.MunicipalityItem(
                name: municipality.name, path: site.path(.municipality(municipality.id)),
                directors: directorLines(municipality, site: site))
        }
        let bodies = SwedishCollation.sorted(registry.bodies, by: \.displayName).map { body in
            HomeView.BodyRow(
                name: body.displayName, path: site.path(.body(body.id)),
                kind: body.displayed(body.kind.label, field: "kind"), status: statusBadges(body, on: day))
        }
        let general = site.feeds.filter {
            $0.selection.municipality == nil && $0.selection.body == nil && $0.selection.person == nil
                && !$0.isArchive
        }
        let archives = site.feeds.filter(\.isArchive).reversed()
        let byMunicipality = SwedishCollation.sorted(site.feeds.filter { $0.selection.municipality != nil }) {
            $0.selection.municipality.flatMap { registry[$0]?.name } ?? $0.name
        }
        let byBody = SwedishCollation.sorted(site.feeds.filter { $0.selection.body != nil && !$0.isRetired })
        {
            $0.selection.body.flatMap { registry[$0]?.displayName } ?? $0.name
        }
        let view = HomeView(
            frame: Frame(
                site: site, title: "Familjen Helsingborg – samverkan och kalendrar",
                heading: "Familjen Helsingborg",
                lead:
                    "Vilka som företräder de elva kommunerna, samverkans organ och nätverk, möten och beslut, "
                    + "och kalendrar att prenumerera på.",
                description: "Familjen Helsingborgs samverkan: de elva kommunernas företrädare, organ och "
                    + "nätverk, möten, beslut och kalendrar att prenumerera på.",
                isHome: true),
            municipalities: municipalities, bodies: bodies, events: events(site, FeedSelection()),
            changes: changes(site.changes, atomURL: site.changesURL()),
            generalFeeds: general.map { feedView($0, site: site) },
            archiveFeeds: archives.map { feedView($0, site: site) }, archiveFeedCount: archives.count,
            hasArchives: !archives.isEmpty,
            municipalityFeeds: byMunicipality.map { feedView($0, site: site) },
            municipalityFeedCount: byMunicipality.count, bodyFeeds: byBody.map { feedView($0, site: site) },
            bodyFeedCount: byBody.count)
        return Templates.render(view, "home")
    }

    static func municipality(_ municipality: Municipality, site: Site) -> String {
        let registry = site.registry
        let current = registry.representation(of: municipality.id, on: dataDay(site)).representatives
        let seats = withLaterSeats(current, site: site) { $0.municipality?.id == municipality.id }.compactMap
        {
            seat -> MunicipalityView.SeatItem? in
            guard let body = registry[seat.body.id] else { return nil }
            return MunicipalityView.SeatItem(
                person: personLabel(seat), personPath: site.path(.person(seat.person.id)),
                role: seat.role.displayTitle, bodyName: body.displayName,
                bodyPath: site.path(.body(body.id)), term: term(seat, site: site))
        }
        let selection = FeedSelection(municipality: municipality.id)
        let view = MunicipalityView(
            frame: Frame(
                site: site, title: "\(municipality.name) – Familjen Helsingborg",
                heading: municipality.officialName,
                description: "\(municipality.officialName) i Familjen Helsingborg: företrädare, kalender att "
                    + "prenumerera på, vad beslut begär av kommunen och vad som kommer.",
                crumbs: [Frame.crumb(.municipality)], current: municipality.name),
            municipalityName: municipality.name, seats: seats, hasSeats: !seats.isEmpty,
            followUp: followUpView(site, municipality: municipality),
            followUpPath: site.path(.followUp(municipality.id)),
            events: events(site, selection),
            changes: changes(
                ChangeLog.entries(site.changes, municipality: municipality.slug),
                atomURL: site.changesURL(municipality)),
            feed: site.feedIndex.standard(selection).map { feedView($0, site: site) })
        return Templates.render(view, "municipality")
    }

    static func body(_ body: Body, site: Site) -> String {
        let registry = site.registry
        let day = dataDay(site)
        let detail = registry.bodyDetail(body.id, on: day)
        let members = withLaterSeats(detail.members + detail.staff, site: site) { $0.body.id == body.id }.map
        {
            seat in
            BodyView.MemberItem(
                person: personLabel(seat), personPath: site.path(.person(seat.person.id)),
                role: [seat.role.displayTitle, seat.municipality?.name].compactMap { $0 }.joined(
                    separator: ", "),
                term: term(seat, site: site))
        }
        let meetings = meetingIDs(registry).compactMap { registry[$0] }.filter { $0.body == body.id }
            .sorted { $0.time.sortDay > $1.time.sortDay }
            .map {
                BodyView.MeetingItem(
                    title: $0.title, when: swedishText($0.time), path: site.path(.meeting($0.id)),
                    cancelled: $0.isCancelled)
            }
        let selection = FeedSelection(body: body.id)
        let purpose = body.purpose.map { body.displayed($0, field: "purpose") }
        let view = BodyView(
            frame: Frame(
                site: site, title: "\(body.displayName) – Familjen Helsingborg", heading: body.displayName,
                lead: purpose,
                description:
                    "\(body.displayName) i Familjen Helsingborg: status, medlemmar, möten och kalender.",
                crumbs: [Frame.crumb(.body)]),
            kind: body.displayed(body.kind.label, field: "kind"), status: statusBadges(body, on: day),
            milestones: body.lifecycle.milestones.map { stage, start in
                BodyView.Milestone(
                    stage: stage.label, since: start.day.map(\.swedishText) ?? "före registrets början")
            },
            parent: body.parent.flatMap { registry[$0] }.map {
                BodyView.Link(
                    name: body.displayed($0.displayName, field: "parent"), path: site.path(.body($0.id)))
            },
            members: members, hasMembers: !members.isEmpty, meetings: meetings,
            hasMeetings: !meetings.isEmpty,
            events: events(site, selection),
            feed: site.feedIndex.standard(selection).map { feedView($0, site: site) })
        return Templates.render(view, "body")
    }

    static func meeting(_ meeting: Meeting, site: Site) -> String {
        let registry = site.registry
        let body = registry[meeting.body]
        func name(_ person: Person.ID) -> String { registry[person]?.name ?? person.rawValue }
        let groups = Attendance.Mode.allCases.compactMap { mode -> MeetingView.AttendanceGroup? in
            let attendees = meeting.attendance.filter { $0.mode == mode }.map {
                MeetingView.Attendee(
                    person: name($0.person), personPath: site.path(.person($0.person)),
                    forMunicipality: $0.municipality.map { registry[$0]?.name ?? $0.rawValue })
            }
            guard !attendees.isEmpty else { return nil }
            return MeetingView.AttendanceGroup(
                heading: mode.label.prefix(1).uppercased() + mode.label.dropFirst(), count: attendees.count,
                attendees: attendees)
        }
        let agenda = meeting.agenda.map {
            MeetingView.Item(
                number: $0.number, title: $0.title, summary: $0.summary,
                presenters: personNames($0.presenters.map { ($0, name($0)) }, site: site),
                hasPresenters: !$0.presenters.isEmpty)
        }
        let decisions = uniqueDecisions(registry).filter { $0.meeting == meeting.id }
            .sorted { ($0.item, $0.id) < ($1.item, $1.id) }
            .map { decision in
                MeetingView.DecisionItem(
                    item: decision.item, title: decision.displayed(decision.title, field: "title"),
                    path: site.path(.decision(decision.id)), text: decision.text,
                    deadline: decision.deadline.map { decision.displayed($0.swedishText, field: "deadline") })
            }
        let when = swedishText(meeting.time)
        let title = meeting.displayed(meeting.title, field: "title")
        let view = MeetingView(
            frame: Frame(
                site: site, title: "\(title) \(when) – Familjen Helsingborg", heading: title,
                lead: meeting.isCancelled ? "\(when) – inställt" : when,
                description: "\(title) \(when): tid och plats, närvaro, dagordning och beslut.",
                crumbs: [Frame.crumb(.meeting)], current: "\(title), \(when)"),
            cancelled: meeting.isCancelled, when: meeting.displayed(when, field: "time"),
            bodyName: body?.displayName ?? meeting.body.rawValue,
            bodyPath: body.flatMap { site.path(.body($0.id)) },
            place: meeting.place.map { meeting.displayed($0, field: "place") }, remote: meeting.remote,
            attendanceGroups: groups, agendaInferred: meeting.isInferred("agenda"), agenda: agenda,
            hasAgenda: !agenda.isEmpty, decisions: decisions, hasDecisions: !decisions.isEmpty,
            source: source(meeting.source, site: site))
        return Templates.render(view, "meeting")
    }

    static func decision(_ decision: Decision, site: Site) -> String {
        let registry = site.registry
        let meeting = registry[decision.meeting]
        let meetingTitle = meeting.map { "\($0.title), \(swedishText($0.time))" } ?? decision.meeting.rawValue
        // Each actor linked to its page: a person's, a body's or a municipality's.
        let actors = decision.actors.enumerated().map { index, actor in
            let (name, path): (String, String?) =
                switch actor {
                case .person(let id): (registry[id]?.name ?? id.rawValue, site.path(.person(id)))
                case .body(let id): (registry[id]?.displayName ?? id.rawValue, site.path(.body(id)))
                case .municipality(let id): (registry[id]?.name ?? id.rawValue, site.path(.municipality(id)))
                case .everyMunicipality: ("varje kommun", nil)
                }
            return PersonName(person: name, personPath: path, more: index < decision.actors.count - 1)
        }
        let actions = registry.actionRequests(of: decision.id).enumerated().map { offset, request in
            let standings = registry.recordedStandings(of: request)
            let answered = standings.count { !$0.status.isOpen }
            // An offer says who has given notice ("besked"); a request, how many have answered.
            let summary =
                request.kind == .offer
                ? Registry.followUpSummary(standings, kind: .offer)
                : "\(answered) av \(standings.count) har svarat."
            return DecisionView.ActionTable(
                anchor: "begaran-\(offset + 1)", lead: request.kind == .offer ? "Erbjudande" : "Begärt",
                captionNoun: request.kind == .offer ? "erbjudandet" : "begäran", what: request.what,
                by: request.by.swedishText,
                askedCount: standings.count, summary: summary,
                rows: standings.map { actionRow($0, site: site) })
        }
        let fieldNames = ["item": "punkt", "title": "rubrik", "deadline": "sista dag", "actors": "ansvariga"]
        let inferred = decision.inferred.map {
            DecisionView.InferredField(field: fieldNames[$0.field] ?? $0.field, reason: $0.reason)
        }
        let title = decision.displayed(decision.title, field: "title")
        let view = DecisionView(
            frame: Frame(
                site: site, title: "\(title) – Familjen Helsingborg", heading: title,
                lead: "Beslut vid \(meetingTitle)",
                description:
                    "Beslutet \(title) vid \(meetingTitle), och vilka som har svarat på vad det begär.",
                crumbs: [Frame.crumb(.decision)]),
            text: decision.text, meetingTitle: meetingTitle,
            meetingPath: meeting.flatMap { site.path(.meeting($0.id)) },
            item: decision.displayed(String(decision.item), field: "item"),
            deadline: decision.deadline.map { decision.displayed($0.swedishText, field: "deadline") },
            actors: actors, actorsMarker: decision.displayed("", field: "actors"),
            hasActors: !actors.isEmpty,
            inferred: inferred, hasInferred: !inferred.isEmpty, actions: actions,
            source: source(decision.source, site: site))
        return Templates.render(view, "decision")
    }

    /// The seats in force on the data's day, then those of `belongs` that begin after it,
    /// earliest first: the page's script shows each on the days it is in force.
    static func withLaterSeats(_ current: [Seat], site: Site, _ belongs: (Seat) -> Bool) -> [Seat] {
        let day = dataDay(site)
        let later = site.registry.allSeats.filter { seat in
            belongs(seat) && seat.from.map { $0 > day } == true
        }
        return current + later.sorted { ($0.from!, $0.person.name) < ($1.from!, $1.person.name) }
    }

    /// A seat's term as the page states it, when it begins after the data's day or ends at all.
    static func term(_ seat: Seat, site: Site) -> SeatTerm {
        dated(later: seat.from.flatMap { $0 > dataDay(site) ? $0 : nil }, to: seat.to)
    }

    /// The start page's line for a municipality's director: who holds the seat on the
    /// data's day, who follows, and the vacancies between, each with its dates, so the
    /// script shows the one in force on the reader's day (as the seat lists do).
    static func directorLines(_ municipality: Municipality, site: Site) -> [HomeView.DirectorLine] {
        let day = dataDay(site)
        let current = site.registry.representation(of: municipality.id, on: day).director.holders
        let seats = withLaterSeats(current, site: site) {
            $0.municipality?.id == municipality.id && $0.role.key == Role.director.key
        }
        // Those sharing the seat for the same term share a line.
        var terms: [(key: [Day?], seats: [Seat])] = []
        for seat in seats {
            let key = [seat.from.flatMap { $0 > day ? $0 : nil }, seat.to]
            if let index = terms.firstIndex(where: { $0.key == key }) {
                terms[index].seats.append(seat)
            } else {
                terms.append((key, [seat]))
            }
        }
        let held = terms.map { term in
            HomeView.DirectorLine(
                directorTitle: term.seats[0].role.displayTitle, vacant: false,
                names: personNames(term.seats.map { ($0.person.id, personLabel($0)) }, site: site),
                term: dated(later: term.key[0], to: term.key[1]))
        }
        let vacant = vacancies(seats, from: day).map { gap in
            HomeView.DirectorLine(
                directorTitle: Role.director.title, vacant: true, names: [],
                term: dated(later: gap.from > day ? gap.from : nil, to: gap.to))
        }
        return (held + vacant).sorted {
            ($0.term.fromISO ?? "", $0.term.toISO ?? "~") < ($1.term.fromISO ?? "", $1.term.toISO ?? "~")
        }
    }

    /// The stretches from `day` on when none of `seats` is in force, each from its first
    /// day to the first day filled again (nil when never).
    static func vacancies(_ seats: [Seat], from day: Day) -> [(from: Day, to: Day?)] {
        var reached: Day? = day
        var gaps: [(from: Day, to: Day?)] = []
        for seat in seats.sorted(by: { ($0.from ?? day) < ($1.from ?? day) }) {
            guard let covered = reached else { break }
            let start = max(seat.from ?? day, day)
            if start > covered { gaps.append((covered, start)) }
            reached = seat.to.map { max($0, covered) }
        }
        if let covered = reached { gaps.append((covered, nil)) }
        return gaps
    }

    /// One asked party's row: what the registry records of it, whatever the day; an open
    /// row carries its due day for the script to word "försenat" or "inte förfallet".
    static func actionRow(_ standing: ActionStanding, site: Site) -> DecisionView.ActionTable.Row {
        let registry = site.registry
        let partyPath: String? =
            switch standing.party {
            case .municipality(let id): site.path(.municipality(id))
            case .body(let id): site.path(.body(id))
            }
        let status: String
        let date: String
        var dueISO: String?
        switch standing.status {
        case .answered(let on), .declined(let on):
            (status, date) = (standing.status.phrase(for: standing.request.kind), on.swedishText)
        case .notYetDue(let due), .overdue(let due):
            (status, date, dueISO) = ("inte svarat", "senast \(due.swedishText)", due.description)
        case .noNotice(let by):
            // An offer is never late: no due day for the script to mark.
            (status, date) = (standing.status.phrase(for: .offer), "senast \(by.swedishText)")
        }
        let latest = standing.responses.last
        var answer = "–"
        if let latest {
            switch latest.answer {
            case .gave(let what): answer = "lämnat \(what)"
            case .declined: answer = "avböjt"
            case .askedForMoreTime(let until):
                answer = "bett den \(latest.on.swedishText) om anstånd till den \(until.swedishText)"
            }
        }
        let document = latest.flatMap { registry[$0.source.document] }
        let source =
            latest.map { response in
                (document.map { "\($0.title), \($0.date.swedishText)" } ?? response.source.document.rawValue)
                    + (response.source.item.map { ", punkt \($0)" } ?? "")
            } ?? "–"
        return DecisionView.ActionTable.Row(
            party: standing.partyName, partyPath: partyPath, status: status, dueISO: dueISO, date: date,
            answer: answer, source: source, sourceURL: document?.url.flatMap(webLink))
    }
}
