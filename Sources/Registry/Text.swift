/// Text folding shared by slugs and name matching.
public enum Text {
    /// Folds case and the diacritics of Nordic and other Latin names to plain ASCII
    /// lower case: "Ängelholm" -> "angelholm", "Crespín" -> "crespin".
    /// Characters with no ASCII form are kept as they are.
    public static func fold(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.lowercased() {
            if character.isASCII {
                result.append(character)
            } else if let base = foldings[character] {
                result += base
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Lower-case ASCII words joined by hyphens: "Helsingborgs stad" -> "helsingborgs-stad".
    public static func slug(_ text: some StringProtocol) -> String {
        var words: [String] = []
        var word = ""
        for character in fold(text) {
            if character.isASCII && (character.isLetter || character.isNumber) {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: "-")
    }

    private static let foldings: [Character: String] = {
        var table: [Character: String] = [:]
        let groups: [(String, String)] = [
            ("a", "àáâãäåāăą"), ("c", "çćčĉċ"), ("d", "ďđð"), ("e", "èéêëēĕėęě"),
            ("g", "ĝğġģ"), ("h", "ĥħ"), ("i", "ìíîïĩīĭįı"), ("j", "ĵ"), ("k", "ķ"),
            ("l", "ĺļľŀł"), ("n", "ñńņňŉ"), ("o", "òóôõöøōŏő"), ("r", "ŕŗř"),
            ("s", "śŝşšș"), ("t", "ţťŧț"), ("u", "ùúûüũūŭůűų"), ("w", "ŵ"), ("y", "ýÿŷ"),
            ("z", "źżž"), ("ae", "æ"), ("oe", "œ"), ("ss", "ß"), ("th", "þ"),
        ]
        for (base, variants) in groups {
            for variant in variants { table[variant] = base }
        }
        return table
    }()
}
