import Foundation

/// How a `Renderer` runs its worker processes.
public struct RenderSettings: Sendable {
    /// How many worker processes render at once; default: the number of cores.
    public var workers: Int
    /// The time limit per diagram and attempt, in seconds; the worker is killed when it runs over.
    public var timeoutSeconds: Double
    /// A worker is replaced after this many jobs, which bounds the memory Graphviz leaks (about 0.07 MiB per
    /// focus diagram, so some 35 MiB by the time a worker is replaced). A fresh worker lays out its first
    /// diagrams more slowly, so replacing one costs more than its start.
    public var jobsPerWorker: Int
    /// A worker is replaced when its resident memory exceeds this many MiB after a job, or after the jobs already
    /// sent to it behind that one (see `WorkerProcess.run`).
    public var maximumWorkerMemoryMB: Int
    /// The program and arguments that start a worker speaking the `render-worker` protocol.
    public var workerCommand: [String]
    /// Variables added to the workers' environment.
    public var workerEnvironment: [String: String]

    public init(
        workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        timeoutSeconds: Double = 60,
        jobsPerWorker: Int = 500,
        maximumWorkerMemoryMB: Int = 1024,
        workerCommand: [String] = RenderSettings.defaultWorkerCommand,
        workerEnvironment: [String: String] = [:]
    ) {
        self.workers = max(1, workers)
        self.timeoutSeconds = timeoutSeconds
        self.jobsPerWorker = max(1, jobsPerWorker)
        self.maximumWorkerMemoryMB = maximumWorkerMemoryMB
        self.workerCommand = workerCommand
        self.workerEnvironment = workerEnvironment
    }

    /// The running executable (resolved from `/proc/self/exe`) with the argument `render-worker`.
    public static var defaultWorkerCommand: [String] {
        [runningExecutablePath, "render-worker"]
    }

    /// The absolute path of the running executable.
    public static var runningExecutablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
