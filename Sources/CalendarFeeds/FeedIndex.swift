/// The standard feeds, found one way: by their path under `/feeds/`, or by the selection
/// a current feed (not a yearly archive) holds exactly. Pages, the server's catalog and
/// custom feeds all ask it, so a selection always finds the same feed.
public struct FeedIndex: Sendable {
    /// In `standardFeeds()` order: everything, kinds, municipalities, bodies, archives.
    public let feeds: [Feed]
    private let byPath: [String: Int]
    private let bySelection: [FeedSelection: Int]

    /// Indexes `feeds`; where two share a path or a selection, the first wins.
    public init(_ feeds: [Feed]) {
        self.feeds = feeds
        byPath = Dictionary(
            feeds.indices.map { (feeds[$0].path, $0) }, uniquingKeysWith: { first, _ in first })
        bySelection = Dictionary(
            feeds.indices.filter { !feeds[$0].isArchive }.map { (feeds[$0].selection, $0) },
            uniquingKeysWith: { first, _ in first })
    }

    /// The position in `feeds` of the feed at `path` (`municipalities/bjuv.ics`), matched exactly.
    public func position(ofPath path: some StringProtocol) -> Int? { byPath[String(path)] }

    /// The position in `feeds` of the current feed that holds exactly `selection`.
    public func position(of selection: FeedSelection) -> Int? { bySelection[selection] }

    /// The current feed that holds exactly `selection`, if there is one.
    public func standard(_ selection: FeedSelection) -> Feed? { position(of: selection).map { feeds[$0] } }
}
