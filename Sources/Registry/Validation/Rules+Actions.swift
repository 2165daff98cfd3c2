// Rules about what decisions ask of municipalities and bodies, the answers they give,
// and the facts the registry marks as inferred.

extension ActionRequest: DescribedRecord { static var kindName: String { "action" } }
extension ActionResponse: DescribedRecord { static var kindName: String { "response" } }

extension ActionRequest: TextRecord {
    var textFields: [TextField] { [TextField("what", what)] + sourceItemField }
}

extension ActionResponse: TextRecord {
    var textFields: [TextField] {
        var fields = sourceItemField
        if case .gave(let what) = answer { fields.append(TextField("answer", what)) }
        return fields
    }
}

extension Rules {
    static var actions: [Rule] {
        [
            Rule("action-references", actionReferences),
            Rule("action-deadline-not-before-decision", actionDeadlineNotBeforeDecision),
            Rule("response-references", responseReferences),
            Rule("response-from-asked-party", responseFromAskedParty),
            Rule("response-not-before-decision", responseNotBeforeDecision),
            Rule("response-by-deadline", responseByDeadline),
            Rule("inferred-marks", inferredMarks),
        ]
    }

    /// The rules that need today's date, which the caller passes in: the registry never
    /// reads a clock.
    static var dated: [DatedRule] {
        [DatedRule("overdue-actions", overdueActions)]
    }

