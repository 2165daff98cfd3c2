import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Samples the resident memory of a process and all its descendants from `/proc` (Linux).
///
/// The compiler runs as `swift-frontend` children of `swift build`, so the memory a build
/// needs is the sum over the processes alive at one moment. Sampling can miss a peak that
/// lasts less than the interval; the per-process peaks recorded by GNU time beside it are
/// exact (see `DataCompileBenchmark`).
struct ProcessTreeSampler {
    /// The largest sum seen of the resident sets of descendants named `swift-frontend`.
    private(set) var peakFrontendsKilobytes = 0
    /// The largest sum seen over the whole tree, `swift build` itself included.
    private(set) var peakTreeKilobytes = 0
    /// The most `swift-frontend` processes seen alive at once.
    private(set) var mostFrontends = 0
    /// The descendants seen in the last sample, to stop them all after a timeout.
    private(set) var descendants: [Int32] = []

    let root: Int32
    private let pageKilobytes = Int(sysconf(Int32(_SC_PAGESIZE))) / 1024

    init(root: Int32) { self.root = root }

    mutating func sample() {
        var parent: [Int32: Int32] = [:]
        var name: [Int32: Substring] = [:]
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return }
        for entry in entries {
            guard let pid = Int32(entry), let stat = Self.read("/proc/\(pid)/stat") else { continue }
            // "pid (comm) state ppid …": comm may hold spaces and parentheses.
            guard let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, let ppid = Int32(fields[1]) else { continue }
            parent[pid] = ppid
            name[pid] = stat[stat.index(after: open)..<close]
        }
        var tree = 0
        var frontends = 0
        var frontendCount = 0
        descendants = parent.keys.filter { $0 != root && isDescendant($0, parent: parent) }
        for pid in descendants + [root] {
            guard let statm = Self.read("/proc/\(pid)/statm") else { continue }
            let fields = statm.split(separator: " ")
            guard fields.count > 1, let pages = Int(fields[1]) else { continue }
            tree += pages * pageKilobytes
            if name[pid] == "swift-frontend" {
                frontends += pages * pageKilobytes
                frontendCount += 1
            }
        }
        peakTreeKilobytes = max(peakTreeKilobytes, tree)
        peakFrontendsKilobytes = max(peakFrontendsKilobytes, frontends)
        mostFrontends = max(mostFrontends, frontendCount)
    }

    private func isDescendant(_ pid: Int32, parent: [Int32: Int32]) -> Bool {
        var current = pid
        for _ in 0..<64 {
            if current == root { return true }
            guard let next = parent[current], next != current, next > 0 else { return false }
            current = next
        }
        return false
    }

    private static func read(_ path: String) -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }
}
