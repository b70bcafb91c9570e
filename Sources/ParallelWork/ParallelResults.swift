import Dispatch
import Synchronization

/// Computes `count` values on at most `processors` threads at once and keeps them in index order.
public final class ParallelResults<Value: Sendable>: Sendable {
    private struct State {
        var slots: [Value?]
        var next = 0
    }

    private let state: Mutex<State>

    public init(count: Int, processors: Int, compute: @Sendable (Int) -> Value) {
        state = Mutex(State(slots: Array(repeating: nil, count: count)))
        DispatchQueue.concurrentPerform(iterations: max(1, min(processors, count))) { _ in
            while let index = takeNext() {
                let value = compute(index)
                state.withLock { $0.slots[index] = value }
            }
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
}
