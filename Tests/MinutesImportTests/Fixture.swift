import Foundation

/// The minutes the tests read, in `Fixtures/` beside this file: the seed (10 April 2026),
/// two more in its layout, and a sammanträdesprotokoll of another layout.
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static func text(_ name: String) -> String {
        (try? String(contentsOfFile: path(name), encoding: .utf8)) ?? ""
    }
}
