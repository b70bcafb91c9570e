import NIOCore
import NIOPosix

/// Runs Swift tasks on one of SwiftNIO's event loops, which wait in `epoll_wait` without a timeout.
///
/// The server's tasks prefer it (`Task(executorPreference:)`), so they never reach libdispatch's thread pool:
/// on Linux, once that pool has had a thread, it wakes the process every second for as long as it lives, to
/// count its runnable threads (`_dispatch_workq_monitor_pools`), and an idle preview server must not wake.
public final class EventLoopTaskExecutor: TaskExecutor {
    /// The executor of the loop the server's connections are served on.
    public static let shared = EventLoopTaskExecutor(loop: MultiThreadedEventLoopGroup.singleton.next())

    private let loop: any EventLoop

    init(loop: any EventLoop) {
        self.loop = loop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
