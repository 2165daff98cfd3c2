// Finding records by what people type. Each lookup throws a `QueryError` whose message
// can go straight to stderr.

extension Registry {
    /// The municipality a person means by `query`: its name, formal name, an alias or its
    /// slug, in any case, with or without å/ä/ö, or a prefix of one ("Åstor").
    ///
    /// - Throws: `QueryError` naming the closest municipalities, or all of them when none
    ///   is close, or the candidates when the name is ambiguous.
    public func municipality(named query: String) throws(QueryError) -> Municipality {
        let all = uniqueMunicipalities
        let matcher = NameMatcher(all) { [$0.name, $0.officialName, $0.id.rawValue] + $0.aliases }
        switch matcher.match(query) {
        case .found(let municipality):
            return municipality
        case .ambiguous(let candidates):
            throw QueryError(
                .ambiguous, kind: "municipality", query: query, candidates: candidates.map(\.name))
        case .notFound(let suggestions) where suggestions.isEmpty:
            throw QueryError(
                .notFoundListingAll, kind: "municipality", query: query, candidates: all.map(\.name))
        case .notFound(let suggestions):
            throw QueryError(
                .notFound, kind: "municipality", query: query, candidates: suggestions.map(\.name))
        }
    }

    /// The person a reader means by `query`: a full name, a first or last name, the start
    /// of one ("Fristedt", "agneta f", "crespin"), or an ID.
    ///
    /// - Throws: `QueryError` listing the candidates of an ambiguous name, or the nearest
    ///   names when nothing matches.
    public func person(named query: String) throws(QueryError) -> Person {
        let all = uniquePeople
        let matcher = NameMatcher(all) { [$0.name, $0.id.rawValue] }
        switch matcher.match(query) {
        case .found(let person):
            return person
        case .ambiguous(let candidates):
            throw QueryError(.ambiguous, kind: "person", query: query, candidates: labels(of: candidates))
        case .notFound(let suggestions) where suggestions.isEmpty:
            throw QueryError(
                .notFoundListingNearest, kind: "person", query: query,
                candidates: labels(of: matcher.nearest(query, limit: 3)))
        case .notFound(let suggestions):
            throw QueryError(.notFound, kind: "person", query: query, candidates: labels(of: suggestions))
        }
    }

    /// The body a reader means by `query`: its ID ("energinatverket") or its name.
    public func body(named query: String) throws(QueryError) -> Body {
        let all = uniqueBodies
        let matcher = NameMatcher(all) { [$0.id.rawValue, $0.name] }
        switch matcher.match(query) {
        case .found(let body):
            return body
        case .ambiguous(let candidates):
            throw QueryError(
                .ambiguous, kind: "body", query: query, candidates: candidates.map(\.id.rawValue))
        case .notFound(let suggestions) where suggestions.isEmpty:
            throw QueryError(
                .notFoundListingAll, kind: "body", query: query, candidates: all.map(\.id.rawValue))
        case .notFound(let suggestions):
            throw QueryError(
                .notFound, kind: "body", query: query, candidates: suggestions.map(\.id.rawValue))
        }
    }

    /// The meeting a reader means by `query`: its ID ("kdm-2026-04-10"), the start of
    /// one, or its day as YYYY-MM-DD.
    public func meeting(named query: String) throws(QueryError) -> Meeting {
        let all = Array(uniqueMeetings)
        if let day = Day(iso: query.trimmingSpaces) {
            let onDay = all.filter { $0.time.day == day }
            if onDay.count == 1 { return onDay[0] }
            if onDay.count > 1 {
                throw QueryError(
                    .ambiguous, kind: "meeting", query: query, candidates: onDay.map(\.id.rawValue))
            }
        }
        let matcher = NameMatcher(all) { [$0.id.rawValue] }
        switch matcher.match(query) {
        case .found(let meeting):
            return meeting
        case .ambiguous(let candidates):
            throw QueryError(
                .ambiguous, kind: "meeting", query: query, candidates: candidates.map(\.id.rawValue))
        case .notFound(let suggestions) where suggestions.isEmpty:
            throw QueryError(
                .notFoundListingAll, kind: "meeting", query: query, candidates: all.map(\.id.rawValue))
        case .notFound(let suggestions):
            throw QueryError(
                .notFound, kind: "meeting", query: query, candidates: suggestions.map(\.id.rawValue))
        }
    }

    /// Names to list for a choice; a name two people share is told apart by ID.
    private func labels(of people: [Person]) -> [String] {
        let names = Dictionary(grouping: uniquePeople, by: { Text.fold($0.name) })
        return people.map { person in
            (names[Text.fold(person.name)]?.count ?? 0) > 1 ? "\(person.name) (\(person.id))" : person.name
        }
    }
}

// The first record of each ID, in the registry's order: the one lookups by ID return.
extension Registry {
    package var uniqueMunicipalities: [Municipality] { municipalities.filter { self[$0.id] == $0 } }
    package var uniquePeople: [Person] { people.filter { self[$0.id] == $0 } }
    package var uniqueBodies: [Body] { bodies.filter { self[$0.id] == $0 } }
    // Views, not copies: these lists grow with the registry's history, and a copy of the
    // meetings was the largest allocation while the events were derived.
    package var uniqueMeetings: LazyFilterSequence<[Meeting]> { meetings.lazy.filter { self[$0.id] == $0 } }
    package var uniqueDecisions: LazyFilterSequence<[Decision]> {
        decisions.lazy.filter { self[$0.id] == $0 }
    }
    package var uniqueAppointments: LazyFilterSequence<[StaffAppointment]> {
        appointments.lazy.filter { self[$0.id] == $0 }
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
