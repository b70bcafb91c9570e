import Foundation
import ParallelWork
import Synchronization

/// The pages of the kinds that start before drawing (`PageGenerator.startsBeforeDrawing`), written on threads
/// of their own while the diagrams are drawn, each as soon as the diagrams it shows are. Graphviz draws in
/// worker processes, and a core it leaves idle (with one worker, or while one long layout finishes) writes
/// pages instead of waiting for the last diagram. The threads run only on a core nothing else wants
/// (`Scheduler.Priority.idle`), so they never slow Graphviz down; the pages they have not written when the
/// drawing ends are written at the usual priority.
final class PagesBesideDrawing: Sendable {
    /// The kinds started, with their pages in list order.
    let kinds: [ListedPages]
    private let pages: [Page]
    private let context: BuildContext
    private let work: WaitingWork<String>
    private let failures = Failures()

    /// Lists the pages of `generators` from `context` and starts writing, on `context.processors` threads, those
    /// whose diagrams are already drawn (or that show none).
    init(_ generators: [PageGenerator], context: BuildContext) throws {
        let kinds = try generators.map { ListedPages(generator: $0, pages: try $0.pages(context)) }
        let pages = kinds.flatMap(\.pages)
        let failures = failures
        self.kinds = kinds
        self.pages = pages
        self.context = context
        work = WaitingWork(waitingFor: pages.map { Set($0.diagrams.filter { context.diagrams[$0] == nil }) },
                           threadCount: context.processors, priority: .idle) { index in
            if let failure = context.failure(writing: pages[index]) {
                failures.byIndex.withLock { $0[index] = failure }
            }
        }
    }

    /// Releases the pages that were waiting for diagram `id`, which is now drawn and in the context.
    func drawn(_ id: String) {
        work.release(id)
    }

    /// Stops the threads beside the drawing, writes the pages they had not taken (those still waiting, because
    /// a diagram they name was not drawn, included) on `context.processors` threads at the usual priority, and
    /// returns the first page in list order that failed, with its kind. Later calls return the same answer, so
    /// each started kind's step may ask.
    func finish() -> FailedPage? {
        finished.withLock { finished in
            if let known = finished { return known }
            let rest = work.finish()
            let results = context.write(rest.map { pages[$0] })
            let failure = failures.byIndex.withLock { failures in
                for (index, failure) in zip(rest, results) where failure != nil { failures[index] = failure }
                return FailedPage.first(of: failures, in: kinds)
            }
            finished = .some(failure)
            return failure
        }
    }

    /// Drops the pages not yet started and waits for those being written: the build stopped. Nothing once
    /// finished.
    func cancel() {
        finished.withLock { if $0 == nil { work.cancel() } }
    }

    /// `finish`'s answer once it has run (`.some(nil)` when no page failed).
    private let finished = Mutex<FailedPage??>(nil)

    /// The pages that could not be written, by index into `pages`.
    private final class Failures: Sendable {
        let byIndex = Mutex<[Int: PageError]>([:])
    }
}
