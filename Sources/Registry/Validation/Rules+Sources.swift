// Rules about citations: every fact points at a document the registry holds.

extension Rules {
    static var sources: [Rule] {
        [Rule("sources-cited", sourcesCited)]
    }

    /// Every record cites a document that is in the registry (a blank item is a text rule).
    static func sourcesCited(_ registry: Registry) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func check(_ records: [some DescribedRecord]) {
            for record in records {
                let source = record.source
                if registry[source.document] == nil {
                    found.append(
                        .error(
                            "\(record.label) cites document '\(source.document.rawValue)', which has no record "
                                + "in the registry; add it in Data/Documents.swift",
                            at: record.location))
                }
            }
        }
        check(registry.municipalities)
        check(registry.people)
        check(registry.bodies)
        check(registry.memberships)
        check(registry.appointments)
        check(registry.meetings)
        check(registry.decisions)
        check(registry.actionRequests)
        check(registry.actionResponses)
        return found
    }
}
