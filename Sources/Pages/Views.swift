import CalendarFeeds
import Registry

// The values the templates in `Templates/` render. Mustache reads stored properties by
// name (each a `TemplateValue`), so these are plain structs of text, flags and lists;
// every string is plain text that the templates escape. A missing optional hides its
// section.
//
// Names are distinct across nesting levels on purpose: Mustache looks a name it cannot
// find in the innermost value up in the enclosing ones.
//
// No value depends on the day a page is rendered: a page is the same bytes whatever day
// it is made. What depends on today ("försenat", which dates have passed) the page's
// script works out from the ISO dates the templates put in `data-` attributes.

/// One link of the breadcrumbs (`Start › Kommunerna › Bjuv`).
struct Crumb: Hashable, TemplateValue {
    let crumbName: String
    let crumbPath: String
}

struct HomeView: TemplateValue {
    struct MunicipalityItem: TemplateValue {
        let name: String
        let path: String?
        /// Who holds the director's seat on the data's day and after, one line a term.
        let directors: [DirectorLine]
    }

    /// The director or directors of one term, or a vacancy, with its dates for the script.
    struct DirectorLine: TemplateValue {
        /// "kommundirektör", "kommundirektör (tolkning)" when the registry inferred the title.
        let directorTitle: String
        /// "vakant" when nobody holds the seat.
        let vacant: Bool
        let names: [PersonName]
        let term: SeatTerm
    }

    struct BodyRow: TemplateValue {
        let name: String
        let path: String?
        let kind: String
        let status: [StatusBadge]
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
}

struct MunicipalityView: TemplateValue {
    struct SeatItem: TemplateValue {
        let person: String
        let personPath: String?
        let role: String
        let bodyName: String
        let bodyPath: String?
        let term: SeatTerm
    }

    let frame: Frame
    let municipalityName: String
    let seats: [SeatItem]
    let hasSeats: Bool
    let followUp: FollowUpView
    let followUpPath: String?
    let events: EventsView
    let changes: ChangesView
    let feed: FeedView?
}

/// What is asked and not yet answered (`open_actions.mustache`), due day first, so that
/// what is overdue on any day comes first.
struct FollowUpView: TemplateValue {
    struct Item: TemplateValue {
        let what: String
        /// The asked party, when the list spans several.
        let party: String?
        let partyPath: String?
        let decisionTitle: String
        let decisionPath: String?
        /// "30 april 2026".
        let due: String
        /// "2026-04-30": the script marks the row "försenat" once the day has passed; nil
        /// for an offer, which is never late.
        let dueISO: String?
        /// "inte svarat", or the answer that moved the day ("bett om anstånd"); for an offer
        /// "inte lämnat besked".
        let state: String
    }

    /// "Det som Bjuv ska göra och inte har gjort".
    let caption: String
    let captionID: String
    let items: [Item]
    let hasItems: Bool
    let showsParty: Bool
    /// Said when nothing is open.
    let noneText: String
}

/// "Senaste ändringar": the newest entries of a change log and its Atom address.
struct ChangesView: TemplateValue {
    struct Item: TemplateValue {
        let date: String
        let iso: String
        let text: String
        /// The page the entry concerns, root-relative.
        let url: String?
    }

    let items: [Item]
    let hasItems: Bool
    let atomURL: String
}

struct BodyView: TemplateValue {
    struct Milestone: TemplateValue {
        let stage: String
        let since: String
    }

    struct Link: TemplateValue {
        let name: String
        let path: String?
    }

    struct MemberItem: TemplateValue {
        let person: String
        let personPath: String?
        let role: String
        let term: SeatTerm
    }

    struct MeetingItem: TemplateValue {
        let title: String
        let when: String
        let path: String?
        let cancelled: Bool
    }

    let frame: Frame
    let kind: String
    let status: [StatusBadge]
    let milestones: [Milestone]
    let parent: Link?
    let members: [MemberItem]
    let hasMembers: Bool
    let meetings: [MeetingItem]
    let hasMeetings: Bool
    let events: EventsView
    let feed: FeedView?
}

struct MeetingView: TemplateValue {
    struct AttendanceGroup: TemplateValue {
        let heading: String
        let count: Int
        let attendees: [Attendee]
    }

    struct Attendee: TemplateValue {
        let person: String
        let personPath: String?
        let forMunicipality: String?
    }

    struct Item: TemplateValue {
        let number: Int
        let title: String
        let summary: String?
        let presenters: [PersonName]
        let hasPresenters: Bool
    }

    struct DecisionItem: TemplateValue {
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
    let source: SourceView
}

/// A cited document: its title and date, the item, and its address when known.
struct SourceView: TemplateValue {
    let sourceTitle: String
    let sourceLink: String?
    let sourceItem: String?
}

/// One decision, the meeting it came from, and a table per action it asks for.
struct DecisionView: TemplateValue {
    struct InferredField: TemplateValue {
        /// In Swedish: "sista dag", "ansvariga".
        let field: String
        let reason: String
    }

