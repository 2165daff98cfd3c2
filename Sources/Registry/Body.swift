/// A group within or around the collaboration: the directors' group, the secretariat,
/// networks, working groups, and external organisations.
public struct Body: Record, Hashable {
    public typealias ID = RecordID<Body>

    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case directorsGroup = "directors-group"
        case secretariat
        case network
        case workingGroup = "working-group"
        case external

        /// Swedish label shown to readers.
        public var label: String {
            switch self {
            case .directorsGroup: "ledningsgrupp"
            case .secretariat: "sekretariat"
            case .network: "nätverk"
            case .workingGroup: "arbetsgrupp"
            case .external: "extern organisation"
            }
        }
    }

    public let id: ID
    public let name: String
    public let kind: Kind
    public let lifecycle: Lifecycle
    /// The body this one reports to, if any.
    public let parent: ID?
    /// The municipality an external organisation or a municipal unit belongs to.
    public let municipality: Municipality.ID?
    public let purpose: String?
    /// Fields the registry inferred rather than read in its source.
    public let inferred: [Inferred]
    /// Lower-case ASCII for file names and URLs, worked out once: every event asks for it.
    public let slug: String
    /// Slugs the body was published under before: their feed and page addresses redirect
    /// to the current ones, so no subscription breaks.
    public let formerSlugs: [String]
    public let source: Source
    public let location: SourceLocation

    public init(
        _ id: ID, name: String, kind: Kind, lifecycle: Lifecycle, parent: ID? = nil,
        municipality: Municipality.ID? = nil, purpose: String? = nil, source: Source,
        inferred: [Inferred] = [], formerSlugs: [String] = [], filePath: String = #filePath, line: Int = #line
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.lifecycle = lifecycle
        self.parent = parent
        self.municipality = municipality
        self.purpose = purpose
        self.inferred = inferred
        self.slug = Text.slug(id.rawValue)
        self.formerSlugs = formerSlugs
        self.source = source
        self.location = SourceLocation(filePath: filePath, line: line)
    }
}

/// Where a body is in its life: proposed, then active, then closed.
public struct Lifecycle: Hashable, Sendable {
    public enum Stage: String, Hashable, Sendable, Comparable, CaseIterable {
        case proposed, active, closed

        public var label: String {
            switch self {
            case .proposed: "föreslaget"
            case .active: "aktivt"
            case .closed: "avslutat"
            }
        }

        public static func < (a: Stage, b: Stage) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// When a stage began: on a known day, or before the registry's records start.
    public enum Start: Hashable, Sendable {
        case on(Day)
        case beforeRecords

        public var day: Day? {
            if case .on(let day) = self { day } else { nil }
        }
    }

    public let proposed: Start?
    public let active: Start?
    public let closed: Start?

    public init(proposed: Start? = nil, active: Start? = nil, closed: Start? = nil) {
        self.proposed = proposed
        self.active = active
        self.closed = closed
    }

    /// Active since before the registry's records begin.
    public static let established = Lifecycle(active: .beforeRecords)

    /// The stage in force on `day`, or nil before the body was even proposed.
    public func stage(on day: Day) -> Stage? {
        for (stage, start) in [(Stage.closed, closed), (.active, active), (.proposed, proposed)] {
            switch start {
            case .beforeRecords: return stage
            case .on(let since) where since <= day: return stage
            default: continue
            }
        }
        return nil
    }

    /// The stages that are set, in order, with their starts.
    public var milestones: [(stage: Stage, start: Start)] {
        [(Stage.proposed, proposed), (.active, active), (.closed, closed)]
            .compactMap { stage, start in start.map { (stage, $0) } }
    }
}
