import Dispatch
import Synchronization

/// Work done in the order it is added, on one thread of its own started with the first piece, or on the
/// caller's when no thread can be started (a serial dispatch queue would wait for ever for a thread the system
/// will not give).
public final class SerialQueue: Sendable {
    private struct State {
        var pending: [@Sendable () -> Void] = []
        var running = false
        var finishing = false
    }

    private let state = Mutex(State())
    /// Signalled once per piece added and once by `finish`, so the thread wakes exactly as often as it must.
    private let wakeUps = DispatchSemaphore(value: 0)
    private let done = DispatchGroup()

    public init() {}

    public func add(_ work: @escaping @Sendable () -> Void) {
        let start = state.withLock { state in
            state.pending.append(work)
            defer { state.running = true }
            return !state.running
        }
        guard start else {
            wakeUps.signal()
            return
        }
        done.enter()
        do {
            try Scheduler.start { [self] in
                drain()
                done.leave()
            }
            wakeUps.signal()
        } catch {
            // Done here, and whatever another caller adds meanwhile; the next piece tries for a thread again.
            while let next = state.withLock({ state -> (@Sendable () -> Void)? in
                if state.pending.isEmpty { state.running = false }
                return state.pending.isEmpty ? nil : state.pending.removeFirst()
            }) {
                next()
            }
            done.leave()
        }
    }

    /// Waits until everything added has been done.
    public func finish() {
        state.withLock { $0.finishing = true }
        wakeUps.signal()
        done.wait()
    }

    private func drain() {
        while true {
            wakeUps.wait()
            let (next, finished) = state.withLock { state -> ((@Sendable () -> Void)?, Bool) in
                state.pending.isEmpty ? (nil, state.finishing) : (state.pending.removeFirst(), false)
            }
            if let next { next() } else if finished { return }
        }
    }
}
