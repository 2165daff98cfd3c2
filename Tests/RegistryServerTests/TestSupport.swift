import CalendarExport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Registry
import RegistryData
import RegistryServer

/// The package root, found from this file's path, so tests read the committed Exports/.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let exportsURL = packageRoot.appendingPathComponent("Exports")

/// A fixed "today" so that page content does not depend on when the tests run.
let testDay = Day(2026, 4, 20)

func makeApplication(publicURL: String = "https://kalender.example.se") throws -> some ApplicationProtocol {
    try buildApplication(
        registry: .familjenHelsingborg,
        configuration: ServerConfiguration(
            publicURL: publicURL, exportsPath: exportsURL.path, today: { testDay }),
        logger: {
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            return logger
        }())
}

func exportedBytes(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: exportsURL.appendingPathComponent(path)))
}

extension ByteBuffer {
    var bytes: [UInt8] { Array(buffer: self) }
    var text: String { String(buffer: self) }
}