    struct ActionTable: TemplateValue {
        struct Row: TemplateValue {
            let party: String
            let partyPath: String?
            /// "har svarat", "har avböjt", "har inte svarat"; for an offer "har anslutit sig",
            /// "har tackat nej", "har inte lämnat besked".
            let status: String
            /// The due day while open ("2026-04-30"): the script words it "försenat" or
            /// "inte förfallet" on the reader's day.
            let dueISO: String?
            /// The day answered, or "senast 30 april 2026" while open.
            let date: String
            /// "lämnat fullmakt", "bett om anstånd till den 15 maj 2026", or "–".
            let answer: String
            /// "Fullmakt …, 22 april 2026", or "–".
            let source: String
            /// The source document's address, when known.
            let sourceURL: String?
        }

        /// The section's id: `begaran-1`.
        let anchor: String
        /// "Begärt" for a request, "Erbjudande" for an offer; the caption's "begäran" or
        /// "erbjudandet".
        let lead: String
        let captionNoun: String
        let what: String
        let by: String
        let askedCount: Int
        /// "1 av 10 har svarat."
        let summary: String
        let rows: [Row]
    }

    let frame: Frame
    let text: String
    let meetingTitle: String
    let meetingPath: String?
    let item: String
    let deadline: String?
    /// Those responsible, each linked to its page.
    let actors: [PersonName]
    /// " (tolkning)" when the registry inferred who is responsible, else empty.
    let actorsMarker: String
    let hasActors: Bool
    let inferred: [InferredField]
    let hasInferred: Bool
    let actions: [ActionTable]
    let source: SourceView
}

/// When a seat begins or ends, if not before the data's day and not never: the script
/// hides the seat on a day it is not in force (`data-from`, `data-to`); without a script
/// the reader sees the dates.
struct SeatTerm: TemplateValue {
    /// "2026-09-01" when the seat begins after the data's day.
    let fromISO: String?
    /// "2026-09-01": the first day no longer in force.
    let toISO: String?
    /// "från 1 september 2026", "till och med 31 augusti 2026", or nil.
    let termText: String?
}

/// A body's lifecycle stage as a badge (`status.mustache`), with the days it holds when
/// it ends or begins after the data's day: the script shows the one in force.
struct StatusBadge: TemplateValue {
    /// The CSS suffix (`active` gives `status-active`), nil before the body is proposed.
    let badgeStage: String?
    let badgeLabel: String
    let term: SeatTerm
}

/// Dated events, in order (`events.mustache`); the script marks those past on the
/// reader's day.
struct EventsView: TemplateValue {
    struct Row: TemplateValue {
        /// "2026-04-10".
        let iso: String
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

    let rows: [Row]
    let hasRows: Bool
}

/// One feed to subscribe to (`feed.mustache`).
/// A name, linked to its page when there is one (`person_name.mustache`): a person's, or
/// among a decision's actors also a body's or a municipality's.
struct PersonName: TemplateValue {
    let person: String
    let personPath: String?
    /// Whether a comma follows: the last name in a list has none.
    let more: Bool
}

/// One person's page: what they represent today and over time, their events, their feed.
struct PersonView: TemplateValue {
    /// One seat or staff appointment (`assignment.mustache`).
    struct Assignment: TemplateValue {
        let role: String
        let bodyName: String
        let bodyPath: String?
        let forMunicipality: String?
        let municipalityPath: String?
        /// "sedan 1 februari 2026", "1 februari–31 maj 2026", "från 1 juni 2026".
        let term: String
    }

    let frame: Frame
    let personName: String
    let current: [Assignment]
    let hasCurrent: Bool
    let upcomingAssignments: [Assignment]
    let hasUpcomingAssignments: Bool
    let past: [Assignment]
    let hasPast: Bool
    let events: EventsView
    let feed: FeedView?
}

struct FeedView: TemplateValue {
    let name: String
    let description: String
    /// The id of the text field the copy button reads.
    let elementID: String
    let url: String
    let webcal: String
    /// Google Calendar's own "add by URL" settings page, where the address is pasted.
    let google: String
}

/// A page that is a list of links under headings: the folders' own pages and the overviews.
struct ListView: TemplateValue {
    struct Group: TemplateValue {
        let groupHeading: String?
        let groupID: String?
        let links: [Link]
    }

    struct Link: TemplateValue {
        let linkText: String
        let linkPath: String?
        /// A line under the link: "Kommundirektörerna · 10 april 2026".
        let note: String?
        let struck: Bool
    }

    let frame: Frame
    let intro: String?
    let groups: [Group]
    let emptyText: String?
}

/// The follow-up overview (`/uppfoljning/`) and one municipality's (`/uppfoljning/bjuv`).
struct FollowUpPageView: TemplateValue {
    let frame: Frame
    let followUp: FollowUpView
    /// Links to each municipality's own list.
    let others: [ListView.Link]
}

/// `/om`, `/tillganglighet` and `/sok`: the service's own pages.
struct ServiceView: TemplateValue {
    let frame: Frame
    let organisation: String
    let website: String?
    let contactEmail: String?
    let feedbackEmail: String?
    let postalAddress: String?
    let assessed: String
    let assessedISO: String
    let publicURL: String
    let latestDocument: String
    /// The search page's fallback: the overviews.
    let overviews: [ListView.Link]
}
