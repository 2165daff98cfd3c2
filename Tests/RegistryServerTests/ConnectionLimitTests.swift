import CalendarFeeds
import ExportFiles
import Foundation
import Glibc
import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import Pages
import Registry
import RegistryData
import Testing

@testable import RegistryServer

/// The bookkeeping behind the connection ceiling; the sockets themselves are exercised by
/// scripts/hostile-clients.sh against the built server.
@Suite struct ConnectionLimitTests {
    @Test func underTheCeilingNothingIsShed() {
        var table = ConnectionTable<Int>(maxConnections: 3)
        for handle in 1...3 {
            guard case .admitted(_, shedding: nil) = table.open(handle) else {
                Issue.record("connection \(handle) not admitted plainly")
                return
            }
        }
        #expect(table.count == 3)
    }

    @Test func pastTheCeilingTheOldestIdleConnectionIsShed() {
        var table = ConnectionTable<Int>(maxConnections: 3)
        var ids: [Int: ConnectionTable<Int>.ID] = [:]
        for handle in 1...3 {
            if case .admitted(let id, _) = table.open(handle) { ids[handle] = id }
        }
        // 1 has a request in progress, so 2 is the oldest idle one.
        table.busy(ids[1]!)
        guard case .admitted(let id4, shedding: 2) = table.open(4) else {
            Issue.record("expected connection 2 to be shed")
            return
        }
        table.closed(ids[2]!)
        // 1 finishes its request and becomes idle after 3 and 4: 3 goes next.
        table.idle(ids[1]!)
        guard case .admitted(_, shedding: 3) = table.open(5) else {
            Issue.record("expected connection 3 to be shed")
            return
        }
        table.closed(ids[3]!)
        // Then 4 (idle since it was accepted), then 1.
        guard case .admitted(_, shedding: 4) = table.open(6) else {
            Issue.record("expected connection 4 to be shed")
            return
        }
        table.closed(id4)
        guard case .admitted(_, shedding: 1) = table.open(7) else {
            Issue.record("expected connection 1 to be shed")
            return
        }
    }

    @Test func aConnectionBeingShedIsNotChosenTwice() {
        var table = ConnectionTable<Int>(maxConnections: 2)
        _ = table.open(1)
        _ = table.open(2)
        guard case .admitted(_, shedding: 1) = table.open(3) else {
            Issue.record("expected 1 to be shed")
            return
        }
        // 1 has not closed yet; the next newcomer must not pick it again.
        guard case .admitted(_, shedding: 2) = table.open(4) else {
            Issue.record("expected 2 to be shed")
            return
        }
    }

    @Test func whenEveryConnectionIsBusyTheNewOneIsRefused() {
        var table = ConnectionTable<Int>(maxConnections: 2)
        for handle in 1...2 {
            if case .admitted(let id, _) = table.open(handle) { table.busy(id) }
        }
        guard case .refused = table.open(3) else {
            Issue.record("expected the new connection to be refused")
            return
        }
        #expect(table.count == 2)
    }

    @Test func theIdleQueueStaysBoundedUnderManyRequests() {
        var table = ConnectionTable<Int>(maxConnections: 100)
        var ids: [ConnectionTable<Int>.ID] = []
        for handle in 1...10 {
            if case .admitted(let id, _) = table.open(handle) { ids.append(id) }
        }
        for _ in 0..<20_000 {
            for id in ids {
                table.busy(id)
                table.idle(id)
            }
        }
        #expect(table.queuedSlots <= 2 * ids.count + 64 + 1)
    }

    @Test func defaultCeilingStaysBelowTheDescriptorLimit() {
        #expect(ServerLimits.defaultMaxConnections(descriptorLimit: 20_000) == 10_000)
        #expect(ServerLimits.defaultMaxConnections(descriptorLimit: 1_024) == 922)
        #expect(ServerLimits.defaultMaxConnections(descriptorLimit: 100) == 36)
        #expect(ServerLimits.defaultMaxConnections(descriptorLimit: 10) == 1)
        #expect(ServerLimits.defaultMaxConnections(descriptorLimit: nil) == 10_000)
        for limit in [256, 1_024, 4_096, 20_000, 65_536, 1_048_576] {
            let ceiling = ServerLimits.defaultMaxConnections(descriptorLimit: limit)
            #expect(ceiling + ServerLimits.reserve(below: limit) <= limit)
        }
        let limits = ServerLimits()
        #expect(limits.headerTimeout == .seconds(20))
        #expect(limits.idleTimeout == .seconds(75))
        #expect(limits.shutdownTimeout == .seconds(10))
    }
}

