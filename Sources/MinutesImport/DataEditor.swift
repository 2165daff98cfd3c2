import Foundation
import Registry

/// Why drafts could not be written, in words for the person importing.
public struct DataEditError: Error, CustomStringConvertible {
    public let description: String
}

/// Writes drafted records into the Swift files of `Data/` without ever leaving it broken:
/// the edits are made to a copy, laid out by the toolchain's `swift format`, and the copy
/// is type-checked against the `Registry` module; only then are the changed files moved
/// into place, each by an atomic rename. On any failure nothing in `Data/` changes.
public struct DataEditor {
    public let dataDirectory: String
    /// The folder holding `Registry.swiftmodule` (`.build/debug/Modules`), for the check.
    public let modulesDirectory: String

    public init(dataDirectory: String, modulesDirectory: String) {
        self.dataDirectory = dataDirectory
        self.modulesDirectory = modulesDirectory
    }

    /// The Swift files of `Data/`, by file name.
    public func sources() throws(DataEditError) -> [String: String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: dataDirectory).filter {
                $0.hasSuffix(".swift")
            }
        } catch {
            throw DataEditError(description: "\(dataDirectory): mappen kan inte läsas (\(error))")
        }
        var files: [String: String] = [:]
        for name in names {
            guard let data = FileManager.default.contents(atPath: dataDirectory + "/" + name) else {
                continue
            }
            files[name] = String(decoding: data, as: UTF8.self)
        }
        return files
    }

    /// Applies `drafts` to the files, checks the result and writes the changed files.
    ///
    /// - Returns: the names of the files written.
    /// - Parameter typecheck: false only when the caller checks once after several writes
    ///   (`samverkan add --no-check`, for scripts); the files are formatted either way.
    @discardableResult
    public func write(_ drafts: [Draft], check typecheck: Bool = true) throws(DataEditError) -> [String] {
        let original = try sources()
        var edit = DataEdit(files: original)
        try edit.apply(drafts)
        let changed = edit.files.filter { original[$0.key] != $0.value }
        guard !changed.isEmpty else { return [] }
        let copy = try check(edit.files, typecheck: typecheck)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        for name in changed.keys.sorted() {
            let target = dataDirectory + "/" + name
            let temporary = dataDirectory + "/." + name + ".import"
            do {
                try? FileManager.default.removeItem(atPath: temporary)
                try FileManager.default.copyItem(atPath: copy + "/" + name, toPath: temporary)
                if rename(temporary, target) != 0 {
                    throw DataEditError(description: "\(target): kunde inte skrivas (errno \(errno))")
                }
            } catch let error as DataEditError {
                throw error
            } catch {
                throw DataEditError(description: "\(target): kunde inte skrivas (\(error))")
            }
        }
        return changed.keys.sorted()
    }

    /// Writes `files` to a fresh folder, formats them and type-checks them; the folder's path.
    func check(_ files: [String: String], typecheck check: Bool) throws(DataEditError) -> String {
        let folder = NSTemporaryDirectory() + "samverkan-data-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (name, text) in files {
                try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
            }
        } catch {
            throw DataEditError(description: "kunde inte skriva en tillfällig kopia av Data/: \(error)")
        }
        let paths = files.keys.sorted().map { folder + "/" + $0 }
        let format = Self.run(["swift", "format", "-i"] + formatConfiguration + paths)
        guard format.status == 0 else {
            try? FileManager.default.removeItem(atPath: folder)
            throw DataEditError(description: "swift format kunde inte ordna källkoden:\n" + format.output)
        }
        guard check else { return folder }
        let typecheck = Self.run(
            [
                "swiftc", "-typecheck", "-parse-as-library", "-swift-version", "6", "-module-name",
                "RegistryData",
                "-I", modulesDirectory,
            ] + paths)
        guard typecheck.status == 0 else {
            try? FileManager.default.removeItem(atPath: folder)
            let output = typecheck.output.replacing(folder + "/", with: "Data/")
            throw DataEditError(description: "Data/ skulle inte gå att kompilera; inget skrevs:\n" + output)
        }
        return folder
    }

    /// The project's `.swift-format` (beside `Data/`, else in the working folder): the copy
    /// lives in a temporary folder, where the formatter would not find it by itself.
    var formatConfiguration: [String] {
        let candidates = [dataDirectory + "/../.swift-format", ".swift-format"]
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            return []
        }
        return ["--configuration", found]
    }

    /// Runs a tool of the toolchain found on PATH; its status and what it printed.
    static func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let run = Tool.run(arguments)
        return (run.status, run.output + run.errors)
    }
}
