import Foundation
import ParallelWork
import Synchronization

/// Renders batches of diagrams in a pool of `render-worker` processes (Graphviz is not thread-safe,
/// so parallelism means processes).
///
/// Workers live across batches and are replaced after `jobsPerWorker` jobs, when their memory grows
/// past the limit, when they crash and when a job runs past the time limit; an sfdp or neato job runs alone in a
/// fresh worker, because those layouts depend on what the process laid out before. A job whose worker
/// crashes is retried alone in fresh workers, and never drawn with another engine instead, so that a
/// site's bytes never depend on a crash; a job that times out is retried with its fallback engine, if it
/// has one. A bad diagram never stops the batch: it becomes a `RenderFailure`.
public final class Renderer: Sendable {
    public let settings: RenderSettings
    private let slots: [WorkerSlot]
    private let batchLock = NSLock()

    /// - Parameter startingWorkers: whether the workers (one per processor at most) start now, to load Graphviz
    ///   while the caller prepares the jobs; otherwise each starts with its first job, so a caller that may have
    ///   nothing to draw (a rebuild whose diagrams are all in the cache) starts none.
    public init(settings: RenderSettings, startingWorkers: Bool = true) {
        self.settings = settings
        slots = (0..<settings.workers).map { _ in WorkerSlot(settings: settings) }
        // Workers beyond one per processor start only when a batch has jobs for them.
        if startingWorkers { slots.prefix(ProcessInfo.processInfo.activeProcessorCount).forEach { $0.startWorker() } }
    }

    deinit {
        shutdown()
    }

    /// Renders `jobs` and returns their results in the same order.
    /// - Parameters:
    ///   - progress: called after each job with (jobs finished, jobs in the batch, id of the job just finished), from worker threads, one call at a time.
    ///   - deliver: called with each job's index and result as soon as it is known (small jobs sent to a worker
    ///     together are delivered together), from worker threads, one call at a time; a caller that writes files
    ///     hands them to a queue of its own, so the workers are not kept waiting.
    public func render(_ jobs: [RenderJob], progress: (@Sendable (Int, Int, String) -> Void)? = nil,
                       deliver: (@Sendable (Int, Result<RenderedDiagram, RenderFailure>) -> Void)? = nil) -> [Result<RenderedDiagram, RenderFailure>] {
        batchLock.lock()
        defer { batchLock.unlock() }
        guard !jobs.isEmpty else { return [] }
        let batch = Batch(jobs: jobs, workers: min(slots.count, jobs.count), progress: progress, deliver: deliver)
        let group = DispatchGroup()
        let used = Array(slots.prefix(jobs.count))
        // The calling thread serves the first slot; a thread that cannot be started leaves its share to the
        // others instead of being waited for.
        for slot in used.dropFirst() {
            group.enter()
            do {
                try Scheduler.start(stackSize: Renderer.threadStackSize) {
                    Renderer.serve(slot, batch, jobs)
                    group.leave()
                }
            } catch {
                group.leave()
                break
            }
        }
        Renderer.serve(used[0], batch, jobs)
        group.wait()
        return batch.results
    }

    /// A thread that talks to a worker needs little stack; the default 8 MiB each counts against `ulimit -v`.
    static let threadStackSize = 512 << 10

    /// Renders the batch's jobs in `slot`'s worker until none is left to take. The jobs after the ones being
    /// rendered are taken before their results are awaited and sent to the worker behind them (see
    /// `WorkerProcess.run`), so it goes from one to the next without waiting for this thread to read the
    /// replies; on two cores, that wait was scheduled behind the threads writing files.
    private static func serve(_ slot: WorkerSlot, _ batch: Batch, _ jobs: [RenderJob]) {
        var indices = batch.takeNext()
        while !indices.isEmpty {
            let next = batch.takeNext()
            for (index, result) in zip(indices, slot.render(indices.map { jobs[$0] }, sendingAhead: next.map { jobs[$0] })) {
                batch.record(result, at: index)
            }
            indices = next
        }
    }

    /// At most this many small jobs go to a worker at once, so it starts the next without waiting for this
    /// process to read a reply and send a job: for diagrams that take a few milliseconds each, that wait was a
    /// tenth of the time. Fewer go when fewer are left, so that the workers of a pool finish together (see
    /// `Batch.takeNext`).
    static let jobsSentTogether = 16

