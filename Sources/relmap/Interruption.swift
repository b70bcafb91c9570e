import Foundation
import ParallelWork
import GraphvizRendering
import ReportSite
import Synchronization
import SystemIO

/// SIGINT and SIGTERM stop a command cleanly: the render workers are killed, the staged site is removed, what
/// the command registered is cleaned up, and the process exits with 130 or 143 (128 + the signal), leaving
/// the output as it was. The signals are blocked in every thread and taken by one thread that waits for them,
/// so the cleanup runs as ordinary code rather than in a signal handler.
enum Interruption {
    private static let cleanups = Mutex<[@Sendable () -> Void]>([])
    private static let installed = Mutex(false)

    /// Blocks SIGINT and SIGTERM and starts the thread that takes them; called before the command starts any
    /// thread, so that every thread inherits the mask. `whenStopped` ends the last line (`stopped by SIGINT;
    /// the output was left as it was`). Exits 71 when the thread cannot be started.
    static func install(command: String, whenStopped: String? = "the output was left as it was") throws {
        let first = installed.withLock { installed in
            defer { installed = true }
            return !installed
        }
        guard first else { return }
        CrashReport.install(command: command)
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let blocked = signals
        do {
            try Scheduler.start(stackSize: 256 << 10) {
                var waited = blocked
                var received: Int32 = 0
                while sigwait(&waited, &received) != 0 {}
                stop(command: command, signal: received, whenStopped: whenStopped)
            }
        } catch {
            Terminal.error("relmap \(command): error: \(error)")
            throw SysExit.osError
        }
    }

    /// Runs `cleanup` when the process is stopped by a signal (and only then), after the workers are killed
    /// and the staged site removed.
    static func onStop(_ cleanup: @escaping @Sendable () -> Void) {
        cleanups.withLock { $0.append(cleanup) }
    }

    private static func stop(command: String, signal: Int32, whenStopped: String?) -> Never {
        Terminal.silence()
        Renderer.stopAllWorkers()
        SiteWriter.discardUnpublished()
        AtomicFile.removeFilesBeingWritten()
        cleanups.withLock { $0 }.forEach { $0() }
        let name = signal == SIGINT ? "SIGINT" : "SIGTERM"
        // On a terminal the progress line has no end yet.
        let start = isatty(STDERR_FILENO) != 0 ? "\n" : ""
        Terminal.writeAfterSilence("\(start)relmap \(command): stopped by \(name)" + (whenStopped.map { "; \($0)" } ?? ""))
        _exit(128 + signal)
    }
}
