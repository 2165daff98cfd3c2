import ExportFiles
import NIOConcurrencyHelpers
import Testing

/// The export's two stages: every element prepared once, on another thread, and every
/// batch consumed in order on the calling one.
@Suite struct PipelineTests {
    @Test(arguments: [(0, 4), (1, 4), (4, 4), (5, 4), (1_000, 7), (3_000, 1_024)])
    func everyElementIsPreparedOnceAndConsumedInOrder(count: Int, batchSize: Int) {
        let elements = Array(0..<count)
        let prepared = NIOLockedValueBox<[Int]>([])
        var consumed: [Int] = []
        var batches: [Range<Int>] = []
        Pipeline.run(
            elements, batchSize: batchSize,
            prepare: { element in
                prepared.withLockedValue { $0.append(element) }
                return element * 3 + 1
            },
            consume: { batch, made in
                batches.append(batch)
                consumed += made
            })
        #expect(consumed == elements.map { $0 * 3 + 1 })
        #expect(prepared.withLockedValue { $0.sorted() } == elements)
        #expect(batches.allSatisfy { $0.count <= batchSize && !$0.isEmpty })
        #expect(batches.map(\.lowerBound) == Array(stride(from: 0, to: count, by: batchSize)))
    }
}
