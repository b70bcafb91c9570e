import Foundation

/// Computes `count` values on at most `processors` threads at once and keeps them in index order.
public final class ParallelResults<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]
    private var next = 0

    public init(count: Int, processors: Int, compute: (Int) -> Value) {
        slots = Array(repeating: nil, count: count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(processors, count))) { _ in
            while let index = takeNext() {
                let value = compute(index)
                lock.lock()
                slots[index] = value
                lock.unlock()
            }
        }
    }

    private func takeNext() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    /// The values, in index order.
    public var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
