import Dispatch
import Synchronization

/// Computes `count` values on at most `processors` threads at once and keeps them in index order.
///
/// The calling thread computes too, and helper threads are started by the `Scheduler`: when the system will
/// not start one (a process limit), the threads that did start do its share, so the work always finishes.
/// (`DispatchQueue.concurrentPerform` retries a thread that cannot be created for ever.)
public final class ParallelResults<Value: Sendable>: Sendable {
    private struct State {
        var slots: [Value?]
        var next = 0
    }

    private let state: Mutex<State>

    public init(count: Int, processors: Int, compute: @Sendable (Int) -> Value) {
        state = Mutex(State(slots: Array(repeating: nil, count: count)))
        withoutActuallyEscaping(compute) { compute in
            let work = Work(compute)
            let helpers = DispatchGroup()
            for _ in 1..<max(1, min(processors, count)) {
                helpers.enter()
                do {
                    try Scheduler.start { [self] in
                        run(work)
                        helpers.leave()
                    }
                } catch {
                    helpers.leave()
                    break
                }
            }
            run(work)
            helpers.wait()
            // The threads may outlive this call by a moment; the computation must not.
            work.drop()
        }
    }

    private func run(_ work: Work) {
        while let index = takeNext(), let compute = work.compute {
            let value = compute(index)
            state.withLock { $0.slots[index] = value }
        }
    }

    private func takeNext() -> Int? {
        state.withLock { state in
            guard state.next < state.slots.count else { return nil }
            state.next += 1
            return state.next - 1
        }
    }

    /// The values, in index order.
    public var values: [Value] {
        state.withLock { $0.slots.map { $0! } }
    }

    /// The computation, shared by the threads; dropped before `init` returns.
    ///
    /// The lock holds a box rather than the closure itself: a closure kept in a generic container is stored in
    /// its most general form, and reading it back through `withLock`'s `inout` wrapped it in two more
    /// conversion thunks each time, so the ten-thousandth value went through twenty thousand calls.
    private final class Work: Sendable {
        private final class Box: Sendable {
            let compute: @Sendable (Int) -> Value
            init(_ compute: @escaping @Sendable (Int) -> Value) { self.compute = compute }
        }

        private let stored: Mutex<Box?>

        init(_ compute: @escaping @Sendable (Int) -> Value) {
            stored = Mutex(Box(compute))
        }

        var compute: (@Sendable (Int) -> Value)? { stored.withLock { $0 }?.compute }

        func drop() {
            stored.withLock { $0 = nil }
        }
    }
}
