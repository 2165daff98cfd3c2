import CalendarFeeds
import Pages
import Registry

/// A fixed "today" so that page content does not depend on when the tests run.
let testDay = Day(2026, 4, 20)

extension Site {
    /// A site whose feeds and events are derived here, as the export and the server do.
    init(registry: Registry, publicURL: String) {
        self.init(
            registry: registry, publicURL: publicURL, feeds: registry.standardFeeds(),
            events: registry.events())
    }
}
