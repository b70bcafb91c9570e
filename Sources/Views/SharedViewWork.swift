import Synchronization

/// What the diagrams of one model have in common and each would otherwise work out again: every year's overview
/// draws the relations of all years to place its actors where every other year's map places them. A caller that
/// asks for many diagrams of one model (a site build) makes one and hands it to each in `ViewOptions.shared`;
/// it is never used with another model.
public final class SharedViewWork: Sendable {
    private let values = Mutex<[String: any Sendable]>([:])

    public init() {}

    /// The value kept under `key`, made by `make` when first asked for. It is made under the lock, so threads
    /// asking at once wait for the one making it instead of each making it again; `make` must not ask for
    /// another value.
    func value<Value: Sendable>(_ key: String, _ make: () -> Value) -> Value {
        values.withLock { values in
            if let known = values[key] as? Value { return known }
            let made = make()
            values[key] = made
            return made
        }
    }
}

extension ViewOptions {
    /// The value the diagrams of this model share under `key` (see `SharedViewWork`), or `make`'s own when the
    /// caller keeps no shared work.
    func sharedValue<Value: Sendable>(_ key: String, _ make: () -> Value) -> Value {
        shared.map { $0.value(key, make) } ?? make()
    }
}
