import Dispatch
import Synchronization

/// Pieces of work, by index, that each wait for some keys and are done on threads of their own as soon as every
/// key they wait for is released, until the caller finishes or cancels. With `Scheduler.Priority.idle` the
/// threads take only cores nothing else wants, so the pieces are done with time that would otherwise be lost,
/// and `finish` hands back those the threads did not take, for the caller to do at the usual priority.
public final class WaitingWork<Key: Hashable & Sendable>: Sendable {
    private struct State {
        /// The pieces whose keys are all released, in the order they became so.
        var ready: [Int] = []
        var readyTaken = 0
        /// The pieces waiting for each key.
        var waiting: [Key: [Int]] = [:]
        /// How many keys each piece still waits for.
        var unreleased: [Int]
        var stopped = false
    }

    private let state: Mutex<State>
    /// Signalled once for each piece that becomes ready and once for each thread when the work stops, so every
    /// wake-up finds a piece to take or the order to stop.
    private let wakeUps = DispatchSemaphore(value: 0)
    private let threads = DispatchGroup()
    /// How many threads started.
    private let started = Mutex(0)

    /// Starts up to `threadCount` threads (fewer when the system will not start them) that do `work` for each
    /// piece once the keys it waits for (`waitingFor[index]`, each listed once) are all released.
    public init(waitingFor keys: [Set<Key>], threadCount: Int, priority: Scheduler.Priority,
                work: @escaping @Sendable (Int) -> Void) {
        var initial = State(unreleased: keys.map(\.count))
        for (index, waited) in keys.enumerated() {
            for key in waited { initial.waiting[key, default: []].append(index) }
            if waited.isEmpty { initial.ready.append(index) }
        }
        state = Mutex(initial)
        for _ in 0..<initial.ready.count { wakeUps.signal() }
        guard !keys.isEmpty else { return }
        for _ in 0..<max(1, min(threadCount, keys.count)) {
            threads.enter()
            do {
                try Scheduler.start(priority: priority) { [self] in
                    while let index = next() { work(index) }
                    threads.leave()
                }
                started.withLock { $0 += 1 }
            } catch {
                // Fewer threads: `finish` hands back what they leave.
                threads.leave()
                break
            }
        }
    }

    /// Releases `key`: the pieces that waited for it alone become ready.
    public func release(_ key: Key) {
        let readied = state.withLock { state -> Int in
            var readied = 0
            for index in state.waiting.removeValue(forKey: key) ?? [] {
                state.unreleased[index] -= 1
                if state.unreleased[index] == 0 {
                    state.ready.append(index)
                    readied += 1
                }
            }
            return readied
        }
        for _ in 0..<readied { wakeUps.signal() }
    }

    /// Stops the threads, waits for the pieces they are doing, and returns the pieces they did not take: the
    /// ready ones in the order they became ready, then those still waiting (for a key never released), by index.
    public func finish() -> [Int] {
        let rest = stop { state in
            let rest = Array(state.ready[state.readyTaken...]) + Set(state.waiting.values.joined()).sorted()
            state.readyTaken = state.ready.count
            state.waiting = [:]
            return rest
        }
        threads.wait()
        return rest
    }

    /// Drops the pieces not yet taken and waits for those being done.
    public func cancel() {
        stop { _ in }
        threads.wait()
    }

    private func stop<Result>(_ body: (inout State) -> Result) -> Result {
        let result = state.withLock { state in
            state.stopped = true
            return body(&state)
        }
        for _ in 0..<started.withLock({ $0 }) { wakeUps.signal() }
        return result
    }

    /// The next ready piece, waiting for one; nil once the work is stopped.
    private func next() -> Int? {
        while true {
            wakeUps.wait()
            let taken = state.withLock { state -> Int?? in
                if state.stopped { return .some(nil) }
                guard state.readyTaken < state.ready.count else { return nil }
                state.readyTaken += 1
                return state.ready[state.readyTaken - 1]
            }
            if let taken { return taken }
        }
    }
}