    /// Jobs sent together carry at most this many bytes of DOT, so that the next ones fit beside them in the
    /// socket (`WorkerProcess.bytesInFlight`).
    static let bytesSentTogether = WorkerProcess.bytesInFlight / 2

    /// The process ids of the workers running now, for diagnostics.
    public var workerProcessIDs: [Int32] {
        slots.compactMap(\.processID)
    }

    /// Kills every render worker of this process, of every renderer, and starts no more: for a process that is
    /// stopping on a signal.
    public static func stopAllWorkers() {
        WorkerProcess.killAll()
    }

    /// Starts a worker as a renderer with default settings would, before one exists, so that it loads Graphviz
    /// (some 15 ms) while the command line is parsed and the input read: the first renderer whose workers are
    /// started the same way takes it. One that nothing takes is stopped as the process exits.
    public static func startWorkerAhead() {
        let settings = RenderSettings()
        WorkerProcess.startAhead(WorkerProcess.Launch(command: settings.workerCommand, environment: settings.workerEnvironment))
        atexit { WorkerProcess.stopStartedAhead() }
    }

    /// Stops every worker; the next `render` starts new ones.
    public func shutdown() {
        slots.forEach { $0.stopWorker() }
    }
}

/// One place in the pool: at most one worker process, used by one thread at a time, and the worker that will
/// replace it, started while the current one finishes its last jobs so that its start-up is not waited for.
final class WorkerSlot: Sendable {
    private struct Workers {
        var current: WorkerProcess?
        var successor: WorkerProcess?
    }

    private let settings: RenderSettings
    private let workers = Mutex(Workers())

    init(settings: RenderSettings) {
        self.settings = settings
    }

    var processID: Int32? {
        currentWorker?.processID
    }

    private var currentWorker: WorkerProcess? {
        workers.withLock { $0.current }
    }

    /// Starts the slot's worker ahead of its first job, so it gets ready while the caller prepares the jobs; a
    /// worker that cannot start is reported by the first job instead.
    func startWorker() {
        workers.withLock { workers in
            if workers.current == nil { workers.current = try? startProcess() }
        }
    }

    /// A new worker process as the settings describe it.
    private func startProcess() throws(WorkerProcess.StartFailure) -> WorkerProcess {
        let launch = WorkerProcess.Launch(command: settings.workerCommand, environment: settings.workerEnvironment)
        if let worker = WorkerProcess.takeStartedAhead(for: launch) { return worker }
        return try WorkerProcess(command: launch.command, environment: launch.environment)
    }

    func stopWorker() {
        let stopping = workers.withLock { workers in
            defer { workers = Workers() }
            return [workers.current, workers.successor].compactMap { $0 }
        }
        stopping.forEach { $0.closeConnection() }
        stopping.forEach { $0.stop() }
    }

    /// Renders jobs sent to the worker together (see `Renderer.jobsSentTogether`); a job after one that crashed
    /// or ran over is rendered on its own, as if it had come next. `ahead` are the jobs this slot renders next,
    /// sent behind these when the worker will still be in use for them.
    func render(_ jobs: [RenderJob], sendingAhead ahead: [RenderJob] = []) -> [Result<RenderedDiagram, RenderFailure>] {
        if jobs.count == 1, jobs[0].drawsNothing { return [render(jobs[0])] }
        guard !jobs.isEmpty else { return [] }
        let allowance = max(1, settings.jobsPerWorker - (currentWorker?.jobsDone ?? 0))
        let sent = Array(jobs.prefix(allowance))
        let attempts = attempt(sent, ahead: sent.count == jobs.count ? ahead : [])
        let results = sent.indices.map { index in
            index < attempts.count ? finish(sent[index], after: attempts[index]) : render(sent[index])
        }
        return results + render(Array(jobs.dropFirst(allowance)))
    }

    func render(_ job: RenderJob) -> Result<RenderedDiagram, RenderFailure> {
        if job.drawsNothing {
            return Result { () throws(RenderFailure) in try InProcessRenderer.render(job) }
        }
        return finish(job, after: attempt([job])[0])
    }

    /// How many times a job that crashed its worker is tried again, alone in a fresh worker, before it fails.
    /// Graphviz's memory faults abort a layout or not depending on the heap around them (see
    /// `relmap_pad_allocations` for the one found), so a fresh worker may draw what a used one could not.
    static let freshAttemptsAfterCrash = 2

