public import CalendarFeeds
public import Registry

/// The change log as Atom (RFC 4287): `Exports/changes.atom` and one per municipality
/// (`Exports/changes/SLUG.atom`), newest entry first. Written by a small escaping writer
/// (`XMLText`), the same bytes for the same log.
public enum AtomFeed {
    /// The Atom document for `entries` (newest first).
    ///
    /// - Parameters:
    ///   - path: Where it lives under the public address (`SiteMap.changeLogFile`).
    ///   - siteMap: The public address, for the feed's own link.
    ///   - title: The feed's title.
    ///   - alternate: The page it belongs to.
    ///   - updated: When nothing has changed yet: the feed's date.
    public static func document(
        entries: [ChangeEntry], path: String, title: String, siteMap: SiteMap, alternate: String,
        updated fallback: Instant
    ) -> String {
        let updated = entries.first?.date ?? fallback
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"sv\">\n"
        xml += "  <id>tag:familjenhelsingborg.se,2026:samverkan/\(XMLText.escape(path))</id>\n"
        xml += "  <title>\(XMLText.escape(title))</title>\n"
        xml += "  <updated>\(updated)</updated>\n"
        xml += "  <author><name>Familjen Helsingborg</name></author>\n"
        xml +=
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.escape("\(siteMap.publicURL)/\(path)"))\"/>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(alternate))\"/>\n"
        for entry in entries {
            xml += "  <entry>\n"
            xml += "    <id>\(XMLText.escape(entry.atomID))</id>\n"
            xml += "    <title>\(XMLText.escape(entry.text))</title>\n"
            xml += "    <updated>\(entry.date)</updated>\n"
            xml +=
                "    <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(entry.url ?? alternate))\"/>\n"
            xml += "    <content type=\"text\">\(XMLText.escape(entry.text))</content>\n"
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }
}

/// XML character data and attribute values, escaped.
public enum XMLText {
    /// `&`, `<`, `>`, `"` and `'` as entities; control characters XML 1.0 forbids dropped.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
