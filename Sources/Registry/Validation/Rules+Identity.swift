// Rules about IDs and slugs, which become URLs, file names and calendar UIDs.

extension Rules {
    static var identity: [Rule] {
        [
            Rule("unique-ids", uniqueIDs),
            Rule("id-format", idFormat),
            Rule("unique-slugs", uniqueSlugs),
        ]
    }

    /// No two records of one kind share an ID; the later one is reported.
    static func uniqueIDs(_ registry: Registry) -> [Diagnostic] {
        duplicates(registry.documents) + duplicates(registry.municipalities) + duplicates(registry.people)
            + duplicates(registry.bodies)
            + duplicates(registry.memberships, hint: "same person, body, role, municipality and start")
            + duplicates(registry.appointments, hint: "give one of them an explicit `id:`")
            + duplicates(registry.meetings) + duplicates(registry.decisions)
            + duplicates(registry.actionRequests)
            + duplicates(registry.actionResponses, hint: "same party, action and day")
    }

    /// Every ID, and every role key in a membership ID, is lower-case ASCII joined by hyphens.
    static func idFormat(_ registry: Registry) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func check(_ records: [some DescribedRecord]) {
            for record in records where !isSlug(record.id.rawValue) {
                found.append(.error(malformed("\(record.label)", record.id.rawValue), at: record.location))
            }
        }
        check(registry.documents)
        check(registry.municipalities)
        check(registry.people)
        check(registry.bodies)
        check(registry.meetings)
        check(registry.decisions)
        check(registry.actionRequests)
        for membership in registry.memberships where !isSlug(membership.role.key) {
            found.append(
                .error(
                    malformed("role key of \(membership.label)", membership.role.key), at: membership.location
                ))
        }
        for appointment in registry.appointments {
            let id = appointment.id.rawValue
            let derived = "\(appointment.person.rawValue).\(appointment.body.rawValue)"
            let segments = id.split(separator: ".", omittingEmptySubsequences: false)
            if id != derived && !segments.allSatisfy({ isSlug($0) }) {
                found.append(.error(malformed("ID of \(appointment.label)", id), at: appointment.location))
            }
        }
        return found
    }

    /// Municipality and body slugs are non-empty and unique; a municipality ID matches its slug.
    ///
    /// The slugs name feed files; an ID that differs from the slug is only a warning.
    static func uniqueSlugs(_ registry: Registry) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func check<R: DescribedRecord>(_ records: [R], slug: (R) -> String, from: String) {
            var first: [String: R] = [:]
            for record in records {
                let slug = slug(record)
                if slug.isEmpty {
                    found.append(
                        .error(
                            "\(record.label) has an empty slug: its \(from) has no ASCII letters or digits",
                            at: record.location))
                } else if let other = first[slug], other.id != record.id {
                    found.append(
                        .error(
                            "\(record.label) has the slug '\(slug)', which \(other.label) at \(other.location) "
                                + "already has; feed addresses would collide",
                            at: record.location))
                } else if first[slug] == nil {
                    first[slug] = record
                }
            }
        }
        check(registry.municipalities, slug: \.slug, from: "name")
        check(registry.bodies, slug: \.slug, from: "ID")
        for municipality in registry.municipalities
        where !municipality.slug.isEmpty && isSlug(municipality.id.rawValue)
            && municipality.slug != municipality.id.rawValue
        {
            found.append(
                .warning(
                    "\(municipality.label) differs from the slug of its name, '\(municipality.slug)'; "
                        + "feed addresses and lookups by name may disagree",
                    at: municipality.location))
        }
        return found
    }

    /// Whether `text` is lower-case ASCII letters and digits in words joined by single hyphens.
    static func isSlug(_ text: some StringProtocol) -> Bool {
        let words = text.split(separator: "-", omittingEmptySubsequences: false)
        return words.allSatisfy { word in
            !word.isEmpty
                && word.unicodeScalars.allSatisfy { scalar in
                    switch scalar {
                    case "a"..."z", "0"..."9": true
                    default: false
                    }
                }
        }
    }

    private static func malformed(_ what: String, _ value: String) -> String {
        let suggestion = Text.slug(value)
        return "\(what) is not lower-case ASCII words joined by hyphens, as URLs and calendar UIDs need"
            + (suggestion.isEmpty || suggestion == value ? "" : "; write '\(suggestion)'")
    }

    private static func duplicates(_ records: [some DescribedRecord], hint: String? = nil) -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var found: [Diagnostic] = []
        for record in records {
            if let earlier = first[record.id.rawValue] {
                found.append(
                    .error(
                        "duplicate \(type(of: record).kindName) ID '\(record.id.rawValue)', first used at \(earlier)"
                            + (hint.map { " (\($0))" } ?? ""),
                        at: record.location))
            } else {
                first[record.id.rawValue] = record.location
            }
        }
        return found
    }
}
