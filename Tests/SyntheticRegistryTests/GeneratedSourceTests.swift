import Foundation
import Registry
import RegistryFixtures
import SyntheticRegistry
import Testing

/// The Swift source the data benchmark compiles at thousands of records, compiled here at
/// a small size against the Registry module this test run was built with: a change to
/// the model that the generator misses fails here, not in the middle of a benchmark.
@Suite struct GeneratedSourceTests {
    @Test(arguments: [SyntheticRegistry.DataShape.recommended])
    func generatedDataSourceTypeChecks(shape: SyntheticRegistry.DataShape) throws {
        let files = SyntheticRegistry.swiftSource(records: 120, seed: 7, shape: shape)
        #expect(files.count >= 2)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "samverkan-generated-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        // The modules this test bundle was built with, beside it.
        let modules = URL(fileURLWithPath: BuildProducts.modules)
        try #require(
            FileManager.default.fileExists(
                atPath: modules.appendingPathComponent("Registry.swiftmodule").path),
            "no Registry.swiftmodule in \(modules.path)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "swiftc", "-typecheck", "-swift-version", "6", "-module-name", "SyntheticData", "-I",
                modules.path,
            ]
            + paths
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output.prefix(2000))")
    }
}
