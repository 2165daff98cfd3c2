// Rules about decisions and the deadlines they set.

extension Rules {
    static var decisions: [Rule] {
        [
            Rule("decision-references", decisionReferences),
            Rule("decision-item-on-agenda", decisionItemOnAgenda),
            Rule("deadline-not-before-decision", deadlineNotBeforeDecision),
            Rule("decisions-at-held-meetings", decisionsAtHeldMeetings),
        ]
    }

    /// A decision's meeting and the people, bodies and municipalities who act are in the registry.
    static func decisionReferences(_ registry: Registry) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for decision in registry.decisions {
            if registry[decision.meeting] == nil {
                found.append(missing(decision, "meeting", decision.meeting))
            }
            for actor in decision.actors {
                switch actor {
                case .person(let id) where registry[id] == nil: found.append(missing(decision, "actor", id))
                case .body(let id) where registry[id] == nil: found.append(missing(decision, "actor", id))
                case .municipality(let id) where registry[id] == nil:
                    found.append(missing(decision, "actor", id))
                default: break
                }
            }
        }
        return found
    }

    /// A decision's item number is an item on its meeting's agenda.
    static func decisionItemOnAgenda(_ registry: Registry) -> [Diagnostic] {
        registry.decisions.compactMap { decision in
            guard let meeting = registry[decision.meeting],
                !meeting.agenda.contains(where: { $0.number == decision.item })
            else { return nil }
            let numbers = meeting.agenda.map { String($0.number) }.joined(separator: ", ")
            return .error(
                "\(decision.label) is under item \(decision.item), but \(meeting.label) at \(meeting.location) "
                    + (numbers.isEmpty ? "has no agenda" : "has items \(numbers)"),
                at: decision.location)
        }
    }

    /// A deadline is not before the meeting that set it.
    static func deadlineNotBeforeDecision(_ registry: Registry) -> [Diagnostic] {
        registry.decisions.compactMap { decision in
            guard let deadline = decision.deadline, deadline.isValid,
                let meeting = registry[decision.meeting],
                meeting.time.isValidDate, let decided = meeting.time.span.from, deadline < decided
            else { return nil }
            return .error(
                "\(decision.label) deadline \(deadline) is before the meeting that set it (\(meeting.time.when))",
                at: decision.location)
        }
    }

    /// No decision is recorded at a cancelled meeting.
    static func decisionsAtHeldMeetings(_ registry: Registry) -> [Diagnostic] {
        registry.decisions.compactMap { decision in
            guard let meeting = registry[decision.meeting], meeting.isCancelled else { return nil }
            return .error(
                "\(decision.label) was taken at \(meeting.label), which is cancelled (\(meeting.location))",
                at: decision.location)
        }
    }
}
