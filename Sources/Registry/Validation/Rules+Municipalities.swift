// Rules about the member municipalities.

extension Rules {
    static var municipalities: [Rule] {
        [Rule("unambiguous-municipality-names", unambiguousMunicipalityNames)]
    }

    /// No name, official name or alias of one municipality names another.
    ///
    /// `who` looks municipalities up by any of them, in any case, with or without å/ä/ö.
    static func unambiguousMunicipalityNames(_ registry: Registry) -> [Diagnostic] {
        var owner: [String: Municipality] = [:]
        var found: [Diagnostic] = []
        for municipality in registry.municipalities {
            var own: Set<String> = []
            for name in [municipality.name, municipality.officialName] + municipality.aliases {
                let key = Text.fold(name)
                guard !key.allSatisfy(\.isWhitespace), own.insert(key).inserted else { continue }
                if let other = owner[key], other.id != municipality.id {
                    found.append(
                        .error(
                            "\(municipality.label) is also called '\(name)', which names \(other.label) "
                                + "at \(other.location); lookups by that name would be ambiguous",
                            at: municipality.location))
                } else {
                    owner[key] = municipality
                }
            }
        }
        return found
    }
}