/// `Content-Security-Policy`, `Referrer-Policy` and `X-Content-Type-Options` on pages.
@Suite struct SecurityHeaderTests {
    /// The text of every `<tag>…</tag>` in `html`.
    static func inlineBlocks(_ tag: String, in html: String) -> [String] {
        var blocks: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<\(tag)>"),
            let close = rest.range(of: "</\(tag)>", range: open.upperBound..<rest.endIndex)
        {
            blocks.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return blocks
    }

    /// Every page's inline style and script, hashed as a browser hashes them, is what the
    /// policy allows, and nothing else is allowed.
    @Test func thePolicyNamesTheHashOfEveryInlineBlockOnEveryPage() {
        let site = Site(registry: .familjenHelsingborg, publicURL: "https://kalender.example.se")
        let policy = SecurityHeaders.contentSecurityPolicy
        let files = Pages.files(site: site).filter { $0.path.hasSuffix(".html") }
        #expect(files.count > 10)
        for file in files {
            let html = String(decoding: file.bytes, as: UTF8.self)
            let styles = Self.inlineBlocks("style", in: html)
            let scripts = Self.inlineBlocks("script", in: html)
            #expect(styles.count == 1 && scripts.count == 1, "\(file.path)")
            for style in styles {
                #expect(policy.contains("style-src '\(SecurityHeaders.hash(style))'"), "\(file.path)")
            }
            for script in scripts {
                #expect(policy.contains("script-src '\(SecurityHeaders.hash(script))'"), "\(file.path)")
            }
            #expect(!html.contains(" style=") && !html.contains(" onclick="), "\(file.path)")
        }
        #expect(policy.hasPrefix("default-src 'none'; "))
        #expect(!policy.contains("unsafe"))
    }

    /// A known vector: the hash is SHA-256 over the UTF-8 bytes, in base64.
    @Test func hashIsBase64OfSHA256() {
        #expect(SecurityHeaders.hash("") == "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
    }

    @Test func pagesAndErrorsCarryThePolicyFeedsAndTheAPIDoNot() async throws {
        try await makeApplication().test(.inProcess) { client in
            for uri in ["/", "/kommuner/bjuv", "/organ/energinatverket", "/nope"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(
                        response.headers[.contentSecurityPolicy] == SecurityHeaders.contentSecurityPolicy,
                        "\(uri)")
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "\(uri)")
                    #expect(
                        response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", "\(uri)")
                }
            }
            let page = try await client.execute(uri: "/", method: .get) { $0.headers[.eTag] ?? "" }
            try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: page]) { response in
                #expect(response.status == .notModified)
                #expect(response.headers[.contentSecurityPolicy] == SecurityHeaders.contentSecurityPolicy)
            }
            // Whatever the router sends to the feeds or the API, as nginx serves the files.
            for uri in ["/feeds/all.ics", "/changes.atom", "/changes/bjuv.atom", "/api", "/api/feeds"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentSecurityPolicy] == nil, "\(uri)")
                }
            }
        }
    }
}

/// The guard in a live server on loopback, with short limits: raw sockets that send half a
/// request, and a well-behaved client next to them.
@Suite(.serialized) struct LiveConnectionLimitTests {
    static let halfHeader = "GET /feeds/all.ics HTTP/1.1\r\nHost: localhost\r\nUser-Agent: slow"

    func application(_ limits: ServerLimits) throws -> RegistryService {
        let configuration = ServerConfiguration(
            exportsPath: exportsURL.path, today: { testDay }, limits: limits)
        let state = try ServerState(
            registry: .familjenHelsingborg, configuration: configuration, logger: quietLogger)
        return RegistryService(state: state, configuration: configuration, logger: quietLogger)
    }