    /// The result of `job` given its first attempt: a crash is tried again in fresh workers (see
    /// `freshAttemptsAfterCrash`); a timeout goes to the fallback engine.
    private func finish(_ job: RenderJob, after first: Attempt) -> Result<RenderedDiagram, RenderFailure> {
        var reason: String
        switch first {
        case .crashed(let crash): reason = crash
        default: return settle(job, first)
        }
        for _ in 0..<Self.freshAttemptsAfterCrash {
            let next = attempt([job], inFreshWorker: true)[0]
            guard case .crashed(let crash) = next else { return settle(job, next) }
            reason = crash
        }
        let times = Self.freshAttemptsAfterCrash + 1
        return .failure(RenderFailure(id: job.id, message: "Graphviz crashed \(times) times laying out \(job.id) with \(job.engine.rawValue), "
                                        + "the last \(Self.freshAttemptsAfterCrash) in a fresh worker: \(reason)"))
    }

    /// The result of an attempt that did not crash.
    private func settle(_ job: RenderJob, _ attempt: Attempt) -> Result<RenderedDiagram, RenderFailure> {
        switch attempt {
        case .replied(let reply): return reply.result
        case .unavailable(let message): return .failure(RenderFailure(id: job.id, message: message, cause: .noWorker))
        case .graphvizUnavailable(let message): return .failure(RenderFailure(id: job.id, message: message, cause: .graphvizUnavailable))
        case .timedOut: return afterTimeout(job)
        case .crashed(let reason): return .failure(RenderFailure(id: job.id, message: "the worker crashed while rendering \(job.id): \(reason)"))
        }
    }

    private var limit: String { "\(settings.timeoutSeconds.formatted()) s" }

    private func afterTimeout(_ job: RenderJob) -> Result<RenderedDiagram, RenderFailure> {
        guard let fallback = job.withFallbackEngine else {
            return .failure(RenderFailure(id: job.id, message: "layout with \(job.engine.rawValue) timed out after \(limit); the worker was stopped and the job has no fallback engine"))
        }
        switch attempt([fallback])[0] {
        case .replied(let reply):
            return reply.result.map { diagram in
                var diagram = diagram
                diagram.usedFallback = true
                diagram.warnings.insert("layout with \(job.engine.rawValue) timed out after \(limit); used \(fallback.engine.rawValue) instead", at: 0)
                return diagram
            }
        case .unavailable(let message):
            return .failure(RenderFailure(id: job.id, message: message, cause: .noWorker))
        case .graphvizUnavailable(let message):
            return .failure(RenderFailure(id: job.id, message: message, cause: .graphvizUnavailable))
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
        /// No worker could be started.
        case unavailable(String)
        /// The worker's Graphviz cannot render at all.
        case graphvizUnavailable(String)
    }

    /// Runs `jobs` in this slot's worker, starting one if needed, and retires the worker when it is spent or gone.
    /// The attempts end at the first job without a reply; the jobs after it were not tried.
    private func attempt(_ jobs: [RenderJob], inFreshWorker: Bool = false, ahead: [RenderJob] = []) -> [Attempt] {
        if jobs[0].needsFreshWorker || inFreshWorker, let used = currentWorker, used.jobsDone > 0 || used.hasUnansweredJobs {
            retire(used)
        }
        if let used = currentWorker, used.hasUnansweredJobs, !used.isRunning(jobs) {
            retire(used)
        }
        let started = workers.withLock { workers -> Result<WorkerProcess, WorkerProcess.StartFailure> in
            if workers.current == nil {
                do throws(WorkerProcess.StartFailure) {
                    workers.current = try startProcess()
                } catch {
                    return .failure(error)
                }
            }
            let current = workers.current!
            let spent = current.jobsDone + jobs.count + Renderer.jobsSentTogether >= settings.jobsPerWorker
            if workers.successor == nil, jobs[0].needsFreshWorker || spent {
                workers.successor = try? startProcess()
            }
            return .success(current)
        }
        let current: WorkerProcess
        switch started {
        case .success(let worker): current = worker
        case .failure(let error): return [.unavailable(error.message)]
        }
        // Jobs are sent ahead only to a worker that is not due to be replaced before it gets to them.
        let sendsAhead = !ahead.isEmpty && !inFreshWorker && !jobs[0].needsFreshWorker && ahead.allSatisfy(\.canBeSentTogether)
            && current.jobsDone + jobs.count + ahead.count < settings.jobsPerWorker
            && current.residentMemoryMB <= settings.maximumWorkerMemoryMB
        var attempts: [Attempt] = []
        for outcome in current.run(jobs, sendingAhead: sendsAhead ? ahead : [], timeout: settings.timeoutSeconds) {
            switch outcome {
            case .replied(let reply):
                attempts.append(.replied(reply))
            case .crashed(let reason):
                retire(current)
                attempts.append(.crashed(reason))
            case .timedOut:
                retire(current)
                attempts.append(.timedOut)
            case .unavailable(let reason):
                retire(current)
                attempts.append(.graphvizUnavailable(reason))
            }
        }
        // A worker with jobs sent ahead is replaced once it has answered them: its memory can pass the limit by
        // what those take.
        if case .replied(let reply)? = attempts.last, !current.hasUnansweredJobs,
           jobs[0].needsFreshWorker || current.jobsDone >= settings.jobsPerWorker || reply.residentMemoryMB > settings.maximumWorkerMemoryMB {
            retire(current)
        }
        return attempts
    }

    /// Puts the successor, if one was started, in the retiring worker's place, and lets the retiring worker end
    /// in the background: it exits when its connection closes.
    private func retire(_ retiring: WorkerProcess) {
        workers.withLock { workers in
            if workers.current === retiring {
                workers.current = workers.successor
                workers.successor = nil
            }
        }
        retiring.closeConnection()
        do {
            try Scheduler.start(stackSize: Renderer.threadStackSize) { retiring.stop() }
        } catch {
            retiring.stop()
        }
    }
}

/// The shared state of one `render` call: which job is next, and the results so far. Results are reported to
/// the caller one at a time, in the order they are recorded, outside the lock that hands out jobs, so a slow
/// report never keeps another worker from its next job.
final class Batch: Sendable {
    private struct State {
        var next = 0
        var collected: [Result<RenderedDiagram, RenderFailure>?]
    }

