import CalendarFeeds
public import ExportFiles
import ICalendar
public import Registry

/// The web pages: the start page, one per municipality and one per body. Each builder
/// is a pure function of the site and the day the page speaks for ("as of"), so a test
/// or a static export gets exactly what the server serves.
public enum Pages {
    /// The page at `path` (`/`, `/kommuner/bjuv`, `/organ/energinatverket`), or nil.
    public static func page(at path: some StringProtocol, site: Site, on day: Day) -> String? {
        if path == "/" || path == "/index.html" { return home(site: site, on: day) }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].isEmpty else { return nil }
        switch parts[1] {
        case "kommuner":
            guard let municipality = site.registry.municipalities.first(where: { $0.slug == parts[2] })
            else { return nil }
            return self.municipality(municipality, site: site, on: day)
        case "organ":
            guard let body = site.registry.bodies.first(where: { $0.slug == parts[2] }) else { return nil }
            return self.body(body, site: site, on: day)
        default:
            return nil
        }
    }

    /// Every page as an export file: `index.html`, `kommuner/bjuv.html`, `organ/….html`.
    public static func files(site: Site, on day: Day) -> [ExportFile] {
        var files = [ExportFile(path: "index.html", text: home(site: site, on: day), lastModified: day)]
        for municipality in site.registry.municipalities {
            files.append(
                ExportFile(
                    path: "kommuner/\(municipality.slug).html",
                    text: self.municipality(municipality, site: site, on: day), lastModified: day))
        }
        for body in site.registry.bodies {
            files.append(
                ExportFile(
                    path: "organ/\(body.slug).html", text: self.body(body, site: site, on: day),
                    lastModified: day))
        }
        return files
    }

    // MARK: - Pages

    static func home(site: Site, on day: Day) -> String {
        let registry = site.registry
        var html = header(
            title: "Familjen Helsingborg",
            lead: "Vilka som företräder de elva kommunerna, samverkans organ och nätverk, "
                + "och kalendrar att prenumerera på.", on: day)
        html += """
            <nav class="jump"><a href="#kalendrar">Prenumerera</a> <a href="#kommuner">Kommunerna</a> \
            <a href="#organ">Organ och nätverk</a> <a href="#kommande">Kommande</a></nav>

            """
        html += "<main>\n<section id=\"kommuner\">\n<h2>Kommunerna</h2>\n<ul class=\"plain\">\n"
        for municipality in registry.municipalities {
            let directors = registry.representation(of: municipality.id, on: day).director.holders
            let names =
                directors.isEmpty
                ? "kommundirektör: vakant"
                : "kommundirektör: " + directors.map(personLabel).joined(separator: ", ")
            html += "<li><h3><a href=\"\(municipality.pagePath)\">\(HTML.escape(municipality.name))</a></h3>"
            html += "<span class=\"muted\">\(HTML.escape(names))</span></li>\n"
        }
        html += "</ul>\n</section>\n"
        html += bodiesSection(registry.bodies, site: site, on: day)
        html += eventsSection(site, FeedSelection(), on: day)
        html += "<section id=\"kalendrar\">\n<h2>Prenumerera på kalendrar</h2>\n\(howTo)\n"
        let general = site.feeds.filter { $0.selection.municipality == nil && $0.selection.body == nil }
        for feed in general { html += feedBlock(feed, site: site) }
        let byMunicipality = site.feeds.filter { $0.selection.municipality != nil }
        let byBody = site.feeds.filter { $0.selection.body != nil }
        html += "<details><summary>En kalender per kommun (\(byMunicipality.count))</summary>\n"
        for feed in byMunicipality { html += feedBlock(feed, site: site) }
        html +=
            "</details>\n<details><summary>En kalender per organ och nätverk (\(byBody.count))</summary>\n"
        for feed in byBody { html += feedBlock(feed, site: site) }
        html += "</details>\n\(customFeedNote(site))</section>\n</main>\n"
        html += footer(site)
        return HTML.document(title: "Familjen Helsingborg – samverkan och kalendrar", body: html)
    }

    static func municipality(_ municipality: Municipality, site: Site, on day: Day) -> String {
        let registry = site.registry
        var html = header(title: municipality.officialName, lead: nil, on: day, back: true)
        html += "<main>\n<section id=\"foretradare\">\n<h2>Företrädare</h2>\n"
        let seats = registry.representation(of: municipality.id, on: day).representatives
        if seats.isEmpty {
            html += "<p>Ingen företräder \(HTML.escape(municipality.name)) i registret den här dagen.</p>\n"
        } else {
            html += "<ul class=\"plain\">\n"
            for seat in seats {
                let body = registry[seat.body.id]
                html += "<li><h3>\(HTML.escape(personLabel(seat)))</h3><span class=\"muted\">"
                html += HTML.escape(seat.role.title) + " i "
                html += body.map { "<a href=\"\($0.pagePath)\">\(HTML.escape($0.name))</a>" } ?? ""
                html += "</span></li>\n"
            }
            html += "</ul>\n"
        }
        html += "</section>\n"
        html += eventsAndFeed(FeedSelection(municipality: municipality.id), site: site, on: day)
        return HTML.document(title: "\(municipality.name) – Familjen Helsingborg", body: html)
    }

    static func body(_ body: Body, site: Site, on day: Day) -> String {
        let registry = site.registry
        var html = header(title: body.name, lead: body.purpose, on: day, back: true)
        html += "<main>\n<section id=\"status\">\n<h2>Status</h2>\n<p>\(HTML.escape(body.kind.label)), "
        html += statusBadge(body, on: day) + "</p>\n<ul>\n"
        for (stage, start) in body.lifecycle.milestones {
            let when = start.day.map(\.swedishText) ?? "före registrets början"
            html += "<li>\(HTML.escape(stage.label)): \(HTML.escape(when))</li>\n"
        }
        html += "</ul>\n"
        if let parent = body.parent.flatMap({ registry[$0] }) {
            html +=
                "<p>Rapporterar till <a href=\"\(parent.pagePath)\">\(HTML.escape(parent.name))</a>.</p>\n"
        }
        html += "</section>\n<section id=\"medlemmar\">\n<h2>Medlemmar</h2>\n"
        let detail = registry.bodyDetail(body.id, on: day)
        if detail.members.isEmpty && detail.staff.isEmpty {
            html += "<p>Inga medlemmar i registret den här dagen.</p>\n"
        } else {
            html += "<ul class=\"plain\">\n"
            for seat in detail.members + detail.staff {
                let role = [seat.role.title, seat.municipality?.name].compactMap { $0 }.joined(
                    separator: ", ")
                html += "<li><h3>\(HTML.escape(personLabel(seat)))</h3>"
                html += "<span class=\"muted\">\(HTML.escape(role))</span></li>\n"
            }
            html += "</ul>\n"
        }
        html += "</section>\n"
        html += eventsAndFeed(FeedSelection(body: body.id), site: site, on: day)
        return HTML.document(title: "\(body.name) – Familjen Helsingborg", body: html)
    }

    // MARK: - Parts

    static func header(title: String, lead: String?, on day: Day, back: Bool = false) -> String {
        var html = "<header>\n"
        if back { html += "<p><a href=\"/\">← Familjen Helsingborg</a></p>\n" }
        html += "<h1>\(HTML.escape(title))</h1>\n"
        if let lead { html += "<p>\(HTML.escape(lead))</p>\n" }
        html += "<p class=\"muted\">Uppgifter per \(HTML.escape(day.swedishText)).</p>\n</header>\n"
        return html
    }

    static func bodiesSection(_ bodies: [Body], site: Site, on day: Day) -> String {
        var html = "<section id=\"organ\">\n<h2>Organ och nätverk</h2>\n<table>\n"
        html += "<thead><tr><th>Namn</th><th>Slag</th><th>Status</th></tr></thead>\n<tbody>\n"
        for body in bodies {
            html += "<tr><td><a href=\"\(body.pagePath)\">\(HTML.escape(body.name))</a></td>"
            html += "<td>\(HTML.escape(body.kind.label))</td><td>\(statusBadge(body, on: day))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    static func statusBadge(_ body: Body, on day: Day) -> String {
        guard let stage = body.lifecycle.stage(on: day) else {
            return "<span class=\"status\">ej föreslaget</span>"
        }
        return "<span class=\"status status-\(stage.rawValue)\">\(HTML.escape(stage.label))</span>"
    }

    /// What comes next, and what happened last, for the events a feed would hold.
    static func eventsSection(_ site: Site, _ selection: FeedSelection, on day: Day) -> String {
        var html = "<section id=\"kommande\">\n<h2>Kommande</h2>\n"
        let upcoming = site.upcoming(from: day, matching: selection)
        if upcoming.isEmpty {
            html += "<p>Inget inplanerat från och med \(HTML.escape(day.swedishText)).</p>\n"
        } else {
            html += eventTable(upcoming, site: site)
        }
        html += "</section>\n"
        let recent = site.recent(before: day, matching: selection)
        if !recent.isEmpty {
            html +=
                "<section id=\"senaste\">\n<h2>Senaste</h2>\n" + eventTable(recent, site: site)
                + "</section>\n"
        }
        return html
    }

    static func eventTable(_ events: [Event], site: Site) -> String {
        var html = "<table>\n<tbody>\n"
        for event in events {
            // The summary and place a subscriber's calendar shows, in the same words.
            let shown = site.registry.calendarEvent(event)
            let when: String
            switch event.timing {
            case .timed(let date, let from, let to): when = "\(date.swedishText)<br>\(from)–\(to)"
            case .allDay(let date): when = date.swedishText
            }
            let cancelled = event.isCancelled ? " class=\"cancelled\"" : ""
            html +=
                "<tr><td class=\"when\">\(when)</td><td><span\(cancelled)>\(HTML.escape(shown.summary))</span>"
            var details = [event.kind.label]
            if let location = shown.location { details.append(location) }
            html +=
                "<br><span class=\"muted\">\(HTML.escape(details.joined(separator: " · ")))</span></td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// A subscribe button (webcal), the plain address with a copy button.
    static func feedBlock(_ feed: Feed, site: Site) -> String {
        let id = "url-" + feed.path.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        let url = HTML.escape(site.feedURL(feed))
        return """
            <div class="feed"><h3>\(HTML.escape(feed.name))</h3>\
            <p class="muted">\(HTML.escape(feed.description))</p>\
            <div class="row"><a class="button" href="\(HTML.escape(site.webcalURL(feed)))">Prenumerera</a>\
            <input id="\(id)" type="url" readonly value="\(url)" aria-label="Kalenderns adress">\
            <button class="button" type="button" data-copy="\(id)">Kopiera</button></div></div>

            """
    }

    static let howTo = """
        <details open><summary>Så lägger du till en kalender</summary>
        <ul>
        <li><b>Google Kalender</b> (webben): Andra kalendrar → + → Från webbadress, klistra in adressen.</li>
        <li><b>Outlook</b>: Lägg till kalender → Prenumerera från webben, klistra in adressen.</li>
        <li><b>Apple Kalender</b>: tryck på Prenumerera, eller Arkiv → Ny kalenderprenumeration och klistra in adressen.</li>
        </ul>
        <p class="muted">Kalendern uppdateras av sig själv när något ändras. Google hämtar ändringar ungefär en gång per dygn.</p>
        </details>
        """

    static func customFeedNote(_ site: Site) -> String {
        let example = "\(site.publicURL)/feeds/custom.ics?municipality=bjuv&kind=meetings,deadlines"
        return """
            <p class="muted">Eget urval: <code>/feeds/custom.ics</code> med <code>kind</code> \
            (meetings, deadlines, start-dates), <code>municipality</code> och <code>body</code>, \
            till exempel <a href="\(HTML.escape(example))">\(HTML.escape(example))</a>.</p>

            """
    }

    static func footer(_ site: Site) -> String {
        """
        <footer><p>Familjen Helsingborg: Helsingborg, Höganäs, Ängelholm, Båstad, Örkelljunga, Klippan, \
        Åstorp, Bjuv, Svalöv, Landskrona och Perstorp. Uppgifterna kommer från protokoll och beslut; \
        maskinläsbart under <a href="/api/">/api/</a>.</p></footer>

        """
    }

    /// The seats held for a municipality on `day`: directors first, then by body.
    /// A person's name, marked "(tf)" when they act in the role.
    static func personLabel(_ seat: Seat) -> String {
        seat.acting ? "\(seat.person.name) (tf)" : seat.person.name
    }

    /// The end of a municipality's or a body's page: its events, its feed, how to subscribe.
    static func eventsAndFeed(_ selection: FeedSelection, site: Site, on day: Day) -> String {
        var html = eventsSection(site, selection, on: day)
        html += "<section id=\"kalendrar\">\n<h2>Kalender</h2>\n"
        if let feed = site.feed(for: selection) { html += feedBlock(feed, site: site) }
        return html + howTo + "\n</section>\n</main>\n" + footer(site)
    }
}
