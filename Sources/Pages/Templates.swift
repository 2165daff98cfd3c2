import Mustache

/// The inline style and the one inline script every page carries, verbatim, from
/// `Templates/style.css` and `Templates/script.js`. A Content-Security-Policy can allow
/// them by the SHA-256 of exactly these strings.
public enum PageAssets {
    /// System fonts only; one column that reads on a phone and widens on a desk.
    public static let style = text(PackageResources.style_css)

    /// The copy buttons (the clipboard API where the page is a secure context, selecting
    /// the text field everywhere else), what depends on today (dates passed, requests
    /// overdue: from the page's `data-day` and `data-due`), and the search on `/sok`.
    public static let script = text(PackageResources.script_js)

    /// The file's text without its final line break.
    static func text(_ bytes: [UInt8]) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

/// The Mustache templates in `Templates/`, compiled into the binary. `{{x}}` escapes for
/// HTML; `{{{x}}}` is used only for `PageAssets` in the layout.
enum Templates {
    /// Every template by the name partials use (`{{>feed}}`) and the file it comes from.
    /// A file added to `Templates/` is listed here and in Package.swift's resources.
    static let sources: [(name: String, bytes: [UInt8])] = [
        ("layout", PackageResources.layout_mustache),
        ("home", PackageResources.home_mustache),
        ("municipality", PackageResources.municipality_mustache),
        ("body", PackageResources.body_mustache),
        ("meeting", PackageResources.meeting_mustache),
        ("decision", PackageResources.decision_mustache),
        ("events", PackageResources.events_mustache),
        ("event_row", PackageResources.event_row_mustache),
        ("feed", PackageResources.feed_mustache),
        ("howto", PackageResources.howto_mustache),
        ("status", PackageResources.status_mustache),
        ("changes", PackageResources.changes_mustache),
        ("site_header", PackageResources.site_header_mustache),
        ("crumbs", PackageResources.crumbs_mustache),
        ("site_footer", PackageResources.site_footer_mustache),
        ("open_actions", PackageResources.open_actions_mustache),
        ("source", PackageResources.source_mustache),
        ("list", PackageResources.list_mustache),
        ("follow_up", PackageResources.follow_up_mustache),
        ("about", PackageResources.about_mustache),
        ("accessibility", PackageResources.accessibility_mustache),
        ("feedback", PackageResources.feedback_mustache),
        ("search", PackageResources.search_mustache),
        ("person", PackageResources.person_mustache),
        ("assignment", PackageResources.assignment_mustache),
        ("person_name", PackageResources.person_name_mustache),
    ]

    /// Parses every template; throws the first parse error, naming the template.
    static func load() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, bytes) in sources {
            do {
                try library.register(String(decoding: bytes, as: UTF8.self), named: name)
            } catch {
                throw TemplateError(template: name, underlying: "\(error)")
            }
        }
        return library
    }

    /// The names of the templates that parse, in `sources` order (for the tests).
    static func parsedNames() throws -> [String] {
        let library = try load()
        return sources.map(\.name).filter { library.getTemplate(named: $0) != nil }
    }

    /// Parsed once. A template that does not parse is a programming error, which
    /// `PagesTests` catches before anything ships.
    static let library: MustacheLibrary = {
        do { return try load() } catch { preconditionFailure("\(error)") }
    }()

    /// Renders `view` with the template `name`.
    static func render(_ view: Any, _ name: String) -> String {
        guard let html = library.render(view, withTemplate: name) else {
            preconditionFailure("no page template named \(name)")
        }
        return html
    }
}

/// A template that does not parse.
struct TemplateError: Error, CustomStringConvertible {
    let template: String
    let underlying: String
    var description: String { "Templates/\(template).mustache: \(underlying)" }
}
