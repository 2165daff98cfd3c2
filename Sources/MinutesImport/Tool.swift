public import Foundation

/// What a tool run as a process printed, and how it ended.
public struct ToolRun: Sendable {
    public let status: Int32
    /// Standard output, with standard error after it unless they were kept apart.
    public let output: String
    /// Standard error, when kept apart from the output.
    public let errors: String
}

/// Runs the tools the importer leans on (`pdftotext`, `swift format`, `swiftc`) as
/// processes found on PATH.
public enum Tool {
    /// Runs `arguments` (the tool first), giving it `input` on standard input, in
    /// `directory` when given; status 127 when it cannot start.
    public static func run(
        _ arguments: [String], input: String? = nil, directory: URL? = nil, separateErrors: Bool = false
    ) -> ToolRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        let errors = separateErrors ? Pipe() : output
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        if input != nil { process.standardInput = stdin }
        do {
            try process.run()
        } catch {
            return ToolRun(status: 127, output: "", errors: "\(arguments[0]) kunde inte startas: \(error)")
        }
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = separateErrors ? errors.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        return ToolRun(
            status: process.terminationStatus, output: String(decoding: printed, as: UTF8.self),
            errors: String(decoding: errorText, as: UTF8.self))
    }
}
