public import Foundation

/// What the build put beside the running test bundle: the executables and the compiled
/// modules. Found from the bundle's own path, so tests use the build they belong to, in
/// whichever build folder (`scripts/test.sh` builds in `.build-test`, or in `.build-once`
/// for CI).
public enum BuildProducts {
    /// The folder holding the test bundle, the executables and `Modules`.
    public static let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()

    /// The folder of compiled modules (`Registry.swiftmodule`, …), for type-checking `Data/`.
    public static var modules: String { directory.appendingPathComponent("Modules").path }

    /// A built executable of the package, such as `samverkan`.
    public static func executable(_ name: String) -> URL { directory.appendingPathComponent(name) }
}
