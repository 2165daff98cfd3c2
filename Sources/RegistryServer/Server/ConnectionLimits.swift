import HTTPTypes
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTPTypes

/// The open connections, in the order they last became idle: which to shed when a new
/// one would pass the ceiling. Pure bookkeeping (no sockets, no locks), so tests drive it
/// directly; ``ConnectionRegistry`` holds one behind a lock.
///
/// A connection is idle from when it is accepted until its first request head has been
/// read (a client that sends half a header is idle), and again from the end of each
/// response until the next head. Only idle connections are shed, oldest first.
struct ConnectionTable<Handle> {
    typealias ID = UInt64

    enum Admission {
        /// The new connection is in; close `shedding` (oldest idle) if there is one.
        case admitted(ID, shedding: Handle?)
        /// Every other connection has a request in progress: close the new one.
        case refused
    }

    fileprivate struct Entry {
        let handle: Handle
        var busy = false
        /// Bumped each time the connection becomes idle; a queue slot with an older stamp
        /// is stale.
        var stamp: UInt64
        var shedding = false
    }

    let maxConnections: Int
    private var entries: [ID: Entry] = [:]
    /// Idle connections, oldest first, with stale slots skipped lazily.
    private var idleQueue: [(id: ID, stamp: UInt64)] = []
    private var queueStart = 0
    private var nextID: ID = 0
    private var nextStamp: UInt64 = 0

    init(maxConnections: Int) {
        self.maxConnections = maxConnections
    }

    var count: Int { entries.count }

    mutating func open(_ handle: Handle) -> Admission {
        nextID += 1
        let id = nextID
        nextStamp += 1
        entries[id] = Entry(handle: handle, stamp: nextStamp)
        idleQueue.append((id, nextStamp))
        guard entries.count > maxConnections else { return .admitted(id, shedding: nil) }
        if let victim = oldestIdle(excluding: id) {
            entries[victim]?.shedding = true
            return .admitted(id, shedding: entries[victim]?.handle)
        }
        entries[id] = nil
        return .refused
    }

    mutating func busy(_ id: ID) {
        entries[id]?.busy = true
    }

    /// Called after every response: one hash look-up, not one per field.
    mutating func idle(_ id: ID) {
        guard let index = entries.index(forKey: id) else { return }
        nextStamp += 1
        entries.values[index].busy = false
        entries.values[index].shedding = false
        entries.values[index].stamp = nextStamp
        idleQueue.append((id, nextStamp))
        compactIfStale()
    }

    mutating func closed(_ id: ID) {
        entries[id] = nil
    }

    /// Pops stale slots off the front; returns the oldest idle connection other than
    /// `excluded` (the one just opened, always at the back) and removes it from the queue.
    private mutating func oldestIdle(excluding excluded: ID) -> ID? {
        while queueStart < idleQueue.count {
            let slot = idleQueue[queueStart]
            if slot.id == excluded { return nil }
            queueStart += 1
            if let entry = entries[slot.id], !entry.busy, !entry.shedding, entry.stamp == slot.stamp {
                compactIfStale()
                return slot.id
            }
        }
        return nil
    }

    /// Keeps the queue within a small multiple of the open connections: each request
    /// appends a slot, and without shedding nothing would take them off.
    private mutating func compactIfStale() {
        let live = idleQueue.count - queueStart
        guard live > 2 * entries.count + 64 || queueStart > 1024 && queueStart * 2 > idleQueue.count else {
            return
        }
        idleQueue = idleQueue[queueStart...].filter { slot in
            guard let entry = entries[slot.id] else { return false }
            return !entry.busy && !entry.shedding && entry.stamp == slot.stamp
        }
        queueStart = 0
    }

    /// Slots in the queue, stale ones included (tests check it stays bounded).
    var queuedSlots: Int { idleQueue.count - queueStart }
}

extension ConnectionTable: Sendable where Handle: Sendable {}
extension ConnectionTable.Entry: Sendable where Handle: Sendable {}

