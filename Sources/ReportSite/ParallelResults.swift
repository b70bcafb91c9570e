import Foundation

/// Computes `count` values on every processor and keeps them in index order.
final class ParallelResults<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    init(count: Int, compute: (Int) -> Value) {
        slots = Array(repeating: nil, count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let value = compute(index)
            lock.lock()
            slots[index] = value
            lock.unlock()
        }
    }

    /// The values, in index order.
    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
