/// Swedish alphabetical order: å, ä and ö are letters of their own after z (Åstorp and
/// Ängelholm after Svalöv, Örkelljunga last), case is ignored, and é, ü and the like sort
/// as their plain letters. Every sorted list on the pages uses it.
enum SwedishCollation {
    /// The text's sort key: lower case, with å, ä and ö moved past z.
    static func key(_ text: String) -> [UInt32] {
        text.lowercased().unicodeScalars.map { scalar in
            switch scalar {
            case "å": 0x7B
            case "ä", "æ": 0x7C
            case "ö", "ø": 0x7D
            case "é", "è", "ê", "ë": 0x65
            case "ü": 0x79
            case "á", "à", "â": 0x61
            default: scalar.value
            }
        }
    }

    /// Whether `a` sorts before `b`; texts of the same key keep their code-point order.
    static func precedes(_ a: String, _ b: String) -> Bool {
        let (keyA, keyB) = (key(a), key(b))
        return keyA == keyB ? a < b : keyA.lexicographicallyPrecedes(keyB)
    }

    /// `items` in Swedish order of `name`.
    static func sorted<T>(_ items: some Sequence<T>, by name: (T) -> String) -> [T] {
        items.map { (name($0), $0) }.sorted { precedes($0.0, $1.0) }.map(\.1)
    }
}