    /// An action's decision and every asked party are in the registry; it asks someone,
    /// each party once, and its deadline is a real date.
    static func actionReferences(_ registry: Registry) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for request in registry.actionRequests {
            if registry[request.decision] == nil {
                found.append(missing(request, "decision", request.decision))
            }
            if request.asked.isEmpty {
                found.append(
                    .error(
                        "\(request.label) asks no one; name who must act in `asked:`", at: request.location))
            }
            var seen: Set<ActionRequest.Party> = []
            for party in request.asked {
                if !seen.insert(party).inserted {
                    found.append(.warning("\(request.label) asks \(party.label) twice", at: request.location))
                }
                found += missingParty(party, of: request, registry)
            }
            if !request.by.isValid {
                found.append(
                    .error("\(request.label) deadline \(request.by) is not a date", at: request.location))
            }
        }
        return found
    }

    /// An action is not due before the meeting that decided it.
    static func actionDeadlineNotBeforeDecision(_ registry: Registry) -> [Diagnostic] {
        registry.actionRequests.compactMap { request in
            guard request.by.isValid, let decided = registry.decisionDay(of: request), request.by < decided
            else { return nil }
            return .error(
                "\(request.label) is due \(request.by), before the decision that asks it (\(decided))",
                at: request.location)
        }
    }

    /// A response answers an action in the registry, from a party in the registry, on a real date.
    static func responseReferences(_ registry: Registry) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for response in registry.actionResponses {
            if registry[response.request] == nil {
                found.append(missing(response, "action", response.request))
            }
            found += missingParty(response.party, of: response, registry)
            if !response.on.isValid {
                found.append(
                    .error(
                        "\(response.label) is dated \(response.on), which is not a date",
                        at: response.location))
            }
        }
        return found
    }

    /// Only a party the action asked can answer it.
    static func responseFromAskedParty(_ registry: Registry) -> [Diagnostic] {
        registry.actionResponses.compactMap { response in
            guard let request = registry[response.request], !request.asked.contains(response.party) else {
                return nil
            }
            return .error(
                "\(response.label) is from \(response.party.label), which \(request.label) at \(request.location) "
                    + "did not ask",
                at: response.location)
        }
    }

    /// No one answers a decision before it is taken.
    static func responseNotBeforeDecision(_ registry: Registry) -> [Diagnostic] {
        registry.actionResponses.compactMap { response in
            guard response.on.isValid, let request = registry[response.request],
                let decided = registry.decisionDay(of: request), response.on < decided
            else { return nil }
            return .error(
                "\(response.label) is dated \(response.on), before decision '\(request.decision.rawValue)' "
                    + "was taken (\(decided))",
                at: response.location)
        }
    }

    /// An answer after the deadline is late (unless the party asked for more time first).
    /// An answer whose day is inferred (the source reports it, not when) is never late:
    /// the day is the registry's guess, often the day of the document that reports it.
    static func responseByDeadline(_ registry: Registry) -> [Diagnostic] {
        registry.actionResponses.compactMap { response in
            guard response.on.isValid, !response.isInferred("on"), let request = registry[response.request],
                request.by.isValid
            else {
                return nil
            }
            let earlier = registry.actionResponses.filter {
                $0.request == response.request && $0.party == response.party && $0.on < response.on
            }
            let due = request.status(of: response.party, on: response.on.adding(days: -1), responses: earlier)
            let late: Day? =
                switch due {
                case .overdue(let day): day
                case .noNotice(let day) where day < response.on: day
                default: nil
                }
            guard let day = late else { return nil }
            return .warning(
                "\(response.label) from \(response.party.label) came on \(response.on), "
                    + "\(day.days(until: response.on)) days after \(request.label) was due (\(day))",
                at: response.location)
        }
    }

    /// Each inferred mark names a field the record has and gives its reason on one line.
    static func inferredMarks(_ registry: Registry) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func check<R: InferringRecord & DescribedRecord>(_ records: [R]) {
            for record in records {
                for mark in record.inferred {
                    if !R.inferrableFields.contains(mark.field) {
                        found.append(
                            .error(
                                "\(record.label) marks '\(mark.field)' as inferred, but a \(R.kindName) has no "
                                    + "such field; use one of \(R.inferrableFields.joined(separator: ", "))",
                                at: record.location))
                    }
                    if mark.reason.allSatisfy(\.isWhitespace) {
                        found.append(
                            .error(
                                "\(record.label) marks '\(mark.field)' as inferred without a reason",
                                at: record.location))
                    } else if mark.reason.contains(where: \.isNewline) {
                        found.append(
                            .error(
                                "\(record.label) gives a reason for inferring '\(mark.field)' that is not one line",
                                at: record.location))
                    }
                }
                let fields = record.inferred.map(\.field)
                if Set(fields).count != fields.count {
                    found.append(
                        .warning("\(record.label) marks a field as inferred twice", at: record.location))
                }
            }
        }
        check(registry.bodies)
        check(registry.memberships)
        check(registry.meetings)
        check(registry.decisions)
        check(registry.appointments)
        check(registry.actionResponses)
        return found
    }

    /// On `today`, an action past its deadline that an asked party has not answered: one
    /// warning per action, naming who is overdue, every time the secretariat validates.
    static func overdueActions(_ registry: Registry, today: Day) -> [Diagnostic] {
        registry.uniqueActionRequests.compactMap { request in
            guard request.by.isValid else { return nil }
            let overdue = registry.standings(of: request, on: today).filter(\.status.isOverdue)
            guard !overdue.isEmpty else { return nil }
            let asked = Set(request.asked).count
            return .warning(
                "\(request.label) was due \(request.by); on \(today) \(overdue.count) of \(asked) asked "
                    + "have not answered: \(overdue.map(\.partyName).joined(separator: ", "))",
                at: request.location)
        }
    }

    private static func missingParty(
        _ party: ActionRequest.Party, of record: some DescribedRecord, _ registry: Registry
    ) -> [Diagnostic] {
        switch party {
        case .municipality(let id) where registry[id] == nil: [missing(record, "party", id)]
        case .body(let id) where registry[id] == nil: [missing(record, "party", id)]
        default: []
        }
    }
}

/// A check that needs today's date, given by the caller.
struct DatedRule {
    let name: String
    let check: (Registry, Day) -> [Diagnostic]

    init(_ name: String, _ check: @escaping (Registry, Day) -> [Diagnostic]) {
        self.name = name
        self.check = check
    }
}

extension Registry {
    /// Checks the registry as `validate()` does, and also what only today's date can tell:
    /// actions past their deadline that someone has not answered. `samverkan validate`
    /// passes today in Europe/Stockholm; the registry itself reads no clock.
    ///
    /// - Returns: every problem found, sorted by file, line and message.
    public func validate(on today: Day) -> [Diagnostic] {
        let dated = Rules.dated.flatMap { rule in rule.check(self, today).map { $0.found(by: rule.name) } }
        return (validate() + dated).sorted()
    }

    /// How many facts the registry marks as inferred.
    public var inferredCount: Int { inferredFacts.count }
}
