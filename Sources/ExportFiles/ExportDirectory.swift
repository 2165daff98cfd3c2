import CSystemShims
import CalendarFeeds
public import Foundation
import Registry

/// The `Exports/` folder: read the previous ledger, compare, and replace atomically.
///
/// A replacement writes the new set into a hidden sibling folder, flushes it to disk,
/// and swaps the two folders in one `renameat2(RENAME_EXCHANGE)` call. A crash or kill
/// at any moment leaves either the old set or the new set in place, never a mix, and
/// never a half-written file; leftovers of an interrupted run are removed next time.
public struct ExportDirectory: Sendable {
    public let url: URL

    public init(_ url: URL) {
        self.url = url.standardizedFileURL
    }

    private var parent: URL { url.deletingLastPathComponent() }
    private var stagingPrefix: String { ".\(url.lastPathComponent).staging-" }

    /// The ledgers of the export in place, or empty ones when there is none yet.
    public func previousLedger() throws -> Ledgers {
        func text(_ name: String) throws -> String? {
            let file = url.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: file.path) else { return nil }
            return String(decoding: try Data(contentsOf: file), as: UTF8.self)
        }
        guard let sequences = try text(EventLedger.fileName) else { return Ledgers() }
        return try Ledgers(
            sequences: sequences, revisions: try text(FileRevisions.fileName),
            changes: try text(ChangeHistory.fileName), seats: try text(SeatLedger.fileName))
    }

    /// Paths that differ between the folder and `files`: changed, missing or extra.
    public func differences(from files: [ExportFile]) -> [String] {
        var stale = changedFiles(files)
        let expected = Set(files.map(\.path))
        for path in existingFiles() where !expected.contains(path) { stale.append(path) }
        return stale.sorted()
    }

    /// Compares file by file, several at once.
    private func changedFiles(_ files: [ExportFile]) -> [String] {
        Parallel.map(files) { file in differs(file.path, from: file.bytes) ? file.path : nil }.compactMap {
            $0
        }
    }

    /// A file's bytes, mapped into memory (read from the page cache, not copied); nil when
    /// it cannot be read.
    private static func mapped(_ url: URL) -> Data? {
        try? Data(contentsOf: url, options: .alwaysMapped)
    }

    /// The file system path of `path` under the folder. Joined as text: `URL` asks the
    /// file system whether each joined path is a folder, a call per file of the export.
    private func filePath(_ path: String) -> String {
        let folder = url.path
        return folder.hasSuffix("/") ? folder + path : folder + "/" + path
    }

    /// The bytes of the file at `path` under the folder, read straight into the array (a
    /// mapping would fault in every page before the copy); nil when it cannot be read.
    func bytes(_ path: String) -> [UInt8]? {
        let descriptor = open(filePath(path), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(status.st_size)
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let got = read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { break }
                count += got
            }
        }
    }

    /// Whether the file at `path` under the folder is missing or holds other bytes.
    func differs(_ path: String, from bytes: [UInt8]) -> Bool {
        guard let onDisk = Self.mapped(url.appendingPathComponent(path)), onDisk.count == bytes.count else {
            return true
        }
        return onDisk.withUnsafeBytes { disk in
            bytes.withUnsafeBytes { memory in
                !memory.isEmpty && memcmp(disk.baseAddress!, memory.baseAddress!, memory.count) != 0
            }
        }
    }

    /// Whether the gzip file at `path` under the folder names `plain` in its trailer: the
    /// CRC-32 and length of what it decompresses to, read without decompressing. A twin of
    /// other bytes, truncated or missing, fails; a stream corrupted inside would not.
    func twin(_ path: String, trailerMatches plain: [UInt8]) -> Bool {
        twin(path, plain) { Gzip.trailer(of: $0, matches: $1) }
    }

    /// Whether the gzip file at `path` under the folder decompresses to `plain`.
    func twin(_ path: String, decompressesTo plain: [UInt8]) -> Bool {
        twin(path, plain) { Gzip.decompresses($0, to: $1) }
    }

    /// `compare(gzip bytes, plain bytes)` for the file at `path`; false when it cannot be
    /// read. Twins are small: reading one costs less than mapping it.
    private func twin(
        _ path: String, _ plain: [UInt8], _ compare: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Bool
    ) -> Bool {
        guard let onDisk = bytes(path) else { return false }
        return onDisk.withUnsafeBytes { disk in plain.withUnsafeBytes { plain in compare(disk, plain) } }
    }

    /// Replaces the folder's contents with exactly `files`, atomically.
    public func replace(with files: [ExportFile]) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers()
        let staging = parent.appendingPathComponent(stagingPrefix + UUID().uuidString)
        try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        do {
            for file in files {
                try Self.write(file, under: staging)
            }
            try Self.sync(staging, recursive: true)
            if manager.fileExists(atPath: url.path) {
                guard csystem_exchange_paths(staging.path, url.path) == 0 else {
                    throw ExportDirectoryError.swapFailed(url.path, String(cString: strerror(errno)))
                }
            } else if rename(staging.path, url.path) != 0 {
                throw ExportDirectoryError.swapFailed(url.path, String(cString: strerror(errno)))
            }
            try Self.sync(parent, recursive: false)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
        // The staging path now holds the previous set.
        try? manager.removeItem(at: staging)
    }

    /// Removes staging folders an interrupted export left behind.
    private func removeLeftovers() {
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(stagingPrefix) {
            try? manager.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// Relative paths of the regular files now in the folder.
    private func existingFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: url.path) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(
                atPath: url.appendingPathComponent(path).path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                paths.append(path)
            }
        }
        return paths
    }

    private static func write(_ file: ExportFile, under root: URL) throws {
        let destination = root.appendingPathComponent(file.path)
        try FileManager.default.createDirectory(
            at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: destination.path, contents: Data(file.bytes)) else {
            throw ExportDirectoryError.writeFailed(destination.path)
        }
        let handle = try FileHandle(forWritingTo: destination)
        try handle.synchronize()
        try handle.close()
        // The content's recorded revision, not the time of writing: identical exports on
        // two hosts get identical modification times (and so identical nginx ETags), and a
        // change always moves it forward (nginx answers If-Modified-Since from it).
        let modified = Date(timeIntervalSince1970: Double(file.lastModified.secondsSinceEpoch))
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: destination.path)
    }

    /// Flushes a folder's entries, and optionally its subfolders', to disk.
    private static func sync(_ directory: URL, recursive: Bool) throws {
        let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { throw ExportDirectoryError.writeFailed(directory.path) }
        defer { close(descriptor) }
        fsync(descriptor)
        guard recursive else { return }
        let children = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for child in children {
            var isDirectory: ObjCBool = false
            let path = directory.appendingPathComponent(child)
            if FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory),
                isDirectory.boolValue,
                !child.hasPrefix(".")
            {
                try sync(path, recursive: true)
            }
        }
    }
}

public enum ExportDirectoryError: Error, CustomStringConvertible {
    case writeFailed(String)
    case swapFailed(String, String)

    public var description: String {
        switch self {
        case .writeFailed(let path): "could not write \(path)"
        case .swapFailed(let path, let reason): "could not put the new export in place at \(path): \(reason)"
        }
    }
}
