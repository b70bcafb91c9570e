import Foundation

/// The pages of the kinds that start before drawing (`PageGenerator.startsBeforeDrawing`), written on threads
/// of their own while the diagrams are drawn, each as soon as the diagrams it shows are. Graphviz draws in
/// worker processes, and a core it leaves idle (with one worker, or while one long layout finishes) writes
/// pages instead of waiting for the last diagram. While the drawing lasts the threads run only on a core
/// nothing else wants (Linux's `SCHED_IDLE`), so they never slow Graphviz down; then at the usual priority.
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
            Thread { [self] in
                PagesBesideDrawing.runOnlyWhenIdle(true)
                writePages()
                threads.leave()
            }.start()
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

    /// Writes the pages still waiting (a diagram they name was not drawn), waits until every page is written,
    /// and returns the first page in list order that failed, with its kind.
    func finish() -> FailedPage? {
        condition.withLock {
            if !drawingEnded {
                drawingEnded = true
                ready += Set(waiting.values.joined()).sorted()
                waiting = [:]
            }
            condition.broadcast()
        }
        threads.wait()
        return condition.withLock { FailedPage.first(of: failures, in: kinds) }
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
        var idle = true
        while let (index, drawingEnded) = nextPage() {
            if idle, drawingEnded {
                PagesBesideDrawing.runOnlyWhenIdle(false)
                idle = false
            }
            do {
                try context.add(pages[index])
            } catch {
                condition.withLock { failures[index] = PageError(path: pages[index].path, underlying: error) }
            }
        }
    }

    /// The next page whose diagrams are drawn, waiting for one, and whether the drawing has ended; nil once no
    /// page is left or the build stopped.
    private func nextPage() -> (index: Int, drawingEnded: Bool)? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if cancelled { return nil }
            if readyTaken < ready.count {
                readyTaken += 1
                return (ready[readyTaken - 1], drawingEnded)
            }
            if drawingEnded { return nil }
            condition.wait()
        }
    }

    /// Puts the calling thread in Linux's `SCHED_IDLE` scheduling class, or back in the normal one.
    private static func runOnlyWhenIdle(_ idle: Bool) {
        #if os(Linux)
        // Glibc's module for Swift does not export SCHED_IDLE; it is 5 in <linux/sched.h>.
        let schedIdle: Int32 = 5
        var parameters = sched_param()
        _ = pthread_setschedparam(pthread_self(), idle ? schedIdle : Int32(SCHED_OTHER), &parameters)
        #endif
    }
}
