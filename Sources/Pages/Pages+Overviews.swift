import CalendarFeeds
import Registry

// The folders' own pages: every municipality, body, meeting and decision, and what is
// asked and not yet answered, across the registry and per municipality.
extension Pages {
    static func index(_ folder: SiteMap.Folder, site: Site) -> String {
        switch folder {
        case .municipality: return municipalityIndex(site: site)
        case .body: return bodyIndex(site: site)
        case .meeting: return meetingOverview(site: site)
        case .decision: return decisionOverview(site: site)
        case .followUp: return followUpOverview(site: site)
        case .person: return personIndex(site: site)
        }
    }

    /// Everyone with a personal calendar, in Swedish order, with what they do today.
    static func personIndex(site: Site) -> String {
        let registry = site.registry
        let day = dataDay(site)
        let links = SwedishCollation.sorted(registry.personalFeedHolders, by: \.name).map { person in
            let seats = registry.representation(ofPerson: person.id, on: day).current
            let note = seats.map { seat in
                [seat.role.displayTitle, seat.body.displayName, seat.municipality?.name].compactMap { $0 }
                    .joined(
                        separator: ", ")
            }.joined(separator: "; ")
            return ListView.Link(
                linkText: person.name, linkPath: site.path(.person(person.id)),
                note: note.isEmpty ? "inget uppdrag just nu" : note, struck: false)
        }
        return list(
            site, .person,
            description:
                "Personerna i Familjen Helsingborgs organ och nätverk, var och en med egen kalender.",
            intro:
                "Varje person har en sida med sina uppdrag, sina kommande möten och sista dagar och en egen kalender.",
            groups: [ListView.Group(groupHeading: nil, groupID: nil, links: links)])
    }

    static func municipalityIndex(site: Site) -> String {
        let links = SwedishCollation.sorted(site.registry.municipalities, by: \.name).map {
            ListView.Link(
                linkText: $0.name, linkPath: site.path(.municipality($0.id)), note: $0.officialName,
                struck: false)
        }
        return list(
            site, .municipality,
            description:
                "De elva kommunerna i Familjen Helsingborg, var och en med företrädare och kalender.",
            intro:
                "Varje kommun har en sida med sina företrädare, sin kalender och det som beslut begär av den.",
            groups: [ListView.Group(groupHeading: nil, groupID: nil, links: links)])
    }

    static func bodyIndex(site: Site) -> String {
        let day = dataDay(site)
        let links = SwedishCollation.sorted(site.registry.bodies, by: \.displayName).map { body in
            ListView.Link(
                linkText: body.displayName, linkPath: site.path(.body(body.id)),
                note:
                    "\(body.displayed(body.kind.label, field: "kind")) · \(statusBadges(body, on: day)[0].badgeLabel)",
                struck: false)
        }
        return list(
            site, .body, description: "Familjen Helsingborgs organ, nätverk och arbetsgrupper.",
            intro: "Organ, nätverk och arbetsgrupper i samverkan, med status, medlemmar och möten.",
            groups: [ListView.Group(groupHeading: nil, groupID: nil, links: links)])
    }

    /// Every meeting, newest first, under the body that held it.
    static func meetingOverview(site: Site) -> String {
        let registry = site.registry
        let meetings = meetingIDs(registry).compactMap { registry[$0] }
        let bodies = SwedishCollation.sorted(
            Set(meetings.map(\.body)), by: { registry[$0]?.displayName ?? $0.rawValue })
        let groups = bodies.map { body in
            ListView.Group(
                groupHeading: registry[body]?.displayName ?? body.rawValue, groupID: "organ-\(body.rawValue)",
                links: meetings.filter { $0.body == body }.sorted { $0.time.sortDay > $1.time.sortDay }.map {
                    ListView.Link(
                        linkText: "\($0.displayed($0.title, field: "title")), \(swedishText($0.time))",
                        linkPath: site.path(.meeting($0.id)), note: $0.isCancelled ? "Inställt" : $0.place,
                        struck: $0.isCancelled)
                })
        }
        return list(
            site, .meeting, description: "Alla möten i Familjen Helsingborgs samverkan, det senaste först.",
            intro: "Alla möten i registret, det senaste först, under det organ som höll dem.", groups: groups,
            empty: "Inga möten i registret.")
    }

    /// Every decision, newest meeting first, with how many have answered what it asks.
    static func decisionOverview(site: Site) -> String {
        let registry = site.registry
        let decisions = uniqueDecisions(registry).sorted {
            let (a, b) = (registry[$0.meeting]?.time.sortDay, registry[$1.meeting]?.time.sortDay)
            return a == b ? ($0.item, $0.id) < ($1.item, $1.id) : (a ?? Day(1, 1, 1)) > (b ?? Day(1, 1, 1))
        }
        let links = decisions.map { decision in
            let meeting = registry[decision.meeting]
            var note = meeting.map { "\($0.title), \(swedishText($0.time)), punkt \(decision.item)" } ?? ""
            let standings = registry.actionRequests(of: decision.id).flatMap {
                registry.recordedStandings(of: $0)
            }
            if !standings.isEmpty {
                let given = standings.count { !$0.status.isOpen }
                let offer = standings.allSatisfy { $0.request.kind == .offer }
                note += " · \(given) av \(standings.count) har \(offer ? "lämnat besked" : "svarat")"
            }
            return ListView.Link(
                linkText: decision.displayed(decision.title, field: "title"),
                linkPath: site.path(.decision(decision.id)), note: note, struck: false)
        }
        return list(
            site, .decision,
            description: "Alla beslut i Familjen Helsingborgs samverkan och var det de begär står.",
            intro:
                "Alla beslut i registret, det senaste mötets först, och hur många som har svarat på det de begär.",
            groups: [ListView.Group(groupHeading: nil, groupID: nil, links: links)],
            empty: "Inga beslut i registret.")
    }

