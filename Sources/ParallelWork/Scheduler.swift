import Foundation

/// Where relmap's threads come from: every thread is started here, with `pthread_create`, so that a thread that
/// cannot be made (a process limit, no memory for its stack) is an error the caller sees: Foundation's
/// `Thread.start` ignores the failure and the work it was given never runs, which left callers waiting for ever.
/// The kinds of work built on it (`ParallelResults`, `SerialQueue`, `WaitingWork`) each go on with fewer threads,
/// or on the caller's, when the system will not start one.
public enum Scheduler {
    /// A thread could not be started; the description gives the system's reason.
    public struct StartFailure: Error, CustomStringConvertible {
        public var code: Int32
        public var description: String { "cannot start a thread: \(String(cString: strerror(code)))" }
    }

    /// Which cores a thread may run on.
    public enum Priority: Sendable {
        /// Linux's usual time-sharing class.
        case normal
        /// Linux's `SCHED_IDLE`: only a core nothing else wants. A thread without the right to raise its priority
        /// cannot leave that class, so work given to such threads must be finished by others when it matters.
        case idle
    }

    /// Runs `body` on a new detached thread, with a stack of `stackSize` bytes (at least the system's minimum)
    /// or, when nil, the system's default size.
    public static func start(stackSize: Int? = nil, priority: Priority = .normal,
                             _ body: @escaping @Sendable () -> Void) throws(StartFailure) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        if let stackSize { pthread_attr_setstacksize(&attributes, max(stackSize, Int(PTHREAD_STACK_MIN))) }
        let box = Unmanaged.passRetained(Body(priority: priority, body))
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { argument in
            let body = Unmanaged<Body>.fromOpaque(argument!).takeRetainedValue()
            body.run()
            return nil
        }, box.toOpaque())
        guard status == 0 else {
            box.release()
            throw StartFailure(code: status)
        }
    }

    /// Linux's `SCHED_IDLE`, which Glibc's module for Swift does not export (5 in `<linux/sched.h>`).
    static let idleSchedulingClass: Int32 = 5

    /// Puts the calling thread in the idle scheduling class.
    private static func runOnlyWhenIdle() {
        var parameters = sched_param()
        _ = pthread_setschedparam(pthread_self(), idleSchedulingClass, &parameters)
    }

    private final class Body: Sendable {
        let priority: Priority
        let body: @Sendable () -> Void

        init(priority: Priority, _ body: @escaping @Sendable () -> Void) {
            self.priority = priority
            self.body = body
        }

        func run() {
            if priority == .idle { runOnlyWhenIdle() }
            body()
        }
    }
}
