/// A small, fast, deterministic pseudo-random generator (Steele, Lea and Flood's SplitMix64).
///
/// The same seed gives the same sequence on every platform and Swift version, which the
/// standard library's `SystemRandomNumberGenerator` does not promise; `Int.random(in:using:)`
/// is avoided too, because its algorithm may change between releases. Tests that generate
/// their cases from a seed use it as their `RandomNumberGenerator`.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`; the modulo bias is below 2⁻³² for the ranges used here.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    mutating func pick<T>(_ values: [T]) -> T {
        values[int(in: 0...values.count - 1)]
    }
}
