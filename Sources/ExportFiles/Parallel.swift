import Dispatch
import NIOConcurrencyHelpers

/// The parts of an export that do not depend on each other, spread over the machine's
/// cores. These are synchronous functions that return when their work is done, so they
/// use Dispatch's threads, not Swift concurrency's cooperative pool.
package enum Parallel {
    /// `0..<count` cut into consecutive ranges of `size` (the last one shorter), for work
    /// handed to the cores a part at a time.
    static func parts(_ count: Int, size: Int) -> [Range<Int>] {
        precondition(size > 0)
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    /// `transform` of every element, each on whichever core is free, in the order of
    /// `elements`.
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let results = NIOLockedValueBox<[Result?]>(Array(repeating: nil, count: elements.count))
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            let result = transform(elements[index])
            results.withLockedValue { $0[index] = result }
        }
        return results.withLockedValue { $0.map { $0! } }
    }

    /// Starts `work` on another thread at once; `Pending.value()` waits for its result.
    package static func background<Result: Sendable>(_ work: @escaping @Sendable () -> Result) -> Pending<
        Result
    > {
        let pending = Pending<Result>()
        pending.group.enter()
        DispatchQueue.global().async {
            let result = work()
            pending.result.withLockedValue { $0 = result }
            pending.group.leave()
        }
        return pending
    }

    /// The result of work started with `background`.
    package final class Pending<Result: Sendable>: Sendable {
        fileprivate let result = NIOLockedValueBox<Result?>(nil)
        fileprivate let group = DispatchGroup()

        /// Waits for the work, then returns what it made.
        package func value() -> Result {
            group.wait()
            return result.withLockedValue { $0! }
        }

        /// Waits for the work, then hands over what it made and keeps nothing, for results
        /// too large to hold twice. Once only: `value()` and `take()` must not follow.
        package func take() -> Result {
            group.wait()
            return result.withLockedValue { kept in
                defer { kept = nil }
                return kept!
            }
        }
    }
}
