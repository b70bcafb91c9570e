import Foundation
import PreviewServer
import Synchronization

/// Runs async work from a command's synchronous `run` and waits for it: the commands run on the main thread,
/// outside Swift's concurrency, and only `serve` has async work (its server), which runs on the server's event
/// loop (see `EventLoopTaskExecutor`).
enum Blocking {
    static func wait<Value: Sendable, Failure: Error>(_ work: @escaping @Sendable () async throws(Failure) -> Value) throws(Failure) -> Value {
        let outcome = Outcome<Value, Failure>()
        Task(executorPreference: EventLoopTaskExecutor.shared) {
            do throws(Failure) {
                outcome.set(.success(try await work()))
            } catch {
                outcome.set(.failure(error))
            }
        }
        return try outcome.wait().get()
    }

    private final class Outcome<Value: Sendable, Failure: Error>: Sendable {
        private let result = Mutex<Result<Value, Failure>?>(nil)
        private let done = DispatchSemaphore(value: 0)

        func set(_ value: Result<Value, Failure>) {
            result.withLock { $0 = value }
            done.signal()
        }

        func wait() -> Result<Value, Failure> {
            done.wait()
            return result.withLock { $0! }
        }
    }
}
