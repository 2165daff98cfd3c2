public import Registry

/// An event's identity in every calendar: the record's kind and ID, formatted once and
/// parsed back here. A record keeps its UID forever, so clients replace their copy of
/// an event instead of adding a second one.
public struct EventUID: Hashable, Sendable, CustomStringConvertible {
    public let kind: Event.Kind
    /// The ID of the record the event comes from.
    public let recordID: String

    public init(kind: Event.Kind, recordID: String) {
        self.kind = kind
        self.recordID = recordID
    }

    public init(_ event: Event) {
        self.init(kind: event.kind, recordID: event.id)
    }

    /// `meeting-kdm-2026-04-10@familjenhelsingborg.se`, in storage of its own size: the
    /// event ledger keeps a UID for every event, and an interpolation's spare room with it.
    public var description: String {
        let prefix = Self.prefix(kind)
        var text = ""
        text.reserveCapacity(prefix.utf8.count + 1 + recordID.utf8.count + Self.domain.utf8.count)
        text += prefix
        text += "-"
        text += recordID
        text += Self.domain
        return text
    }

    /// The UID `text` spells, or nil when it is not one of the registry's.
    public init?(_ text: some StringProtocol) {
        guard text.hasSuffix(Self.domain) else { return nil }
        let local = text.dropLast(Self.domain.count)
        for kind in [Event.Kind.meeting, .deadline, .startDate] {
            let prefix = Self.prefix(kind) + "-"
            if local.hasPrefix(prefix), local.count > prefix.count {
                self.init(kind: kind, recordID: String(local.dropFirst(prefix.count)))
                return
            }
        }
        return nil
    }

    private static let domain = "@familjenhelsingborg.se"

    private static func prefix(_ kind: Event.Kind) -> String {
        switch kind {
        case .meeting: "meeting"
        case .deadline: "deadline"
        case .startDate: "start"
        }
    }
}
