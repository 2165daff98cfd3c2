/// The outcome of looking a name up.
public enum NameMatch<Value> {
    /// Exactly one record answers to the name.
    case found(Value)
    /// Several records answer equally well; the caller should ask which one.
    case ambiguous([Value])
    /// Nothing answers; `suggestions` are the records whose names are closest, nearest first
    /// (empty when nothing is near).
    case notFound(suggestions: [Value])
}

/// Finds records by the names people type: in any case, with or without diacritics
/// ("ANGELHOLM" finds Ängelholm), by a prefix ("Åstor" finds Åstorp, as the OCR text of
/// the minutes has it), or by some of a name's words ("fristedt", "agneta f").
///
/// Candidates are tried in tiers, and the first tier that finds anything decides:
///
/// 1. a name equal to the query (folded, punctuation ignored: "helsingborg-stad");
/// 2. a name that starts with the query;
/// 3. a name in which every word of the query starts a different word ("crespin",
///    "fristedt agneta");
/// 4. a name that contains the query (at least three letters).
///
/// When nothing matches, suggestions come from the edit distance between the query and
/// each name, or each word of a name.
public struct NameMatcher<Value> {
    private struct Entry {
        let value: Value
        /// Each name as folded words.
        let names: [[String]]
    }

    private let entries: [Entry]

    /// - Parameters:
    ///   - values: The records to look among, in the order suggestions and ambiguous
    ///     candidates should be listed when they tie.
    ///   - names: Every name a record answers to: its name, formal name, aliases, ID.
    public init(_ values: [Value], names: (Value) -> [String]) {
        entries = values.map { value in
            Entry(value: value, names: names(value).map(NameMatcher.words).filter { !$0.isEmpty })
        }
    }

    /// Folded words of a name: "Helsingborgs stad" -> ["helsingborgs", "stad"].
    static func words(_ text: String) -> [String] {
        Text.slug(text).split(separator: "-").map(String.init)
    }

    public func match(_ query: String) -> NameMatch<Value> {
        let queryWords = NameMatcher.words(query)
        guard !queryWords.isEmpty else { return .notFound(suggestions: []) }
        let joined = queryWords.joined(separator: " ")
        let compact = queryWords.joined()

        let tiers: [([String]) -> Bool] = [
            { $0.joined(separator: " ") == joined },
            { $0.joined(separator: " ").hasPrefix(joined) },
            { NameMatcher.wordsStart(queryWords, in: $0) },
            { compact.count >= 3 && $0.joined().contains(compact) },
        ]
        for tier in tiers {
            let found = entries.filter { $0.names.contains(where: tier) }
            if found.count == 1 { return .found(found[0].value) }
            if found.count > 1 { return .ambiguous(found.map(\.value)) }
        }
        return .notFound(suggestions: suggestions(for: joined))
    }

    /// The records nearest the query by edit distance, nearest first.
    ///
    /// - Parameters:
    ///   - query: What the person typed.
    ///   - limit: How many to return at most.
    ///   - nearOnly: When true, only records within a few edits of the query (about a
    ///     third of its length, at least two).
    public func nearest(_ query: String, limit: Int, nearOnly: Bool = false) -> [Value] {
        let joined = NameMatcher.words(query).joined(separator: " ")
        guard !joined.isEmpty else { return [] }
        let threshold = max(2, joined.count / 3)
        let scored = entries.enumerated().map { index, entry in
            (index: index, distance: distance(from: joined, to: entry))
        }
        return
            scored
            .filter { !nearOnly || $0.distance <= threshold }
            .sorted { ($0.distance, $0.index) < ($1.distance, $1.index) }
            .prefix(limit)
            .map { entries[$0.index].value }
    }

    private func suggestions(for joined: String) -> [Value] {
        nearest(joined, limit: 5, nearOnly: true)
    }

    private func distance(from query: String, to entry: Entry) -> Int {
        var best = Int.max
        for name in entry.names {
            best = min(best, Text.editDistance(query, name.joined(separator: " ")))
            for word in name { best = min(best, Text.editDistance(query, word)) }
        }
        return best
    }

    /// Whether each query word starts a different word of the name, in any order.
    private static func wordsStart(_ query: [String], in name: [String]) -> Bool {
        var unused = name
        for word in query {
            guard let index = unused.firstIndex(where: { $0.hasPrefix(word) }) else { return false }
            unused.remove(at: index)
        }
        return true
    }
}

extension Text {
    /// The Levenshtein distance between two strings, counted in characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
