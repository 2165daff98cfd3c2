public import ArgumentParser
public import Registry

// Values the command line takes, parsed by ArgumentParser itself: a malformed value is a
// usage error (exit 64) that names the expected form.

extension Day: ExpressibleByArgument {
    /// `YYYY-MM-DD`, a real calendar date.
    public init?(argument: String) { self.init(iso: argument) }

    public static var defaultCompletionKind: CompletionKind { .default }
}

extension Event.Kind: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: Text.fold(argument.filter { $0 != " " })) }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `--kind meetings,deadlines`: kinds, comma-separated, the option repeatable.
struct KindList: ExpressibleByArgument {
    let kinds: [Event.Kind]

    init?(argument: String) {
        var kinds: [Event.Kind] = []
        for word in argument.split(separator: ",") {
            guard let kind = Event.Kind(argument: String(word)) else { return nil }
            kinds.append(kind)
        }
        guard !kinds.isEmpty else { return nil }
        self.kinds = kinds
    }

    static var allValueStrings: [String] { Event.Kind.allValueStrings }
}
