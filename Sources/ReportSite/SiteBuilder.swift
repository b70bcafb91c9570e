import Foundation
import ParallelWork

/// Runs a build as a pipeline of named steps over one context and returns the finished site (in memory, or
/// staged on disk when the context's site is staged). A file that cannot be written stops the build with its
/// `SiteWriteError`, unwrapped.
public struct SiteBuilder {
    public var steps: [BuildStep]

    public init(steps: [BuildStep]) {
        self.steps = steps
    }

    /// The steps that turn a context with its diagrams into pages: one step a page kind ("Write actor pages"),
    /// in `PageGenerator.all`'s order, each writing its kind's pages on the build's threads, then the assets, and
    /// a final check that every link resolves. A kind the drawing step started is only finished: the pages it
    /// has not written yet are written by the first such step, and a failure among them is thrown by its kind's.
    public static var pageSteps: [BuildStep] {
        PageGenerator.all.map { generator in
            BuildStep("Write \(generator.name)") { context in
                if let started = context.pagesBesideDrawing, started.kinds.contains(where: { $0.generator.name == generator.name }) {
                    if let failed = started.finish(), failed.generator.name == generator.name { throw failed.stepError }
                    return
                }
                let kind = ListedPages(generator: generator, pages: try generator.pages(context))
                if let failed = context.firstFailure(writing: [kind]) { throw failed.stepError }
            }
        } + [
            BuildStep("Copy stylesheet and script") { context in
                for name in context.templates.assets.keys.sorted() {
                    try context.site.add(context.templates.assets[name]!, at: "assets/\(name)")
                }
            },
            BuildStep("Check links") { context in
                let checker = LinkChecker(site: context.site, processors: context.processors)
                let problems = checker.problems(in: checker.recheck(after: context.pageMemo))
                if let first = problems.first {
                    throw PageError(path: first.page, underlying: LinkProblemList(problems: problems))
                }
            },
        ]
    }

    /// Runs every step in order, reporting `[i/N] name`; a failure is wrapped with its step and file. An
    /// in-memory site is copied first, so `context` can be built again.
    public func build(_ context: BuildContext, progress: BuildProgress? = nil) throws -> Site {
        var context = context
        context.site = context.site.copy()
        context.diagrams = context.diagrams.copy()
        defer { SiteBuilder.abandon(&context) }
        for (index, step) in steps.enumerated() {
            progress?.step(index + 1, of: steps.count, step.name)
            try SiteBuilder.run(step, on: &context)
        }
        return try SiteBuilder.finish(&context)
    }

    /// Runs one step on `context`: a failure is wrapped with the step and, when known, the file it was making
    /// (a `BuildError`), except a file that cannot be written, which stops the build with its `SiteWriteError`.
    public static func run(_ step: BuildStep, on context: inout BuildContext) throws {
        do {
            try step.run(&context)
        } catch let error as BuildError {
            throw error
        } catch let error as SiteWriteError {
            throw error
        } catch let error as PageError {
            if let writeError = error.underlying as? SiteWriteError { throw writeError }
            throw BuildError(step: step.name, path: error.path, underlying: error.underlying)
        } catch {
            throw BuildError(step: step.name, underlying: error)
        }
    }

    /// The site, once every step has run: the pages the drawing started that no step waited for are written
    /// first, and a failure among them names its kind's step.
    public static func finish(_ context: inout BuildContext) throws -> Site {
        if let failed = context.pagesBesideDrawing?.finish() {
            context.pagesBesideDrawing = nil
            throw failed.stepError
        }
        context.pagesBesideDrawing = nil
        return context.site
    }

    /// Stops the pages the drawing started, when a step failed; does nothing once the build is finished.
    public static func abandon(_ context: inout BuildContext) {
        context.pagesBesideDrawing?.cancel()
        context.pagesBesideDrawing = nil
    }
}

extension BuildContext {
    /// Renders the pages of `kinds` and adds them to the site (see `write`), and returns the first page in list
    /// order that failed, with its kind.
    func firstFailure(writing kinds: [ListedPages]) -> FailedPage? {
        let results = write(kinds.flatMap(\.pages))
        var failures: [Int: PageError] = [:]
        if let index = results.firstIndex(where: { $0 != nil }) { failures[index] = results[index] }
        return FailedPage.first(of: failures, in: kinds)
    }

    /// Renders pages and adds them to the site on `processors` threads, and returns each page's failure, in
    /// order. A page whose inputs the memo has seen is taken from the previous site instead, when its bytes
    /// there are the ones recorded. Each thread holds one page at a time.
    func write(_ pages: [Page]) -> [PageError?] {
        ParallelResults<PageError?>(count: pages.count, processors: processors) { failure(writing: pages[$0]) }.values
    }

    /// Adds a page (see `add`), and gives its failure, naming it, when it could not be made or written.
    func failure(writing page: Page) -> PageError? {
        do {
            try add(page)
            return nil
        } catch {
            return PageError(path: page.path, underlying: error)
        }
    }

    /// Renders a page, or takes it from the previous site when the memo knows its inputs, and adds it.
    func add(_ page: Page) throws {
        switch try make(page, memo: pageMemo) {
        case .rendered(let data, let entry):
            try site.add(data, at: page.path)
            if let entry { pageMemo?.record(entry, at: page.path) }
        case .unchanged(let entry):
            if try site.addPrevious(at: page.path, digest: entry.output) {
                pageMemo?.record(entry, at: page.path)
            } else if case .rendered(let data, _) = try make(page, memo: nil) {
                try site.add(data, at: page.path)
            }
        }
    }

    private enum PageOutput {
        /// Bytes made now, with their memo entry when the memo could read the page's values.
        case rendered(Data, entry: PageMemo.Entry?)
        /// The same inputs as the last build's page at this path.
        case unchanged(PageMemo.Entry)
    }

    /// The page's bytes, or, when `memo` knows its inputs from the last build, that entry instead.
    private func make(_ page: Page, memo: PageMemo?) throws -> PageOutput {
        let name: String
        let values: Any
        switch page.content {
        case .bytes(let data): return .rendered(data, entry: nil)
        case .deferredBytes(let makeBytes): return .rendered(try makeBytes(), entry: nil)
        case let .template(template, context): (name, values) = (template, context)
        case let .deferred(template, makeContext): (name, values) = (template, makeContext())
        }
        let inputs = memo?.inputs(template: name, context: values)
        if let inputs, let entry = memo?.previousEntry(at: page.path, inputs: inputs) { return .unchanged(entry) }
        let data = Data(try templates.render(name, values).utf8)
        return .rendered(data, entry: inputs.map { PageMemo.Entry(inputs: $0, output: PageMemo.outputDigest(data)) })
    }
}

/// Every dangling link found, for a build error message.
struct LinkProblemList: Error, CustomStringConvertible {
    var problems: [LinkProblem]
    var description: String {
        "\(problems.count) link(s) point nowhere: " + problems.prefix(5).map(\.description).joined(separator: "; ")
    }
}
