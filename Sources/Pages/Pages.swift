public import CalendarFeeds
public import ExportFiles
import ICalendar
public import Registry

/// The web pages: the start page, one per municipality, one per body and one per
/// meeting. Each builder is a pure function of the site and the day the page speaks for
/// ("as of"), so a test or a static export gets exactly what the server serves. The
/// builders gather plain values (`Views.swift`); the templates in `Templates/` turn them
/// into HTML and escape every value.
public enum Pages {
    /// The page at `path` (`SiteMap.page(at:)`), or nil when the site has no such page.
    public static func page(at path: some StringProtocol, site: Site, on day: Day) -> String? {
        site.siteMap.page(at: path).flatMap { page($0, site: site, on: day) }
    }

    /// The HTML of `page`, or nil when the registry has no such record.
    public static func page(_ page: SiteMap.Page, site: Site, on day: Day) -> String? {
        let registry = site.registry
        switch page {
        case .home: return home(site: site, on: day)
        case .municipality(let id): return registry[id].map { municipality($0, site: site, on: day) }
        case .body(let id): return registry[id].map { body($0, site: site, on: day) }
        case .meeting(let id): return registry[id].map { meeting($0, site: site, on: day) }
        case .decision(let id): return registry[id].map { decision($0, site: site, on: day) }
        }
    }

    /// Every page as an export file, at `SiteMap.file(_:)`: `index.html`, `kommuner/bjuv.html`, ….
    public static func files(site: Site, on day: Day) -> [ExportFile] {
        site.siteMap.pages.compactMap { page in
            guard let path = site.siteMap.file(page), let text = self.page(page, site: site, on: day) else {
                return nil
            }
            return ExportFile(path: path, text: text, lastModified: day)
        }
    }

    /// Each meeting's ID once, in the registry's order (a duplicate is the validator's
    /// to report; the page shows the record the registry finds by the ID).
    static func meetingIDs(_ registry: Registry) -> [Meeting.ID] {
        var seen = Set<Meeting.ID>()
        return registry.meetings.map(\.id).filter { seen.insert($0).inserted }
    }

    // MARK: - Pages

    static func home(site: Site, on day: Day) -> String {
        let registry = site.registry
        let municipalities = registry.municipalities.map { municipality in
            let directors = registry.representation(of: municipality.id, on: day).director.holders
            return HomeView.MunicipalityItem(
                name: municipality.name, path: site.path(.municipality(municipality.id)),
                directorTitle: directors.first?.role.title ?? Role.director.title,
                directors: directors.isEmpty ? "vakant" : directors.map(personLabel).joined(separator: ", "))
        }
        let bodies = registry.bodies.map { body in
            let badge = statusBadge(body, on: day)
            return HomeView.BodyRow(
                name: body.displayName, path: site.path(.body(body.id)),
                kind: body.displayed(body.kind.label, field: "kind"),
                badgeStage: badge.badgeStage,
                badgeLabel: badge.badgeLabel)
        }
        let general = site.feeds.filter {
            $0.selection.municipality == nil && $0.selection.body == nil && !$0.isArchive
        }
        let archives = site.feeds.filter(\.isArchive).reversed()
        let byMunicipality = site.feeds.filter { $0.selection.municipality != nil }
        let byBody = site.feeds.filter { $0.selection.body != nil }
        let view = HomeView(
            frame: Frame(
                title: "Familjen Helsingborg – samverkan och kalendrar", heading: "Familjen Helsingborg",
                lead: "Vilka som företräder de elva kommunerna, samverkans organ och nätverk, "
                    + "och kalendrar att prenumerera på.", back: false, asOf: day.swedishText),
            municipalities: municipalities, bodies: bodies,
            events: events(site, FeedSelection(), on: day),
            changes: changes(site.changes, atomURL: site.changesURL()),
            generalFeeds: general.map { feedView($0, site: site) },
            archiveFeeds: archives.map { feedView($0, site: site) }, archiveFeedCount: archives.count,
            hasArchives: !archives.isEmpty,
            municipalityFeeds: byMunicipality.map { feedView($0, site: site) },
            municipalityFeedCount: byMunicipality.count,
            bodyFeeds: byBody.map { feedView($0, site: site) }, bodyFeedCount: byBody.count,
            customExample: site.siteMap.feedURL(path: Feed.customPath)
                + "?municipality=bjuv&kind=meetings,deadlines")
        return Templates.render(view, "home")
    }