    static func followUpOverview(site: Site) -> String {
        let view = FollowUpPageView(
            frame: Frame(
                site: site, title: "Uppföljning av beslut – Familjen Helsingborg",
                heading: "Uppföljning av beslut",
                lead: "Det som beslut begär och som ännu inte är besvarat, i alla kommuner, det som skulle "
                    + "vara klart först först.",
                description: "Obesvarade begäranden i Familjen Helsingborgs beslut, per kommun och sista dag."
            ),
            followUp: followUpView(site, municipality: nil), others: followUpLinks(site))
        return Templates.render(view, "follow_up")
    }

    static func followUp(of municipality: Municipality, site: Site) -> String {
        let view = FollowUpPageView(
            frame: Frame(
                site: site, title: "Uppföljning: \(municipality.name) – Familjen Helsingborg",
                heading: "Uppföljning: \(municipality.name)",
                lead: "Det som beslut begär av \(municipality.name) och som ännu inte är besvarat.",
                description: "Det som beslut i Familjen Helsingborg begär av \(municipality.name) och som "
                    + "inte är besvarat.",
                crumbs: [Frame.crumb(.followUp)], current: municipality.name),
            followUp: followUpView(site, municipality: municipality), others: followUpLinks(site))
        return Templates.render(view, "follow_up")
    }

    /// What is asked and not answered by everything the registry records, by the day it
    /// is due: what is overdue on any day comes first. One municipality's, or everyone's.
    static func followUpView(_ site: Site, municipality: Municipality?) -> FollowUpView {
        let registry = site.registry
        let open = uniqueDecisions(registry).flatMap { registry.actionRequests(of: $0.id) }
            .flatMap { registry.recordedStandings(of: $0) }
            .filter { standing in
                standing.status.isOpen
                    && (municipality.map { standing.party == .municipality($0.id) } ?? true)
            }
            .enumerated().sorted { a, b in
                let keyA = (a.element.status.dueDay, a.element.request.id.rawValue, a.offset)
                let keyB = (b.element.status.dueDay, b.element.request.id.rawValue, b.offset)
                return keyA < keyB
            }.map(\.element)
        let items = open.map { standing in
            let decision = registry[standing.request.decision]
            let partyPath: String? =
                switch standing.party {
                case .municipality(let id): site.path(.municipality(id))
                case .body(let id): site.path(.body(id))
                }
            let movedTo = standing.responses.last.flatMap { response -> Day? in
                if case .askedForMoreTime(let until) = response.answer { return until }
                return nil
            }
            return FollowUpView.Item(
                what: standing.request.what, party: municipality == nil ? standing.partyName : nil,
                partyPath: municipality == nil ? partyPath : nil,
                decisionTitle: decision.map { $0.displayed($0.title, field: "title") }
                    ?? standing.request.decision.rawValue,
                decisionPath: site.path(.decision(standing.request.decision)),
                due: standing.status.dueDay.swedishText,
                dueISO: standing.request.kind == .offer ? nil : standing.status.dueDay.description,
                state: standing.request.kind == .offer
                    ? standing.status.phrase(for: .offer)
                    : movedTo == nil ? "inte svarat" : "har bett om anstånd")
        }
        let who = municipality?.name
        return FollowUpView(
            caption: who.map {
                "Det som \($0) ska göra och inte har gjort, det som skulle vara klart först först"
            }
                ?? "Obesvarade begäranden i alla kommuner, det som skulle vara klart först först",
            captionID: "uppfoljning-tabell", items: items, hasItems: !items.isEmpty,
            showsParty: municipality == nil,
            noneText: who.map { "Inget som beslut begär av \($0) är obesvarat." }
                ?? "Inget som beslut begär är obesvarat.")
    }

    /// Each municipality's own follow-up page, for filtering without a script.
    static func followUpLinks(_ site: Site) -> [ListView.Link] {
        SwedishCollation.sorted(site.registry.municipalities, by: \.name).map {
            ListView.Link(linkText: $0.name, linkPath: site.path(.followUp($0.id)), note: nil, struck: false)
        }
    }

    /// A folder's page of links.
    static func list(
        _ site: Site, _ folder: SiteMap.Folder, description: String, intro: String, groups: [ListView.Group],
        empty: String? = nil
    ) -> String {
        let isEmpty = groups.allSatisfy(\.links.isEmpty)
        let view = ListView(
            frame: Frame(
                site: site, title: "\(folder.heading) – Familjen Helsingborg", heading: folder.heading,
                description: description),
            intro: intro, groups: isEmpty ? [] : groups, emptyText: isEmpty ? empty : nil)
        return Templates.render(view, "list")
    }
}
