/// Two stages over a list, in order: `prepare` makes each element's part that depends on
/// nothing before it, a batch ahead on another core, while `consume` takes the batches on
/// the calling thread, one after another. An export words its events this way while the
/// calling thread gives them SEQUENCE numbers and libical bytes, which must happen in order.
public enum Pipeline {
    /// Elements per batch unless a caller says otherwise: large enough that handing a
    /// batch between cores costs nothing, small enough that few prepared elements wait in
    /// memory.
    public static let batchSize = 1_024

    /// Runs both stages over `elements`; returns when `consume` has taken the last batch.
    ///
    /// - Parameters:
    ///   - batchSize: Elements per batch.
    ///   - prepare: Runs on another thread, for every element once.
    ///   - consume: Runs on the calling thread, with each batch's range in `elements` and
    ///     what `prepare` made of it, in order.
    public static func run<Element: Sendable, Prepared: Sendable>(
        _ elements: [Element], batchSize: Int = Pipeline.batchSize,
        prepare: @escaping @Sendable (Element) -> Prepared,
        consume: (_ batch: Range<Int>, _ prepared: [Prepared]) -> Void
    ) {
        let batches = Parallel.parts(elements.count, size: batchSize)
        func start(_ batch: Range<Int>) -> Parallel.Pending<[Prepared]> {
            Parallel.background { elements[batch].map(prepare) }
        }
        var next = batches.first.map(start)
        for (number, batch) in batches.enumerated() {
            let prepared = next!.value()
            next = number + 1 < batches.count ? start(batches[number + 1]) : nil
            consume(batch, prepared)
        }
    }
}