    static func municipality(_ municipality: Municipality, site: Site, on day: Day) -> String {
        let registry = site.registry
        let seats = registry.representation(of: municipality.id, on: day).representatives.compactMap {
            seat -> MunicipalityView.SeatItem? in
            guard let body = registry[seat.body.id] else { return nil }
            return MunicipalityView.SeatItem(
                person: personLabel(seat), role: seat.role.title, bodyName: body.displayName,
                bodyPath: site.path(.body(body.id)))
        }
        let openActions = registry.openActions(on: day, municipality: municipality.id).map { standing in
            let decision = registry[standing.request.decision]
            return MunicipalityView.OpenAction(
                what: standing.request.what,
                decisionTitle: decision.map { $0.displayed($0.title, field: "title") }
                    ?? standing.request.decision.rawValue,
                decisionPath: site.path(.decision(standing.request.decision)),
                due: standing.status.dueDay.swedishText,
                state: standing.status.isOverdue ? "försenat" : "inte förfallet")
        }
        let selection = FeedSelection(municipality: municipality.id)
        let view = MunicipalityView(
            frame: Frame(
                title: "\(municipality.name) – Familjen Helsingborg", heading: municipality.officialName,
                lead: nil, back: true, asOf: day.swedishText),
            municipalityName: municipality.name, seats: seats, hasSeats: !seats.isEmpty,
            openActions: openActions, hasOpenActions: !openActions.isEmpty,
            events: events(site, selection, on: day),
            changes: changes(
                ChangeLog.entries(site.changes, municipality: municipality.slug),
                atomURL: site.changesURL(municipality)),
            feed: site.feedIndex.standard(selection).map { feedView($0, site: site) })
        return Templates.render(view, "municipality")
    }

    static func body(_ body: Body, site: Site, on day: Day) -> String {
        let registry = site.registry
        let detail = registry.bodyDetail(body.id, on: day)
        let members = (detail.members + detail.staff).map { seat in
            BodyView.MemberItem(
                person: personLabel(seat),
                role: [seat.role.title, seat.municipality?.name].compactMap { $0 }.joined(separator: ", "))
        }
        let meetings = meetingIDs(registry).compactMap { registry[$0] }.filter { $0.body == body.id }
            .sorted { $0.time.sortDay > $1.time.sortDay }
            .map {
                BodyView.MeetingItem(
                    title: $0.title, when: swedishText($0.time), path: site.path(.meeting($0.id)),
                    cancelled: $0.isCancelled)
            }
        let selection = FeedSelection(body: body.id)
        let view = BodyView(
            frame: Frame(
                title: "\(body.displayName) – Familjen Helsingborg", heading: body.displayName,
                lead: body.purpose.map { body.displayed($0, field: "purpose") },
                back: true, asOf: day.swedishText),
            kind: body.displayed(body.kind.label, field: "kind"), status: statusBadge(body, on: day),
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
            events: events(site, selection, on: day),
            feed: site.feedIndex.standard(selection).map { feedView($0, site: site) })
        return Templates.render(view, "body")
    }

