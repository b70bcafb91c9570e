import Foundation
import ParallelWork

/// The pages of the kinds that start before drawing (`PageGenerator.startsBeforeDrawing`), written on threads
/// of their own while the diagrams are drawn, each as soon as the diagrams it shows are. Graphviz draws in
/// worker processes, and a core it leaves idle (with one worker, or while one long layout finishes) writes
/// pages instead of waiting for the last diagram. The threads run only on a core nothing else wants (Linux's
/// `SCHED_IDLE`), so they never slow Graphviz down; the pages they have not written when the drawing ends are
/// written at the usual priority.
final class PagesBesideDrawing: @unchecked Sendable {
    /// The kinds started, with their pages in list order.
    let kinds: [ListedPages]
    private let pages: [Page]
    private let context: BuildContext
    private let condition = NSCondition()
    private var ready: [Int] = []
    private var readyTaken = 0
    private var waiting: [String: [Int]] = [:]
    private var undrawn: [Int]
    private var drawingEnded = false
    private var cancelled = false
    private var failures: [Int: PageError] = [:]
    private let threads = DispatchGroup()

    /// Lists the pages of `generators` from `context` and starts writing, on `context.processors` threads, those
    /// whose diagrams are already drawn (or that show none).
    init(_ generators: [PageGenerator], context: BuildContext) throws {
        kinds = try generators.map { ListedPages(generator: $0, pages: try $0.pages(context)) }
        pages = kinds.flatMap(\.pages)
        self.context = context
        undrawn = Array(repeating: 0, count: pages.count)
        for (index, page) in pages.enumerated() {
            for id in Set(page.diagrams) where context.diagrams[id] == nil {
                waiting[id, default: []].append(index)
                undrawn[index] += 1
            }
            if undrawn[index] == 0 { ready.append(index) }
        }
        guard !pages.isEmpty else { return }
        for _ in 0..<max(1, min(context.processors, pages.count)) {
            threads.enter()
            do {
                try DetachedThread.start { [self] in
                    PagesBesideDrawing.runOnlyWhenIdle()
                    writePages()
                    threads.leave()
                }
            } catch {
                // Fewer threads beside the drawing: `finish` writes what they leave.
                threads.leave()
                break
            }
        }
    }

    /// Releases the pages that were waiting for diagram `id`, which is now drawn and in the context.
    func drawn(_ id: String) {
        condition.withLock {
            for index in waiting.removeValue(forKey: id) ?? [] {
                undrawn[index] -= 1
                if undrawn[index] == 0 { ready.append(index) }
            }
            condition.broadcast()
        }
    }

    /// Stops the threads beside the drawing, writes the pages they had not taken (those still waiting, because
    /// a diagram they name was not drawn, included) on `context.processors` threads at the usual priority, and
    /// returns the first page in list order that failed, with its kind.
    func finish() -> FailedPage? {
        let rest: [Int] = condition.withLock {
            drawingEnded = true
            condition.broadcast()
            let rest = Array(ready[readyTaken...]) + Set(waiting.values.joined()).sorted()
            readyTaken = ready.count
            waiting = [:]
            return rest
        }
        threads.wait()
        let results = context.write(rest.map { pages[$0] })
        return condition.withLock {
            for (index, failure) in zip(rest, results) where failure != nil { failures[index] = failure }
            return FailedPage.first(of: failures, in: kinds)
        }
    }

    /// Drops the pages not yet started and waits for those being written: the build stopped.
    func cancel() {
        condition.withLock {
            cancelled = true
            condition.broadcast()
        }
        threads.wait()
    }

    private func writePages() {
        while let index = nextPage() {
            if let failure = context.failure(writing: pages[index]) {
                condition.withLock { failures[index] = failure }
            }
        }
    }

    /// The next page whose diagrams are drawn, waiting for one; nil once the drawing has ended or the build
    /// stopped.
    private func nextPage() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if cancelled || drawingEnded { return nil }
            if readyTaken < ready.count {
                readyTaken += 1
                return ready[readyTaken - 1]
            }
            condition.wait()
        }
    }

    /// Puts the calling thread in Linux's `SCHED_IDLE` scheduling class. A thread without the right to raise
    /// its priority cannot leave that class, so these threads stop when the drawing ends and the pages left
    /// are written by others.
    private static func runOnlyWhenIdle() {
        #if os(Linux)
        // Glibc's module for Swift does not export SCHED_IDLE; it is 5 in <linux/sched.h>.
        let schedIdle: Int32 = 5
        var parameters = sched_param()
        _ = pthread_setschedparam(pthread_self(), schedIdle, &parameters)
        #endif
    }
}