    @Test func halfHeadersAreClosedAtTheHeaderTimeoutWhileANewClientIsServed() async throws {
        // 2 s: long enough that the new client's request is read first even when the
        // whole test suite loads the machine.
        let limits = ServerLimits(headerTimeout: .seconds(2), idleTimeout: .seconds(5), maxConnections: 1000)
        try await application(limits).test(.live) { client async throws in
            let port = client.port
            let (answer, closes) = await offThePool {
                let opened = ContinuousClock.now
                var held: [RawConnection] = []
                for _ in 0..<100 {
                    guard let connection = RawConnection(port: port) else { continue }
                    connection.send(Self.halfHeader)
                    held.append(connection)
                }
                // A new client, on its own connection after the held ones.
                let answer = RawConnection.get("/feeds/all.ics", port: port, until: .now + .seconds(20))
                // Generous on a loaded machine; the lower bound shows it is the timeout.
                let closes = held.map { connection in
                    defer { connection.close() }
                    return connection.waitForClose(until: opened + .seconds(30)).map { $0 - opened }
                }
                return (answer, closes)
            }
            #expect(answer?.0 == "HTTP/1.1 200 OK")
            #expect(answer?.1 == (try exportedBytes("all.ics")))
            #expect(closes.count == 100)
            for closedAfter in closes {
                #expect(closedAfter != nil)
                if let closedAfter { #expect(closedAfter >= .milliseconds(1950)) }
            }
        }
    }

    @Test func pastTheCeilingTheOldestAreShedAndANewClientIsServed() async throws {
        let limits = ServerLimits(headerTimeout: .seconds(30), maxConnections: 20)
        try await application(limits).test(.live) { client async throws in
            let port = client.port
            let (answer, oldestClosed, newestOpen) = await offThePool {
                var held: [RawConnection] = []
                for _ in 0..<60 {
                    guard let connection = RawConnection(port: port) else { continue }
                    connection.send(Self.halfHeader)
                    held.append(connection)
                    usleep(2000)
                }
                defer { for connection in held { connection.close() } }
                // A new client, on its own connection after the held ones.
                let answer = RawConnection.get("/feeds/all.ics", port: port, until: .now + .seconds(20))
                let deadline = ContinuousClock.now + .seconds(5)
                let oldestClosed = held.prefix(30).filter { $0.waitForClose(until: deadline) != nil }.count
                let newestOpen = held.suffix(10).filter {
                    $0.waitForClose(until: .now + .milliseconds(50)) == nil
                }
                .count
                return (answer, oldestClosed, newestOpen)
            }
            #expect(answer?.0 == "HTTP/1.1 200 OK")
            #expect(answer?.1 == (try exportedBytes("all.ics")))
            #expect(oldestClosed == 30, "the oldest 30 of 60 held connections are closed")
            #expect(newestOpen == 10, "the newest 10 are still open")
        }
    }
}

/// Runs blocking socket code on a thread of its own: blocking one of the few threads of
/// Swift's cooperative pool would stall the server under test, whose accept loop is an
/// async task.
func offThePool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: body()) }.start()
    }
}

/// A blocking loopback TCP connection, for sending half a request and watching the server
/// close it.
final class RawConnection: Sendable {
    let descriptor: Int32

    init?(port: Int) {
        // The live test server listens on "localhost": IPv4 or IPv6.
        var address4 = sockaddr_in()
        address4.sin_family = sa_family_t(AF_INET)
        address4.sin_port = in_port_t(UInt16(port).bigEndian)
        address4.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        var address6 = sockaddr_in6()
        address6.sin6_family = sa_family_t(AF_INET6)
        address6.sin6_port = in_port_t(UInt16(port).bigEndian)
        address6.sin6_addr = in6addr_loopback
        for family in [AF_INET, AF_INET6] {
            let descriptor = socket(family, Int32(SOCK_STREAM.rawValue), 0)
            guard descriptor >= 0 else { return nil }
            let result =
                family == AF_INET
                ? withUnsafePointer(to: &address4) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
                : withUnsafePointer(to: &address6) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                    }
                }
            if result == 0 {
                self.descriptor = descriptor
                return
            }
            Glibc.close(descriptor)
        }
        return nil
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Waits until the server closes the connection or `deadline` passes; returns when it
    /// closed, or nil.
    func waitForClose(until deadline: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let remaining = deadline - .now
            if remaining <= .zero { return nil }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let millis =
                Int32(
                    remaining.components.seconds * 1000 + remaining.components.attoseconds
                        / 1_000_000_000_000_000) + 1
            guard poll(&poller, 1, millis) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return .now }
        }
    }

    /// Sends a whole GET with `Connection: close` and reads the answer to its end
    /// (bounded by `deadline`): the status line and the body.
    static func get(_ path: String, port: Int, until deadline: ContinuousClock.Instant) -> (String, [UInt8])?
    {
        guard let connection = RawConnection(port: port) else { return nil }
        defer { connection.close() }
        connection.send("GET \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while ContinuousClock.now < deadline {
            var poller = pollfd(fd: connection.descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes {
                recv(connection.descriptor, $0.baseAddress, $0.count, 0)
            }
            if count <= 0 { break }
            received += buffer[..<count]
        }
        let separator = Array("\r\n\r\n".utf8)
        guard
            let end = (0..<max(0, received.count - 3)).first(where: {
                Array(received[$0..<$0 + 4]) == separator
            })
        else { return nil }
        let head = String(decoding: received[..<end], as: UTF8.self)
        return (String(head.prefix(while: { $0 != "\r\n" })), Array(received[(end + 4)...]))
    }

    func close() { Glibc.close(descriptor) }
}
