public import Registry

extension ImportPlan {
    /// The registry with the drafts not in `skipped` applied: added, or replacing the
    /// record they replace.
    public func applied(to registry: Registry, skipping skipped: Set<Int> = []) -> Registry {
        var result = registry
        for draft in drafts where !skipped.contains(draft.number) {
            result = draft.applied(to: result)
        }
        return result
    }

    /// The errors the drafts would bring: `validate`'s rules run on the registry with the
    /// drafts applied, less the errors the registry already had. Each names its draft
    /// ("förslag 4") or the record of `Data/` it concerns.
    public func problems(in registry: Registry, skipping skipped: Set<Int> = []) -> [String] {
        let before = Set(registry.validate().filter { $0.severity == .error }.map(\.message))
        let after = applied(to: registry, skipping: skipped).validate().filter { $0.severity == .error }
        return after.filter { !before.contains($0.message) }.map { diagnostic in
            let place =
                diagnostic.location.filePath == "utkast"
                ? "förslag \(diagnostic.location.line)" : diagnostic.location.description
            return "\(place): \(diagnostic.message)"
        }
    }
}

extension Draft {
    func applied(to registry: Registry) -> Registry {
        var result = registry
        switch (record, change) {
        case (.document(let record), _): result.add(record)
        case (.person(let record), _): result.add(record)
        case (.membership(let record), .add): result.add(record)
        case (.membership(let record), .replace(let location)):
            result = result.replacingMemberships { $0.location == location ? record : $0 }
        case (.staff(let record), _): result.add(record)
        case (.meeting(let record), .add): result.add(record)
        case (.meeting(let record), .replace):
            result = result.replacingMeetings { $0.id == record.id ? record : $0 }
        case (.decision(let record), _): result.add(record)
        case (.request(let record), _): result.add(record)
        case (.response(let record), _): result.add(record)
        case (.body(let record), .add): result.add(record)
        case (.body(let record), .replace):
            result = result.replacingBodies { $0.id == record.id ? record : $0 }
        }
        return result
    }
}
