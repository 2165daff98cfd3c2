// Rules about bodies: their lifecycle and where they sit.

extension Rules {
    static var bodies: [Rule] {
        [
            Rule("lifecycle-in-order", lifecycleInOrder),
            Rule("body-references", bodyReferences),
        ]
    }

    /// A lifecycle has a stage, and its stages come in order: proposed, active, closed.
    ///
    /// A stage may begin on the day the one before it does.
    static func lifecycleInOrder(_ registry: Registry) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for body in registry.bodies {
            let milestones = body.lifecycle.milestones
            if milestones.isEmpty {
                found.append(
                    .error(
                        "\(body.label) has a lifecycle with no stage; use `.established` or set `proposed:` or "
                            + "`active:`",
                        at: body.location))
            }
            for (earlier, later) in zip(milestones, milestones.dropFirst()) {
                let outOfOrder: Bool =
                    switch (earlier.start, later.start) {
                    case (.on, .beforeRecords): true
                    case (.on(let a), .on(let b)): a.isValid && b.isValid && b < a
                    default: false
                    }
                if outOfOrder {
                    found.append(
                        .error(
                            "\(body.label) is \(later.stage.rawValue) \(describe(later.start)), before it was "
                                + "\(earlier.stage.rawValue) \(describe(earlier.start)); stages go proposed, "
                                + "active, closed",
                            at: body.location))
                }
            }
        }
        return found
    }

    /// A body's parent and municipality are in the registry, and no body is its own ancestor.
    static func bodyReferences(_ registry: Registry) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for body in registry.bodies {
            if let parent = body.parent, registry[parent] == nil {
                found.append(missing(body, "parent", parent))
            }
            if let municipality = body.municipality, registry[municipality] == nil {
                found.append(missing(body, "municipality", municipality))
            }
            var seen: Set<Body.ID> = [body.id]
            var next = body.parent
            while let current = next, let parent = registry[current] {
                if current == body.id {
                    found.append(
                        .error("\(body.label) is its own ancestor through `parent:`", at: body.location))
                    break
                }
                guard seen.insert(current).inserted else { break }
                next = parent.parent
            }
        }
        return found
    }

    private static func describe(_ start: Lifecycle.Start) -> String {
        switch start {
        case .beforeRecords: "since before the records"
        case .on(let day): "on \(day)"
        }
    }

    /// The message for a reference to an ID that was declared but has no record.
    static func missing<T>(_ record: some DescribedRecord, _ field: String, _ id: RecordID<T>) -> Diagnostic {
        .error(
            "\(record.label) \(field) '\(id.rawValue)' has no record in the registry: the ID is declared "
                + "but nothing adds it",
            at: record.location)
    }
}
