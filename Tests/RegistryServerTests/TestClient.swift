import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

@testable import RegistryServer

/// `app.test(.inProcess) { client in … }`: each request goes straight to the service's
/// responder, with no socket in between.
struct InProcessSetup: Sendable {
    static var inProcess: Self { .init() }
}

/// `app.test(.live) { server in … }`: the service listens on a free loopback port.
struct LiveSetup: Sendable {
    static var live: Self { .init() }
}

/// A response with its whole body.
struct TestResponse: Sendable {
    let head: HTTPResponse
    let body: ByteBuffer
    var status: HTTPResponse.Status { head.status }
    var headers: HTTPFields { head.headerFields }
}

/// Hands requests to the responder as the server would once it has read them.
struct ResponderClient: Sendable {
    let responder: ServerResponder
    let logger: Logger

    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:]) async throws
        -> TestResponse
    {
        let request = Request(
            head: HTTPRequest(
                method: method, scheme: "http", authority: "localhost", path: uri, headerFields: headers),
            body: RequestBody(buffer: ByteBuffer()))
        let response = responder.respond(to: request, logger: logger)
        let collector = BodyCollector()
        try await response.body.write(collector)
        return TestResponse(head: response.head, body: collector.body)
    }

    @discardableResult
    func execute<Value>(
        uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:],
        _ check: (TestResponse) async throws -> Value
    ) async throws -> Value {
        try await check(execute(uri: uri, method: method, headers: headers))
    }
}

/// The application stopped without an error before it listened.
struct NeverListened: Error {}

/// Where a live application listens.
struct LiveServer: Sendable {
    let port: Int
}

/// Collects a response body as the server would write it to the socket.
private final class BodyCollector: ResponseBodyWriter {
    var body = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        body.writeImmutableBuffer(buffer)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

extension RegistryService {
    /// Runs `test` against the service's responder.
    func test<Value>(_: InProcessSetup, _ test: @Sendable (ResponderClient) async throws -> Value)
        async throws
        -> Value
    {
        try await test(ResponderClient(responder: responder, logger: logger))
    }

    /// Starts the service on a free port of `localhost`, runs `test`, and shuts it down.
    func test<Value: Sendable>(
        _: LiveSetup, _ test: @Sendable (LiveServer) async throws -> Value
    ) async throws -> Value {
        let (ports, bound) = AsyncStream.makeStream(of: Int.self)
        var service = self
        (service.configuration.host, service.configuration.port) = ("localhost", 0)
        service.onListening = { port in bound.yield(port) }
        let group = ServiceGroup(
            configuration: .init(services: [service], gracefulShutdownSignals: [], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                // Ends the port stream too, should the server stop before it is bound.
                defer { bound.finish() }
                try await group.run()
            }
            defer { tasks.cancelAll() }
            do {
                guard let port = await ports.first(where: { _ in true }) else {
                    try await tasks.waitForAll()
                    throw NeverListened()
                }
                let value = try await test(LiveServer(port: port))
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return value
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
        }
    }
}
