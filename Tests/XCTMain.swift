import Testing
import XCTest

/// The test bundle's entry point. With this file SwiftPM builds no test-discovery module,
/// which on Linux reads the index store, so the test command builds without indexing
/// (`scripts/test.sh`). Every test is a Swift Testing test:
/// - `--testing-library swift-testing` (the test command), or no arguments (`swift test`,
///   or the bundle run by hand), runs them;
/// - anything else is SwiftPM's XCTest side, which has no tests: `--dump-tests-json`
///   answers an empty list. So `swift test --filter X` finds nothing; filter with
///   `swift test --enable-swift-testing --filter X`.
@main struct TestEntryPoint {
    static func main() async {
        let arguments = CommandLine.arguments.dropFirst()
        let library = arguments.firstIndex(of: "--testing-library").flatMap { arguments[($0 + 1)...].first }
        if library == "swift-testing" || arguments.isEmpty {
            await Testing.__swiftPMEntryPoint() as Never
        }
        XCTMain([]) as Never
    }
}