/// Every open connection of one server, shared by its event loops: enforces
/// ``ServerLimits/maxConnections`` and notes in the log (at most every 10 s) when it had
/// to shed or refuse.
final class ConnectionRegistry: Sendable {
    struct Handle: Sendable {
        let channel: any Channel
        let connection: NIOLoopBound<ConnectionGuardHandler>
    }

    private struct State: Sendable {
        var table: ConnectionTable<Handle>
        var shed = 0
        var refused = 0
        var lastReport: ContinuousClock.Instant?
    }

    private let state: NIOLockedValueBox<State>
    let logger: Logger

    init(maxConnections: Int, logger: Logger) {
        self.state = NIOLockedValueBox(State(table: ConnectionTable(maxConnections: maxConnections)))
        self.logger = logger
    }

    var count: Int { state.withLockedValue { $0.table.count } }

    /// Admits a new connection: returns its ID, or nil when it must be closed at once.
    /// Closes the oldest idle connection when needed, on that connection's event loop and
    /// only if it is still idle there.
    func open(_ handle: Handle) -> ConnectionTable<Handle>.ID? {
        let (admission, report) = state.withLockedValue { state in
            let admission = state.table.open(handle)
            switch admission {
            case .admitted(_, shedding: .some): state.shed += 1
            case .refused: state.refused += 1
            case .admitted(_, shedding: .none): return (admission, String?.none)
            }
            let now = ContinuousClock.now
            if let last = state.lastReport, now - last < .seconds(10) { return (admission, nil) }
            state.lastReport = now
            let report =
                "\(state.table.count) connections open (ceiling \(state.table.maxConnections)): "
                + "closed \(state.shed) idle, refused \(state.refused) new since the last note"
            state.shed = 0
            state.refused = 0
            return (admission, report)
        }
        if let report { logger.warning("\(report)") }
        switch admission {
        case .admitted(let id, shedding: let victim):
            if let victim {
                victim.channel.eventLoop.execute {
                    victim.connection.value.shedIfIdle()
                }
            }
            return id
        case .refused:
            return nil
        }
    }

    func busy(_ id: ConnectionTable<Handle>.ID) { state.withLockedValue { $0.table.busy(id) } }
    func idle(_ id: ConnectionTable<Handle>.ID) { state.withLockedValue { $0.table.idle(id) } }
    func closed(_ id: ConnectionTable<Handle>.ID) { state.withLockedValue { $0.table.closed(id) } }
}

