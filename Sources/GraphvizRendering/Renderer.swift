import Foundation

/// Renders batches of diagrams in a pool of `render-worker` processes (Graphviz is not thread-safe,
/// so parallelism means processes).
///
/// Workers live across batches and are replaced after `jobsPerWorker` jobs, when their memory grows
/// past the limit, when they crash and when a job runs past the time limit; an sfdp or neato job runs alone in a
/// fresh worker, because those layouts depend on what the process laid out before. A job whose worker
/// crashes is retried once in a fresh worker; a job that times out is retried with its fallback
/// engine, if it has one. A bad diagram never stops the batch: it becomes a `RenderFailure`.
public final class Renderer {
    public let settings: RenderSettings
    private let slots: [WorkerSlot]
    private let batchLock = NSLock()

    public init(settings: RenderSettings) {
        self.settings = settings
        slots = (0..<settings.workers).map { _ in WorkerSlot(settings: settings) }
    }

    deinit {
        shutdown()
    }

    /// Renders `jobs` and returns their results in the same order.
    /// - Parameters:
    ///   - progress: called after each job with (jobs finished, jobs in the batch, id of the job just finished), from worker threads, one call at a time.
    ///   - deliver: called with each job's index and result as soon as it is known, from worker threads, one call at
    ///     a time; a caller that writes files hands them to a queue of its own, so the workers are not kept waiting.
    public func render(_ jobs: [RenderJob], progress: ((Int, Int, String) -> Void)? = nil,
                       deliver: ((Int, Result<RenderedDiagram, RenderFailure>) -> Void)? = nil) -> [Result<RenderedDiagram, RenderFailure>] {
        batchLock.lock()
        defer { batchLock.unlock() }
        let batch = Batch(jobs: jobs, progress: progress, deliver: deliver)
        let group = DispatchGroup()
        for slot in slots.prefix(jobs.count) {
            group.enter()
            let thread = Thread {
                while let index = batch.takeNext() {
                    batch.record(slot.render(jobs[index]), at: index)
                }
                group.leave()
            }
            thread.start()
        }
        group.wait()
        return batch.results
    }

    /// The process ids of the workers running now, for diagnostics.
    public var workerProcessIDs: [Int32] {
        slots.compactMap(\.processID)
    }

    /// Stops every worker; the next `render` starts new ones.
    public func shutdown() {
        slots.forEach { $0.stopWorker() }
    }
}

/// One place in the pool: at most one worker process, used by one thread at a time.
final class WorkerSlot {
    private let settings: RenderSettings
    private let lock = NSLock()
    private var worker: WorkerProcess?

    init(settings: RenderSettings) {
        self.settings = settings
    }

    var processID: Int32? {
        currentWorker?.processID
    }

    private var currentWorker: WorkerProcess? {
        lock.lock()
        defer { lock.unlock() }
        return worker
    }

    func stopWorker() {
        lock.lock()
        let stopping = worker
        worker = nil
        lock.unlock()
        stopping?.stop()
    }

    func render(_ job: RenderJob) -> Result<RenderedDiagram, RenderFailure> {
        if job.formats.allSatisfy({ $0 == .dot }) {
            return Result { () throws(RenderFailure) in try InProcessRenderer.render(job) }
        }
        switch attempt(job) {
        case .replied(let reply):
            return reply.result
        case .unavailable(let message):
            return .failure(RenderFailure(id: job.id, message: message))
        case .timedOut:
            return afterTimeout(job)
        case .crashed:
            switch attempt(job) {
            case .replied(let reply): return reply.result
            case .unavailable(let message): return .failure(RenderFailure(id: job.id, message: message))
            case .timedOut: return afterTimeout(job)
            case .crashed(let reason):
                return afterCrashes(job, reason: reason)
            }
        }
    }

    /// A job that crashed two fresh workers is tried once more with its fallback engine, if it has one.
    private func afterCrashes(_ job: RenderJob, reason: String) -> Result<RenderedDiagram, RenderFailure> {
        let failure = RenderFailure(id: job.id, message: "worker crashed twice while rendering \(job.id): \(reason)")
        guard let fallback = job.withFallbackEngine, case .replied(let reply) = attempt(fallback) else {
            return .failure(failure)
        }
        return reply.result.map { diagram in
            var diagram = diagram
            diagram.usedFallback = true
            diagram.warnings.insert("Graphviz crashed twice laying out with \(job.engine.rawValue) (\(reason)); used \(fallback.engine.rawValue) instead", at: 0)
            return diagram
        }
    }

