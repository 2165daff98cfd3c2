// Rules about people.

extension Rules {
    static var people: [Rule] {
        [Rule("well-formed-emails", wellFormedEmails)]
    }

    /// An e-mail address, when given, has the form `local@domain.tld` in ASCII.
    static func wellFormedEmails(_ registry: Registry) -> [Diagnostic] {
        registry.people.compactMap { person in
            guard let email = person.email, !isEmailAddress(email) else { return nil }
            return .error(
                "\(person.label) e-mail '\(email)' is not a well-formed address", at: person.location)
        }
    }

    /// A practical check of `local@domain.tld`: dot-atom local part, LDH domain labels,
    /// an alphabetic top-level domain. No quoted local parts, no IP literals.
    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return false }
        let localSymbols = Set("!#$%&'*+/=?^_`{|}~-".unicodeScalars)
        let atoms = local.split(separator: ".", omittingEmptySubsequences: false)
        guard local.utf8.count <= 64,
            atoms.allSatisfy({ atom in
                !atom.isEmpty
                    && atom.unicodeScalars.allSatisfy { isASCIIAlphanumeric($0) || localSymbols.contains($0) }
            })
        else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, domain.utf8.count <= 253,
            labels.allSatisfy({ label in
                (1...63).contains(label.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.unicodeScalars.allSatisfy { isASCIIAlphanumeric($0) || $0 == "-" }
            }),
            let tld = labels.last, tld.count >= 2,
            tld.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic })
        else { return false }
        return true
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": true
        default: false
        }
    }
}
