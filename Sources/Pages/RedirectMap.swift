import CalendarFeeds
import Registry

/// The map nginx redirects other spellings of a page's address with
/// (`deploy/nginx.conf`, `map $uri $samverkan_canonical`): `/kommuner/Bjuv`,
/// `/kommuner/ÄNGELHOLM` and `/kommuner/ängelholm` lead to `/kommuner/bjuv` and
/// `/kommuner/angelholm`, `/kommuner` to `/kommuner/`. `serve` answers the same from
/// `SiteMap.canonicalPath(for:)`; each line is a pattern that matches exactly the
/// spellings that function folds to the page's address.
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
            // A folder is also reached without its final slash; a page with one is not
            // a page (as in `serve`).
            let pattern =
                path.hasSuffix("/") ? spelled(String(path.dropLast())) + "/?" : spelled(path)
            lines.append("\"~*^\(pattern)$\" \(path);")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The letters `SiteMap.folded` turns into a plain letter, besides the letter itself
    /// in either ASCII case (which nginx's `~*` matches): the Swedish and accented forms in
    /// both cases, composed and decomposed, and the signs that lower-case to them.
    /// nginx's `~*` ignores ASCII case only, so each is listed as it is written.
    static let otherSpellings: [Character: [String]] = [
        "a": ["a\u{30A}", "a\u{308}", "\u{E5}", "\u{C5}", "\u{E4}", "\u{C4}", "\u{212B}"],
        "o": ["o\u{308}", "\u{F6}", "\u{D6}"],
        "e": ["e\u{301}", "\u{E9}", "\u{C9}"],
        "u": ["u\u{308}", "\u{FC}", "\u{DC}"],
        "k": ["\u{212A}"],
    ]

    /// `path` as a pattern: each letter with other spellings as a group of them all.
    static func spelled(_ path: String) -> String {
        path.map { letter in
            otherSpellings[letter].map { "(?:\(([String(letter)] + $0).joined(separator: "|")))" }
                ?? String(letter)
        }.joined()
    }
}
