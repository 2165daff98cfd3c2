import CalendarFeeds
import ExportFiles
import Foundation
import ICalendar
import Registry
import RegistryData

/// The package's root folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh temporary folder, unique per call.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("samverkan-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The real data's export, as `samverkan export` would write it from an empty ledger.
func exportOfRealData() throws -> [ExportFile] {
    try Registry.familjenHelsingborg.exportFiles(previous: Ledgers())
}

extension Registry {
    /// The files `samverkan export` writes, carried forward from `ledger`.
    func exportFiles(previous ledger: Ledgers) throws -> [ExportFile] {
        Publication(registry: self, previous: ledger, encoder: try ICalendarEncoder()).files
    }

    /// Every event in order, in the words a calendar shows.
    func calendarEvents() -> [VEvent] { events().map(calendarEvent) }
}

/// The iCalendar feeds among export files.
func feeds(_ files: [ExportFile]) -> [ExportFile] {
    files.filter { $0.path.hasSuffix(".ics") }
}

/// Physical lines split at CRLF (the last, empty piece after the final CRLF dropped).
func physicalLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines: [ArraySlice<UInt8>] = []
    var start = 0
    var index = 0
    while index + 1 < bytes.count {
        if bytes[index] == 13 && bytes[index + 1] == 10 {
            lines.append(bytes[start..<index])
            index += 2
            start = index
        } else {
            index += 1
        }
    }
    if start < bytes.count { lines.append(bytes[start...]) }
    return lines
}

/// Content lines: physical lines unfolded (a line starting with a space continues the last).
func contentLines(_ bytes: [UInt8]) -> [String] {
    var lines: [String] = []
    for line in physicalLines(bytes) {
        let text = String(decoding: line, as: UTF8.self)
        if text.hasPrefix(" "), !lines.isEmpty {
            lines[lines.count - 1] += text.dropFirst()
        } else {
            lines.append(text)
        }
    }
    return lines
}

/// Runs a program, returning its exit status and combined output.
func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Writes export files under a folder, as plain files (no atomic swap needed in tests).
func write(_ files: [ExportFile], to folder: URL) throws {
    for file in files {
        let url = folder.appendingPathComponent(file.path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(file.bytes).write(to: url)
    }
}
