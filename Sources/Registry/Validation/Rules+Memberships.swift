// Rules about memberships: who holds which seat, and when.

extension Rules {
    static var memberships: [Rule] {
        [
            Rule("membership-references", membershipReferences),
            Rule("membership-terms-in-order", membershipTermsInOrder),
            Rule("no-overlapping-terms", noOverlappingTerms),
        ]
    }

    /// A membership's person, body and municipality are in the registry.
    static func membershipReferences(_ registry: Registry) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for membership in registry.memberships {
            if registry[membership.person] == nil {
                found.append(missing(membership, "person", membership.person))
            }
            if registry[membership.body] == nil { found.append(missing(membership, "body", membership.body)) }
            if let municipality = membership.municipality, registry[municipality] == nil {
                found.append(missing(membership, "municipality", municipality))
            }
        }
        return found
    }

    /// A membership does not end before it starts (error) or on the day it starts (warning).
    ///
    /// `to:` is the first day out of office, so `to` equal to `from` leaves an empty term.
    static func membershipTermsInOrder(_ registry: Registry) -> [Diagnostic] {
        registry.memberships.compactMap { termOrder($0, $0.from, $0.to, from: "from", to: "to") }
    }

    /// No two terms for one role and municipality in a body overlap unless both are `shared`.
    ///
    /// Members and presenters who sit for no municipality are many by nature, so their
    /// terms are only checked against the same person's other terms.
    static func noOverlappingTerms(_ registry: Registry) -> [Diagnostic] {
        struct Seat: Hashable {
            let body: Body.ID
            let role: String
            let municipality: Municipality.ID?
        }
        let plural: Set = [Role.member.key, Role.presenter.key]
        var bySeat: [Seat: [Membership]] = [:]
        var found: [Diagnostic] = []
        for membership in registry.memberships where membership.hasReadableTerm {
            let seat = Seat(
                body: membership.body, role: membership.role.key, municipality: membership.municipality)
            let singleSeat = seat.municipality != nil || !plural.contains(seat.role)
            for earlier in bySeat[seat, default: []]
            where earlier.id != membership.id && earlier.term.overlaps(membership.term)
                && (earlier.person == membership.person
                    || (singleSeat && !(earlier.shared && membership.shared)))
            {
                let advice =
                    earlier.person == membership.person
                    ? "end one term before the other starts"
                    : "end one term before the other starts, or mark both `shared: true`"
                found.append(
                    .error(
                        "term of '\(membership.person.rawValue)' as \(membership.role.key) in "
                            + "'\(membership.body.rawValue)'"
                            + (membership.municipality.map { " for '\($0.rawValue)'" } ?? "")
                            + " overlaps the term of '\(earlier.person.rawValue)' at \(earlier.location); \(advice)",
                        at: membership.location))
            }
            bySeat[seat, default: []].append(membership)
        }
        return found
    }

    /// The shared check for memberships and appointments: start before end.
    static func termOrder(
        _ record: some DescribedRecord, _ start: Day?, _ end: Day?, from: String, to: String
    ) -> Diagnostic? {
        guard let start, let end, start.isValid, end.isValid, end <= start else { return nil }
        if end == start {
            return .warning(
                "\(record.label) \(to) is the same day as \(from) (\(start)), so it is never in force: "
                    + "`\(to):` is the first day out",
                at: record.location)
        }
        return .error("\(record.label) ends (\(end)) before it starts (\(start))", at: record.location)
    }
}
