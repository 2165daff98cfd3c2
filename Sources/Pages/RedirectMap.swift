import CalendarFeeds
import Registry

/// The map nginx redirects other spellings of a page's address with
/// (`deploy/nginx.conf`, `map $uri $samverkan_canonical`): `/kommuner/Bjuv` and
/// `/kommuner/Ängelholm` lead to `/kommuner/bjuv` and `/kommuner/angelholm`, `/kommuner`
/// to `/kommuner/`. `serve` answers the same from `SiteMap.canonicalPath(for:)`.
enum RedirectMap {
    static let file = "redirects.map"

    static func text(_ siteMap: SiteMap) -> String {
        var lines = [
            "# Written by `samverkan export` for deploy/nginx.conf: another spelling of a page's",
            "# address, and the page's own address to redirect it to.",
        ]
        for page in siteMap.pages {
            // nginx serves pages at addresses of these characters only.
            guard let path = siteMap.path(page), path != "/",
                path.allSatisfy({
                    ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "/" || $0 == "-"
                })
            else { continue }
            let bare = path.hasSuffix("/") ? String(path.dropLast()) : path
            lines.append("\"~*^\(bare)/?$\" \(path);")
        }
        // A name goes into nginx's configuration only when it is letters alone. nginx
        // matches these keys ignoring ASCII case only: Ä and ä are two keys, H and h one.
        for municipality in siteMap.registry.municipalities {
            guard let path = siteMap.path(.municipality(municipality.id)) else { continue }
            var seen: Set<String> = [municipality.slug]
            for name in [municipality.name, municipality.name.lowercased()]
            where name.allSatisfy(\.isLetter) && seen.insert(asciiLowercased(name)).inserted {
                lines.append("\"/\(SiteMap.Folder.municipality.rawValue)/\(name)\" \(path);")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func asciiLowercased(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32)! : $0 }))
    }
}
