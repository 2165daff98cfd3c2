import CalendarFeeds
import Registry

// The values the templates in `Templates/` render. Mustache reads stored properties by
// name (through Mirror), so these are plain structs of text, flags and lists; every
// string is plain text that the templates escape. A missing optional hides its section.
//
// Names are distinct across nesting levels on purpose: Mustache looks a name it cannot
// find in the innermost value up in the enclosing ones.

/// What the layout shows around every page.
struct Frame {
    /// The window title.
    let title: String
    let heading: String
    let lead: String?
    /// Whether to show the link back to the start page.
    let back: Bool
    /// The day the page speaks for, in Swedish.
    let asOf: String
    let style = PageAssets.style
    let script = PageAssets.script
}

struct HomeView {
    struct MunicipalityItem {
        let name: String
        let path: String?
        /// "kommundirektör", "kommundirektör (antaget)" when the registry inferred the title.
        let directorTitle: String
        let directors: String
    }

    struct BodyRow {
        let name: String
        let path: String?
        let kind: String
        let badgeStage: String?
        let badgeLabel: String
    }

    let frame: Frame
    let municipalities: [MunicipalityItem]
    let bodies: [BodyRow]
    let events: EventsView
    let changes: ChangesView
    let generalFeeds: [FeedView]
    let archiveFeeds: [FeedView]
    let archiveFeedCount: Int
    let hasArchives: Bool
    let municipalityFeeds: [FeedView]
    let municipalityFeedCount: Int
    let bodyFeeds: [FeedView]
    let bodyFeedCount: Int
    let customExample: String
}

struct MunicipalityView {
    struct SeatItem {
        let person: String
        let role: String
        let bodyName: String
        let bodyPath: String?
    }

    /// What the municipality is asked to do and has not done (`Registry.openActions`).
    struct OpenAction {
        let what: String
        let decisionTitle: String
        let decisionPath: String?
        /// "30 april 2026".
        let due: String
        /// "försenat", "inte förfallet".
        let state: String
    }

    let frame: Frame
    let municipalityName: String
    let seats: [SeatItem]
    let hasSeats: Bool
    let openActions: [OpenAction]
    let hasOpenActions: Bool
    let events: EventsView
    let changes: ChangesView
    let feed: FeedView?
}

/// "Senaste ändringar": the newest entries of a change log and its Atom address.
struct ChangesView {
    struct Item {
        let date: String
        let iso: String
        let text: String
        let url: String?
    }

    let items: [Item]
    let hasItems: Bool
    let atomURL: String
}

struct BodyView {
    struct Milestone {
        let stage: String
        let since: String
    }

    struct Link {
        let name: String
        let path: String?
    }

    struct MemberItem {
        let person: String
        let role: String
    }

    struct MeetingItem {
        let title: String
        let when: String
        let path: String?
        let cancelled: Bool
    }

    let frame: Frame
    let kind: String
    let status: StatusBadge
    let milestones: [Milestone]
    let parent: Link?
    let members: [MemberItem]
    let hasMembers: Bool
    let meetings: [MeetingItem]
    let hasMeetings: Bool
    let events: EventsView
    let feed: FeedView?
}

struct MeetingView {
    struct AttendanceGroup {
        let heading: String
        let count: Int
        let attendees: [Attendee]
    }

    struct Attendee {
        let person: String
        let forMunicipality: String?
    }

    struct Item {
        let number: Int
        let title: String
        let summary: String?
        let presenters: String?
    }

    struct DecisionItem {
        let item: Int
        let title: String
        /// The decision's page.
        let path: String?
        let text: String
        let deadline: String?
    }

    let frame: Frame
    let cancelled: Bool
    /// "10 april 2026, 08.30–10.30".
    let when: String
    let bodyName: String
    let bodyPath: String?
    let place: String?
    let remote: String?
    let attendanceGroups: [AttendanceGroup]
    /// Whether the agenda is the registry's reading rather than the minutes' own.
    let agendaInferred: Bool
    let agenda: [Item]
    let hasAgenda: Bool
    let decisions: [DecisionItem]
    let hasDecisions: Bool
    let sourceTitle: String
    let sourceLink: String?
    let sourceItem: String?
}

/// One decision, the meeting it came from, and a table per action it asks for.
struct DecisionView {
    struct InferredField {
        /// In Swedish: "sista dag", "ansvariga".
        let field: String
        let reason: String
    }

    struct ActionTable {
        struct Row {
            let party: String
            let partyPath: String?
            /// "har svarat", "har avböjt", "inte förfallet", "försenat".
            let status: String
            /// The day answered, or "senast 30 april 2026" while open.
            let date: String
            /// "lämnat fullmakt", "bad om anstånd till 15 maj 2026", or "–".
            let answer: String
            /// "Fullmakt …, 22 april 2026", or "–".
            let source: String
        }

        /// The section's id: `begaran-1`.
        let anchor: String
        let what: String
        let by: String
        let askedCount: Int
        let statusDate: String
        /// "1 av 10 har svarat, 9 är försenade."
        let summary: String
        let rows: [Row]
    }

    let frame: Frame
    let text: String
    let meetingTitle: String
    let meetingPath: String?
    let item: String
    let deadline: String?
    let actors: String
    let hasActors: Bool
    let inferred: [InferredField]
    let hasInferred: Bool
    let actions: [ActionTable]
    let sourceTitle: String
    let sourceLink: String?
    let sourceItem: String?
}

/// A body's lifecycle stage as a badge (`status.mustache`).
struct StatusBadge {
    /// The CSS suffix (`active` gives `status-active`), nil before the body is proposed.
    let badgeStage: String?
    let badgeLabel: String
}

/// "Kommande" and "Senaste" (`events.mustache`).
struct EventsView {
    struct Row {
        /// "10 april 2026".
        let date: String
        /// "08:30–10:30", nil for an all-day event.
        let clock: String?
        /// The summary a subscriber's calendar shows.
        let summary: String
        let cancelled: Bool
        /// "Möte · Helsingborg".
        let details: String
        /// The page of the meeting the event is, or was decided at.
        let meetingPath: String?
    }

    let asOf: String
    let upcoming: [Row]
    let hasUpcoming: Bool
    let recent: [Row]
    let hasRecent: Bool
}

/// One feed to subscribe to (`feed.mustache`).
struct FeedView {
    let name: String
    let description: String
    /// The id of the text field the copy button reads.
    let elementID: String
    let url: String
    let webcal: String
    let google: String
}
