import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOEmbedded
import ServiceLifecycle

/// `app.test(.router) { client in … }`: each request goes straight to the application's
/// responder (its middleware and routes), with no socket in between.
struct RouterSetup: Sendable {
    static var router: Self { .init() }
}

/// `app.test(.live) { server in … }`: the application listens on a free loopback port.
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

/// Hands requests to a responder as the server would once it has read them.
struct RouterClient<Responder: HTTPResponder>: Sendable
where Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
    let responder: Responder
    let logger: Logger

    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:]) async throws
        -> TestResponse
    {
        let request = Request(
            head: HTTPRequest(
                method: method, scheme: "http", authority: "localhost", path: uri, headerFields: headers),
            body: RequestBody(buffer: ByteBuffer()))
        let context = Responder.Context(
            source: ApplicationRequestContextSource(channel: NIOAsyncTestingChannel(), logger: logger))
        let response: Response
        do {
            response = try await responder.respond(to: request, context: context)
        } catch {
            // What the server answers for an error no middleware turned into a response.
            response = Response(status: .internalServerError)
        }
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

extension ApplicationProtocol {
    /// Runs `test` against the application's responder. The application has no services or
    /// start-up processes of its own, so none are run.
    func test<Value>(
        _: RouterSetup, _ test: @Sendable (RouterClient<Responder>) async throws -> Value
    ) async throws -> Value {
        precondition(services.isEmpty && processesRunBeforeServerStart.isEmpty, "not run by .router")
        return try await test(RouterClient(responder: try await responder, logger: logger))
    }

    /// Starts the application on a free port of `localhost`, runs `test`, and shuts it down.
    func test<Value: Sendable>(
        _: LiveSetup, _ test: @Sendable (LiveServer) async throws -> Value
    ) async throws -> Value {
        let (ports, bound) = AsyncStream.makeStream(of: Int.self)
        let application = LoopbackApplication(base: self, bound: bound)
        let group = ServiceGroup(
            configuration: .init(services: [application], gracefulShutdownSignals: [], logger: logger))
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

/// The application under test, bound to port 0 of `localhost`, reporting the port it got.
private struct LoopbackApplication<Base: ApplicationProtocol>: ApplicationProtocol {
    typealias Responder = Base.Responder
    let base: Base
    let bound: AsyncStream<Int>.Continuation

    var responder: Responder { get async throws { try await base.responder } }
    var server: HTTPServerBuilder { base.server }
    var eventLoopGroup: any EventLoopGroup { base.eventLoopGroup }
    var configuration: ApplicationConfiguration {
        base.configuration.with(address: .hostname("localhost", port: 0))
    }
    var logger: Logger { base.logger }
    var services: [any Service] { base.services }
    var processesRunBeforeServerStart: [@Sendable () async throws -> Void] {
        base.processesRunBeforeServerStart
    }

    @Sendable func onServerRunning(_ channel: any Channel) async {
        await base.onServerRunning(channel)
        if let port = channel.localAddress?.port { bound.yield(port) }
    }
}
