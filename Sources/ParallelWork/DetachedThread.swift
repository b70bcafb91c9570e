import Foundation

/// Starts threads with `pthread_create`, so that a thread that cannot be made (a process limit, no memory for
/// its stack) is an error the caller sees: Foundation's `Thread.start` ignores the failure and the work it
/// was given never runs, which left callers waiting for ever.
public enum DetachedThread {
    /// A thread could not be started; the description gives the system's reason.
    public struct StartFailure: Error, CustomStringConvertible {
        public var code: Int32
        public var description: String { "cannot start a thread: \(String(cString: strerror(code)))" }
    }

    /// Runs `body` on a new detached thread, with a stack of `stackSize` bytes (at least the system's minimum)
    /// or, when nil, the system's default size.
    public static func start(stackSize: Int? = nil, _ body: @escaping @Sendable () -> Void) throws(StartFailure) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        if let stackSize { pthread_attr_setstacksize(&attributes, max(stackSize, Int(PTHREAD_STACK_MIN))) }
        let box = Unmanaged.passRetained(Body(body))
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

    private final class Body: Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}
