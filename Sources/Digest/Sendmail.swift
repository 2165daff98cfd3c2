import Foundation

/// Hands a message to a sendmail-compatible command (`/usr/sbin/sendmail -t -oi`, or
/// msmtp as `msmtp-mta` installs it), which reads the recipients from its headers.
public struct Sendmail: Sendable {
    public static let defaultCommand = "/usr/sbin/sendmail -t -oi"

    /// The command line, run by `/bin/sh -c`.
    public let command: String

    public init(command: String = Sendmail.defaultCommand) { self.command = command }

    /// Pipes `bytes` to the command; nil when it exited 0, else what went wrong (its exit
    /// status and what it wrote to stderr).
    public func deliver(_ bytes: [UInt8]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return "cannot run '\(command)': \(error)"
        }
        // Reading stderr on its own thread keeps a chatty command from blocking on a full pipe.
        let collected = Collected()
        let reader = Thread { collected.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        try? input.fileHandleForWriting.write(contentsOf: Data(bytes))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        let message = String(decoding: collected.wait(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            return "'\(command)' exited with status \(process.terminationStatus)"
                + (message.isEmpty ? "" : ": \(message)")
        }
        return nil
    }

    /// What the stderr thread read, handed over once.
    private final class Collected: @unchecked Sendable {
        private let condition = NSCondition()
        private var data: Data?

        func set(_ value: Data) {
            condition.lock()
            data = value
            condition.signal()
            condition.unlock()
        }

        func wait() -> Data {
            condition.lock()
            defer { condition.unlock() }
            while data == nil { condition.wait() }
            return data!
        }
    }
}