    private let jobs: [RenderJob]
    /// How many workers take jobs from the batch.
    private let workers: Int
    private let progress: (@Sendable (Int, Int, String) -> Void)?
    private let deliver: (@Sendable (Int, Result<RenderedDiagram, RenderFailure>) -> Void)?
    private let state: Mutex<State>
    /// How many results have been reported; held while reporting, so reports come one at a time.
    private let reported = Mutex(0)

    init(jobs: [RenderJob], workers: Int, progress: (@Sendable (Int, Int, String) -> Void)?,
         deliver: (@Sendable (Int, Result<RenderedDiagram, RenderFailure>) -> Void)?) {
        self.jobs = jobs
        self.workers = max(1, workers)
        self.progress = progress
        self.deliver = deliver
        state = Mutex(State(collected: Array(repeating: nil, count: jobs.count)))
    }

    /// The indices of the next jobs to render: one, or several small ones that can go to a worker together, up
    /// to `Renderer.jobsSentTogether` and to half of each worker's share of the jobs left, so the last trips are
    /// short and the workers finish together; empty when every job is taken.
    func takeNext() -> [Int] {
        state.withLock { state in
            guard state.next < jobs.count else { return [] }
            let limit = min(Renderer.jobsSentTogether, max(1, (jobs.count - state.next) / (2 * workers)))
            var taken = [state.next]
            var bytes = jobs[state.next].dot.utf8.count
            state.next += 1
            while taken.count < limit, state.next < jobs.count, jobs[taken[0]].canBeSentTogether,
                  jobs[state.next].canBeSentTogether, bytes + jobs[state.next].dot.utf8.count <= Renderer.bytesSentTogether {
                bytes += jobs[state.next].dot.utf8.count
                taken.append(state.next)
                state.next += 1
            }
            return taken
        }
    }

    func record(_ result: Result<RenderedDiagram, RenderFailure>, at index: Int) {
        state.withLock { $0.collected[index] = result }
        reported.withLock { finished in
            finished += 1
            deliver?(index, result)
            progress?(finished, jobs.count, jobs[index].id)
        }
    }

    /// The results in job order, once every job has one.
    var results: [Result<RenderedDiagram, RenderFailure>] {
        state.withLock { $0.collected.map { $0! } }
    }
}

extension RenderJob {
    /// Whether the job asks only for its DOT source, which is written without Graphviz, so no worker is needed.
    var drawsNothing: Bool {
        formats.allSatisfy { $0 == .dot }
    }

    /// Whether the job may share a trip to a worker with others: it goes to a worker (it draws something) and
    /// need not run alone in a fresh one.
    var canBeSentTogether: Bool {
        !needsFreshWorker && !drawsNothing
    }
}