/// One per connection, between the HTTP codec and Hummingbird's own connection handler:
/// closes the connection when its request head takes longer than the header timeout or it
/// sits idle past the idle timeout, reports idle/busy to the registry, and drains it on
/// graceful shutdown (``drain``), closing it anyway once the shutdown timeout has passed.
final class ConnectionGuardHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let limits: ServerLimits
    private let registry: ConnectionRegistry
    private var id: ConnectionTable<ConnectionRegistry.Handle>.ID?
    private var context: ChannelHandlerContext?
    /// Requests whose head has been read and whose response has not been written to its end.
    private var inProgress = 0
    /// When the connection is closed unless a request head has arrived by then: the header
    /// timeout from accepting, the idle timeout from each response's end; nil while a
    /// request is in progress.
    private var deadline: NIODeadline?
    /// At most one timer, due at or before `deadline`: moving the deadline costs a clock
    /// read per request, and the timer re-arms itself when it fires early.
    private var timer: Scheduled<Void>?
    private var timerDue = NIODeadline.distantFuture
    /// Set on graceful shutdown: when whatever is left is closed.
    private var shutdownDeadline: NIODeadline?
    /// Whether Hummingbird's handler has been told to close after the current response.
    private var quiesceForwarded = false
    /// Whether a request has arrived: only a connection kept alive after an answer drains.
    private var served = false
    private var refused = false

    /// How long an idle connection stays open after SIGTERM. A proxy may already have
    /// sent a request on it, often one another instance just refused while it restarted;
    /// closing before reading it would fail that request on both instances. Answers in
    /// this time carry `Connection: close`, so the proxy stops reusing the connection.
    static let drain: Duration = .seconds(1)

    private var quiescing: Bool { shutdownDeadline != nil }

    init(limits: ServerLimits, registry: ConnectionRegistry) {
        self.limits = limits
        self.registry = registry
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        let handle = ConnectionRegistry.Handle(
            channel: context.channel, connection: NIOLoopBound(self, eventLoop: context.eventLoop))
        guard let id = registry.open(handle) else {
            // Added while the accepted channel is set up, before it is active: close it
            // once it is.
            refused = true
            if context.channel.isActive { context.close(promise: nil) }
            return
        }
        self.id = id
        let registry = self.registry
        context.channel.closeFuture.whenComplete { _ in registry.closed(id) }
        wait(limits.headerTimeout)
    }

    func channelActive(context: ChannelHandlerContext) {
        if refused {
            context.close(promise: nil)
            return
        }
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        inProgress += 1
        served = true
        if inProgress == 1, let id {
            deadline = nil
            registry.busy(id)
        }
        context.fireChannelRead(data)
        // A request that arrived while draining: answered, then the connection closes.
        if quiescing { forwardQuiesce(context) }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where quiescing:
            head.headerFields[.connection] = "close"
            context.write(wrapOutboundOut(.head(head)), promise: promise)
            return
        case .end where inProgress > 0:
            inProgress -= 1
            if inProgress == 0, let id {
                registry.idle(id)
                if !quiescing { wait(limits.idleTimeout) }
            }
        default:
            break
        }
        context.write(data, promise: promise)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is ChannelShouldQuiesceEvent else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        guard !quiescing else { return }
        let now = NIODeadline.now()
        shutdownDeadline = now + TimeAmount(limits.shutdownTimeout)
        deadline = nil
        if inProgress > 0 || !served {
            // Hummingbird's handler, next in line, closes the connection after the response,
            // or now if none has been asked for yet (a connection accepted as the listener
            // closed must close before Hummingbird, no longer accepting, would take it).
            forwardQuiesce(context)
            schedule(at: shutdownDeadline!)
        } else {
            schedule(at: now + TimeAmount(min(Self.drain, limits.shutdownTimeout)))
        }
    }

    private func forwardQuiesce(_ context: ChannelHandlerContext) {
        guard !quiesceForwarded else { return }
        quiesceForwarded = true
        context.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
    }

    /// Called on this connection's event loop when the registry chose it to make room.
    func shedIfIdle() {
        guard inProgress == 0, let context else { return }
        context.close(promise: nil)
    }

    /// Gives the connection `duration` from now to complete its next request head.
    private func wait(_ duration: Duration) {
        let due = NIODeadline.now() + TimeAmount(duration)
        deadline = due
        if timer == nil || timerDue > due { schedule(at: due) }
    }

    private func schedule(at due: NIODeadline) {
        guard let context else { return }
        timer?.cancel()
        timerDue = due
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: due) {
            self.timer = nil
            self.timerDue = .distantFuture
            self.fire()
        }
    }

    /// Past the shutdown timeout everything goes, and an idle connection at the end of the
    /// drain; otherwise only a connection whose deadline has passed (idle, or still sending
    /// its head). A request in progress clears the deadline, and the next response sets a
    /// new one.
    private func fire() {
        if let shutdownDeadline {
            if inProgress == 0 || shutdownDeadline <= .now() {
                context?.close(promise: nil)
            } else {
                schedule(at: shutdownDeadline)
            }
        } else if let deadline {
            if deadline <= .now() {
                context?.close(promise: nil)
            } else {
                schedule(at: deadline)
            }
        }
    }
}

@available(*, unavailable)
extension ConnectionGuardHandler: Sendable {}
