import ExportFiles
import Registry

/// The digest's words: the same sections as plain text and as HTML, in Swedish.
enum DigestText {
    /// The sections in order, each with its heading and what to say when empty (nil:
    /// leave the section out).
    static func sections(_ content: DigestContent) -> [(
        heading: String, items: [DigestContent.Item], empty: String?
    )] {
        let next = content.week.adding(weeks: 1).number
        return [
            ("Dina möten vecka \(content.week.number) och \(next)", content.meetings, "Inga möten."),
            ("Sista dagar vecka \(content.week.number) och \(next)", content.deadlines, "Inga sista dagar."),
            ("Försenat för din kommun", content.overdue, nil),
            ("Ändringar sedan förra veckobrevet", content.changes, "Inga ändringar."),
        ]
    }

    static func greeting(_ content: DigestContent) -> String {
        "Hej \(content.person.name)! Här är det som rör dig i Familjen Helsingborg "
            + "vecka \(content.week.number) och \(content.week.adding(weeks: 1).number)."
    }

    static func subscribing(_ content: DigestContent) -> [String] {
        [
            "Din kalender finns att prenumerera på. Den uppdateras själv när ett möte flyttas eller ställs in:",
            content.feedURL,
            "Lägg till adressen i din kalenderapp (i Google Kalender: Andra kalendrar, Från webbadress; "
                + "i Outlook: Lägg till kalender, Prenumerera från webben)."
                + (content.pageURL.map { " Knappar och hjälp finns på din sida: \($0)" } ?? ""),
        ]
    }

    static let footer =
        "Det här brevet skickas automatiskt varje måndag från Familjen Helsingborgs registerkalender. "
        + "Svara på brevet om du inte vill få det."

    static func plain(_ content: DigestContent) -> String {
        var lines = [greeting(content), ""]
        for section in sections(content) {
            guard !section.items.isEmpty || section.empty != nil else { continue }
            lines.append(section.heading)
            if section.items.isEmpty { lines.append("- \(section.empty!)") }
            for item in section.items {
                lines.append("- \(item.when): \(item.text)")
                if let url = item.url { lines.append("  \(url)") }
            }
            lines.append("")
        }
        lines += subscribing(content) + ["", footer]
        return lines.joined(separator: "\n") + "\n"
    }

    static func html(_ content: DigestContent) -> String {
        var html = [
            "<!DOCTYPE html>", "<html lang=\"sv\">", "<head><meta charset=\"utf-8\">",
            "<title>\(escape(MailMessage.subject(content)))</title></head>", "<body>",
            "<p>\(escape(greeting(content)))</p>",
        ]
        for section in sections(content) {
            guard !section.items.isEmpty || section.empty != nil else { continue }
            html.append("<h2>\(escape(section.heading))</h2>")
            if section.items.isEmpty { html.append("<p>\(escape(section.empty!))</p>") }
            guard !section.items.isEmpty else { continue }
            html.append("<ul>")
            for item in section.items {
                let text =
                    item.url.map { "<a href=\"\(escape($0))\">\(escape(item.text))</a>" } ?? escape(item.text)
                html.append("<li>\(escape(item.when)): \(text)</li>")
            }
            html.append("</ul>")
        }
        let subscribe = subscribing(content)
        html += [
            "<p>\(escape(subscribe[0]))<br><a href=\"\(escape(subscribe[1]))\">\(escape(subscribe[1]))</a></p>",
            "<p>\(escape(subscribe[2]))</p>", "<p><small>\(escape(footer))</small></p>", "</body>", "</html>",
        ]
        return html.joined(separator: "\n") + "\n"
    }

    /// HTML text and attribute values, escaped as XML (`XMLText`): valid HTML too.
    static func escape(_ text: String) -> String { XMLText.escape(text) }
}