    private var limit: String { "\(settings.timeoutSeconds.formatted()) s" }

    private func afterTimeout(_ job: RenderJob) -> Result<RenderedDiagram, RenderFailure> {
        guard let fallback = job.withFallbackEngine else {
            return .failure(RenderFailure(id: job.id, message: "layout with \(job.engine.rawValue) timed out after \(limit); the worker was stopped and the job has no fallback engine"))
        }
        switch attempt(fallback) {
        case .replied(let reply):
            return reply.result.map { diagram in
                var diagram = diagram
                diagram.usedFallback = true
                diagram.warnings.insert("layout with \(job.engine.rawValue) timed out after \(limit); used \(fallback.engine.rawValue) instead", at: 0)
                return diagram
            }
        case .unavailable(let message):
            return .failure(RenderFailure(id: job.id, message: message))
        case .timedOut:
            return .failure(RenderFailure(id: job.id, message: "layout timed out after \(limit) with \(job.engine.rawValue) and again with \(fallback.engine.rawValue)"))
        case .crashed(let reason):
            return .failure(RenderFailure(id: job.id, message: "layout with \(job.engine.rawValue) timed out after \(limit), and the worker crashed while rendering with \(fallback.engine.rawValue): \(reason)"))
        }
    }

    private enum Attempt {
        case replied(WorkerReply)
        case crashed(String)
        case timedOut
        case unavailable(String)
    }

    /// Runs `job` in this slot's worker, starting one if needed, and retires the worker when it is spent or gone.
    private func attempt(_ job: RenderJob) -> Attempt {
        if job.needsFreshWorker, let used = currentWorker, used.jobsDone > 0 {
            retire(used)
        }
        lock.lock()
        if worker == nil {
            do {
                worker = try WorkerProcess(command: settings.workerCommand, environment: settings.workerEnvironment)
            } catch {
                lock.unlock()
                return .unavailable(error.message)
            }
        }
        let current = worker!
        lock.unlock()
        let outcome = current.run(job, timeout: settings.timeoutSeconds)
        switch outcome {
        case .replied(let reply):
            if job.needsFreshWorker || current.jobsDone >= settings.jobsPerWorker || reply.residentMemoryMB > settings.maximumWorkerMemoryMB {
                retire(current)
            }
            return .replied(reply)
        case .crashed(let reason):
            retire(current)
            return .crashed(reason)
        case .timedOut:
            retire(current)
            return .timedOut
        }
    }

    private func retire(_ retiring: WorkerProcess) {
        lock.lock()
        if worker === retiring { worker = nil }
        lock.unlock()
        retiring.stop()
    }
}

/// The shared state of one `render` call: which job is next, and the results so far.
private final class Batch: @unchecked Sendable {
    private let lock = NSLock()
    private let jobs: [RenderJob]
    private let progress: ((Int, Int, String) -> Void)?
    private let deliver: ((Int, Result<RenderedDiagram, RenderFailure>) -> Void)?
    private var next = 0
    private var finished = 0
    private var collected: [Result<RenderedDiagram, RenderFailure>?]

    init(jobs: [RenderJob], progress: ((Int, Int, String) -> Void)?, deliver: ((Int, Result<RenderedDiagram, RenderFailure>) -> Void)?) {
        self.jobs = jobs
        self.progress = progress
        self.deliver = deliver
        collected = Array(repeating: nil, count: jobs.count)
    }

    /// The index of the next job to render, or nil when every job is taken.
    func takeNext() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < jobs.count else { return nil }
        next += 1
        return next - 1
    }

    func record(_ result: Result<RenderedDiagram, RenderFailure>, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        collected[index] = result
        finished += 1
        deliver?(index, result)
        progress?(finished, jobs.count, jobs[index].id)
    }

    /// The results in job order, once every job has one.
    var results: [Result<RenderedDiagram, RenderFailure>] {
        lock.lock()
        defer { lock.unlock() }
        return collected.map { $0! }
    }
}