    static func meeting(_ meeting: Meeting, site: Site, on day: Day) -> String {
        let registry = site.registry
        let body = registry[meeting.body]
        func name(_ person: Person.ID) -> String { registry[person]?.name ?? person.rawValue }
        let groups = Attendance.Mode.allCases.compactMap { mode -> MeetingView.AttendanceGroup? in
            let attendees = meeting.attendance.filter { $0.mode == mode }.map {
                MeetingView.Attendee(
                    person: name($0.person),
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
                presenters: $0.presenters.isEmpty ? nil : $0.presenters.map(name).joined(separator: ", "))
        }
        var seen = Set<Decision.ID>()
        let decisions = registry.decisions.filter { $0.meeting == meeting.id && seen.insert($0.id).inserted }
            .sorted { ($0.item, $0.id) < ($1.item, $1.id) }
            .map { decision in
                MeetingView.DecisionItem(
                    item: decision.item, title: decision.displayed(decision.title, field: "title"),
                    path: site.path(.decision(decision.id)), text: decision.text,
                    deadline: decision.deadline.map { decision.displayed($0.swedishText, field: "deadline") })
            }
        let document = registry[meeting.source.document]
        let when = swedishText(meeting.time)
        let title = meeting.displayed(meeting.title, field: "title")
        let view = MeetingView(
            frame: Frame(
                title: "\(title) \(when) – Familjen Helsingborg", heading: title,
                lead: meeting.isCancelled ? "\(when) – inställt" : when, back: true, asOf: day.swedishText),
            cancelled: meeting.isCancelled, when: meeting.displayed(when, field: "time"),
            bodyName: body?.displayName ?? meeting.body.rawValue,
            bodyPath: body.flatMap { site.path(.body($0.id)) },
            place: meeting.place.map { meeting.displayed($0, field: "place") }, remote: meeting.remote,
            attendanceGroups: groups, agendaInferred: meeting.isInferred("agenda"), agenda: agenda,
            hasAgenda: !agenda.isEmpty, decisions: decisions,
            hasDecisions: !decisions.isEmpty,
            sourceTitle: document.map { "\($0.title), \($0.date.swedishText)" }
                ?? meeting.source.document.rawValue,
            sourceLink: document?.url.flatMap(webLink), sourceItem: meeting.source.item)
        return Templates.render(view, "meeting")
    }

    static func decision(_ decision: Decision, site: Site, on day: Day) -> String {
        let registry = site.registry
        let meeting = registry[decision.meeting]
        let meetingTitle =
            meeting.map { "\($0.title), \(swedishText($0.time))" } ?? decision.meeting.rawValue
        let actors = decision.actors.map { actor in
            switch actor {
            case .person(let id): registry[id]?.name ?? id.rawValue
            case .body(let id): registry[id]?.displayName ?? id.rawValue
            case .municipality(let id): registry[id]?.name ?? id.rawValue
            case .everyMunicipality: "varje kommun"
            }
        }
        let followUp = registry.followUp(of: decision, on: day)
        let actions = registry.actionRequests(of: decision.id).enumerated().map { offset, request in
            let standings = followUp.rows.filter { $0.request.id == request.id }
            let answered = standings.count { !$0.status.isOpen }
            let overdue = standings.count { $0.status.isOverdue }
            var summary = "\(answered) av \(standings.count) har svarat"
            summary += overdue == 0 ? "." : ", \(overdue) \(overdue == 1 ? "är försenad" : "är försenade")."
            return DecisionView.ActionTable(
                anchor: "begaran-\(offset + 1)", what: request.what, by: request.by.swedishText,
                askedCount: standings.count, statusDate: day.swedishText, summary: summary,
                rows: standings.map { actionRow($0, site: site) })
        }
        let fieldNames = [
            "item": "punkt", "title": "rubrik", "deadline": "sista dag", "actors": "ansvariga",
        ]
        let inferred = decision.inferred.map {
            DecisionView.InferredField(field: fieldNames[$0.field] ?? $0.field, reason: $0.reason)
        }
        let document = registry[decision.source.document]
        let title = decision.displayed(decision.title, field: "title")
        let view = DecisionView(
            frame: Frame(
                title: "\(title) – Familjen Helsingborg", heading: title,
                lead: "Beslut vid \(meetingTitle)", back: true, asOf: day.swedishText),
            text: decision.text, meetingTitle: meetingTitle,
            meetingPath: meeting.flatMap { site.path(.meeting($0.id)) },
            item: decision.displayed(String(decision.item), field: "item"),
            deadline: decision.deadline.map { decision.displayed($0.swedishText, field: "deadline") },
            actors: decision.displayed(actors.joined(separator: ", "), field: "actors"),
            hasActors: !actors.isEmpty, inferred: inferred, hasInferred: !inferred.isEmpty, actions: actions,
            sourceTitle: document.map { "\($0.title), \($0.date.swedishText)" }
                ?? decision.source.document.rawValue,
            sourceLink: document?.url.flatMap(webLink), sourceItem: decision.source.item)
        return Templates.render(view, "decision")
    }

    /// One asked party's row: where it stands on the page's day, and its latest answer.
    static func actionRow(_ standing: ActionStanding, site: Site) -> DecisionView.ActionTable.Row {
        let registry = site.registry
        let partyPath: String? =
            switch standing.party {
            case .municipality(let id): site.path(.municipality(id))
            case .body(let id): site.path(.body(id))
            }
        let status: String
        let date: String
        switch standing.status {
        case .answered(let on): (status, date) = ("har svarat", on.swedishText)
        case .declined(let on): (status, date) = ("har avböjt", on.swedishText)
        case .notYetDue(let due): (status, date) = ("inte förfallet", "senast \(due.swedishText)")
        case .overdue(let due): (status, date) = ("försenat", "senast \(due.swedishText)")
        }
        let latest = standing.responses.last
        var answer = "–"
        if let latest {
            switch latest.answer {
            case .gave(let what): answer = "lämnat \(what)"
            case .declined: answer = "avböjt"
            case .askedForMoreTime(let until):
                answer = "bad den \(latest.on.swedishText) om anstånd till \(until.swedishText)"
            }
        }
        let source =
            latest.map { response in
                let document = registry[response.source.document]
                return
                    (document.map { "\($0.title), \($0.date.swedishText)" }
                    ?? response.source.document.rawValue)
                    + (response.source.item.map { ", punkt \($0)" } ?? "")
            } ?? "–"
        return DecisionView.ActionTable.Row(
            party: standing.partyName, partyPath: partyPath, status: status, date: date, answer: answer,
            source: source)
    }

    // MARK: - Parts

    static func statusBadge(_ body: Body, on day: Day) -> StatusBadge {
        guard let stage = body.lifecycle.stage(on: day) else {
            return StatusBadge(badgeStage: nil, badgeLabel: "ej föreslaget")
        }
        return StatusBadge(badgeStage: stage.rawValue, badgeLabel: stage.label)
    }

    /// What comes next, and what happened last, for the events a feed would hold.
    static func events(_ site: Site, _ selection: FeedSelection, on day: Day) -> EventsView {
        let upcoming = site.upcoming(from: day, matching: selection).map { row($0, site: site) }
        let recent = site.recent(before: day, matching: selection).map { row($0, site: site) }
        return EventsView(
            asOf: day.swedishText, upcoming: upcoming, hasUpcoming: !upcoming.isEmpty, recent: recent,
            hasRecent: !recent.isEmpty)
    }

    static func row(_ event: Event, site: Site) -> EventsView.Row {
        // The summary and place a subscriber's calendar shows, in the same words.
        let shown = site.registry.calendarEvent(event)
        var details = [event.kind.label]
        if let location = shown.location { details.append(location) }
        let meeting: Meeting.ID? =
            switch event.origin {
            case .meeting(let id): id
            case .deadline(let id): site.registry[id]?.meeting
            case .startDate: nil
            }
        return EventsView.Row(
            date: event.day.swedishText,
            clock: event.timing.start.flatMap { from in event.timing.end.map { "\(from)–\($0)" } },
            summary: shown.summary, cancelled: event.isCancelled, details: details.joined(separator: " · "),
            meetingPath: meeting.flatMap { site.path(.meeting($0)) })
    }

    /// The newest entries of a change log (newest first already), at most `limit`.
    static func changes(_ entries: [ChangeEntry], atomURL: String, limit: Int = 10) -> ChangesView {
        let items = entries.prefix(limit).map { entry in
            ChangesView.Item(
                date: entry.day.swedishText, iso: entry.date.description, text: entry.text,
                url: entry.url)
        }
        return ChangesView(items: items, hasItems: !items.isEmpty, atomURL: atomURL)
    }

    /// A subscribe button (webcal), the plain address with a copy button, and Google's
    /// add-by-address link.
    static func feedView(_ feed: Feed, site: Site) -> FeedView {
        FeedView(
            name: feed.name, description: feed.description,
            elementID: "url-" + feed.path.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined(),
            url: site.feedURL(feed), webcal: site.webcalURL(feed), google: site.googleCalendarURL(feed))
    }

    /// "10 april 2026, 08.30–10.30", "10 april 2026, tid ej bestämd", "april 2026".
    static func swedishText(_ time: MeetingTime) -> String {
        func clock(_ time: LocalTime) -> String { "\(Day.pad(time.hour, 2)).\(Day.pad(time.minute, 2))" }
        switch time {
        case .timed(let day, let from, let to): return "\(day.swedishText), \(clock(from))–\(clock(to))"
        case .day(let day): return "\(day.swedishText), tid ej bestämd"
        case .month(let year, let month):
            let text = Day(year, month, 1).swedishText
            return String(text.drop { $0 != " " }.dropFirst())
        }
    }

    /// A document's address, when it is a web address (never `javascript:` and the like).
    static func webLink(_ url: String) -> String? {
        url.hasPrefix("https://") || url.hasPrefix("http://") ? url : nil
    }

    /// A person's name, marked "(tf)" when they act in the role.
    static func personLabel(_ seat: Seat) -> String {
        seat.acting ? "\(seat.person.name) (tf)" : seat.person.name
    }
}
