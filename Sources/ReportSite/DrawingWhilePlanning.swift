import Dispatch
import GraphvizRendering
import ParallelWork
import Synchronization

/// Draws diagrams into the render cache as they are planned, so that Graphviz starts while the rest of the plan
/// is made: with one processor, planning keeps one core busy and Graphviz the other (planning 1,000 actors took
/// 3 s before the first layout). The drawing step then takes them from the cache, as a rebuild does, and draws
/// the rest as usual; the files are the bytes of a build that drew everything in the drawing step, since the
/// cache keys on everything that decides them.
public final class DrawingWhilePlanning: Sendable {
    private struct State {
        var queue: [RenderJob] = []
        var stopping = false
    }

    private let drawing: DiagramDrawing
    private let cache: RenderCache
    private let state = Mutex(State())
    /// Signalled once per diagram planned and once by `finish`.
    private let wakeUps = DispatchSemaphore(value: 0)
    private let done = DispatchGroup()
    /// Entered for each diagram taken, left once it is drawn, found in the cache or dropped.
    private let pending = DispatchGroup()

    /// At most this many diagrams go to Graphviz at once, so that the end of planning waits for little.
    static let jobsAtOnce = 8

    /// Starts drawing for `drawing`, whose cache receives what is drawn; nil without a cache, or without a thread
    /// to draw on (the drawing step then draws everything).
    public init?(_ drawing: DiagramDrawing) {
        guard let cache = drawing.cache else { return nil }
        self.drawing = drawing
        self.cache = cache
        done.enter()
        do {
            try Scheduler.start { [self] in
                run()
                done.leave()
            }
        } catch {
            done.leave()
            return nil
        }
    }

    /// Takes a diagram as it is planned, from any thread; `isFocus` for an actor's focus diagram.
    public func planned(_ diagram: PlannedDiagram, isFocus: Bool) {
        let job = DiagramDrawing.job(for: diagram, formats: drawing.formats(for: diagram, isFocus: isFocus))
        let taken = state.withLock { state in
            if !state.stopping {
                state.queue.append(job)
                pending.enter()
            }
            return !state.stopping
        }
        if taken { wakeUps.signal() }
    }

    /// Drops the diagrams not yet sent to Graphviz and waits for those it is drawing, and for their storing.
    public func finish() {
        let dropped = state.withLock { state in
            state.stopping = true
            defer { state.queue = [] }
            return state.queue.count
        }
        for _ in 0..<dropped { pending.leave() }
        wakeUps.signal()
        done.wait()
    }

    /// Waits until every diagram taken so far is drawn or found in the cache (for tests).
    func waitUntilDrawn() {
        pending.wait()
    }

    private func run() {
        while true {
            wakeUps.wait()
            let (jobs, stopping) = state.withLock { state in
                let jobs = Array(state.queue.prefix(Self.jobsAtOnce))
                state.queue.removeFirst(jobs.count)
                return (jobs, state.stopping)
            }
            if stopping { return }
            defer { jobs.forEach { _ in pending.leave() } }
            // A diagram already in the cache (a rebuild) is left to the drawing step.
            let missing = jobs.filter { !cache.holdsFile(for: $0) }
            guard !missing.isEmpty else { continue }
            for (job, result) in zip(missing, drawing.render(missing, nil)) {
                guard case .success(let diagram) = result else { continue }
                // One that cannot be stored is drawn again by the drawing step, which says so.
                _ = try? cache.store(diagram, for: job)
            }
        }
    }
}
