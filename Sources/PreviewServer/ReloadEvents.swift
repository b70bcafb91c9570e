import Foundation
import Synchronization

/// The server-sent events that keep open pages current: every page subscribes (`/_relmap/events`) and is
/// told the preview's status when it connects and after every build (`event: status`), and to reload when a
/// new site is in place or the errors are gone (`event: reload`). Nothing is sent while nothing changes, so an
/// idle server spends no time on its pages.
public final class ReloadEvents: Sendable {
    private struct State {
        var status: PreviewStatus
        var subscribers: [UInt64: AsyncStream<Data>.Continuation] = [:]
        var nextID: UInt64 = 0
    }

    private let state: Mutex<State>

    public init(status: PreviewStatus = PreviewStatus(build: 0)) {
        state = Mutex(State(status: status))
    }

    public var status: PreviewStatus {
        state.withLock { $0.status }
    }

    /// How many pages are listening now.
    public var subscriberCount: Int {
        state.withLock { $0.subscribers.count }
    }

    /// A new subscriber's events, starting with the reconnection delay and the current status.
    public func subscribe() -> AsyncStream<Data> {
        let (stream, continuation) = AsyncStream<Data>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let id = state.withLock { state -> UInt64 in
            let id = state.nextID
            state.nextID += 1
            state.subscribers[id] = continuation
            continuation.yield(Data("retry: 1000\n\n".utf8) + ReloadEvents.event("status", state.status))
            return id
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Makes `status` current and tells every page; with `reload`, pages load themselves again.
    public func publish(_ status: PreviewStatus, reload: Bool) {
        state.withLock { state in
            state.status = status
            var message = ReloadEvents.event("status", status)
            if reload { message += Data("event: reload\ndata: \(status.build)\n\n".utf8) }
            for continuation in state.subscribers.values { continuation.yield(message) }
        }
    }

    /// Ends every subscription, so the connections close.
    public func finishAll() {
        let continuations = state.withLock { state in
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        continuations.forEach { $0.finish() }
    }

    /// One event whose data is `status` as JSON on one line.
    static func event(_ name: String, _ status: PreviewStatus) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(status)) ?? Data("{}".utf8)
        return Data("event: \(name)\ndata: ".utf8) + json + Data("\n\n".utf8)
    }
}
