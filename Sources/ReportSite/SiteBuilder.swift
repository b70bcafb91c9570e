import Foundation

/// Runs a build as a pipeline of named steps over one context and returns the finished site (in memory, or
/// staged on disk when the context's site is staged). A file that cannot be written stops the build with its
/// `SiteWriteError`, unwrapped.
public struct SiteBuilder {
    public var steps: [BuildStep]

    public init(steps: [BuildStep]) {
        self.steps = steps
    }

    /// The steps that turn a context with its diagrams into pages: one per page kind, the assets, and a final
    /// check that every link resolves.
    public static var pageSteps: [BuildStep] {
        PageGenerator.all.map { generator in
            BuildStep("Write \(generator.name)") { context in
                try context.write(try generator.pages(context))
            }
        } + [
            BuildStep("Copy stylesheet and script") { context in
                for name in context.templates.assets.keys.sorted() {
                    try context.site.add(context.templates.assets[name]!, at: "assets/\(name)")
                }
            },
            BuildStep("Check links") { context in
                let problems = LinkChecker(site: context.site, processors: context.processors).problems()
                if let first = problems.first {
                    throw PageError(path: first.page, underlying: LinkProblemList(problems: problems))
                }
            },
        ]
    }

    /// Runs every step in order, reporting `[i/N] name`; a failure is wrapped with its step and file.
    public func build(_ context: BuildContext, progress: BuildProgress? = nil) throws -> Site {
        var context = context
        for (index, step) in steps.enumerated() {
            progress?.step(index + 1, of: steps.count, step.name)
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
        return context.site
    }
}

extension BuildContext {
    /// How many pages are rendered together, on `processors` threads, before they are added to the site in order.
    static let pageBatchSize = 64

    /// Renders pages and adds them to the site, naming the page in any error: a batch at a time, each batch
    /// rendered in parallel, so only one batch of rendered pages is held at once.
    mutating func write(_ pages: [Page]) throws {
        for start in stride(from: 0, to: pages.count, by: BuildContext.pageBatchSize) {
            let batch = Array(pages[start..<min(start + BuildContext.pageBatchSize, pages.count)])
            let templates = self.templates
            let rendered = ParallelResults<Result<Data, Error>>(count: batch.count, processors: processors) { index in
                Result {
                    switch batch[index].content {
                    case let .template(name, context): return Data(try templates.render(name, context).utf8)
                    case let .deferred(name, makeContext): return Data(try templates.render(name, makeContext()).utf8)
                    case let .bytes(data): return data
                    }
                }
            }
            for (page, result) in zip(batch, rendered.values) {
                do {
                    try site.add(try result.get(), at: page.path)
                } catch {
                    throw PageError(path: page.path, underlying: error)
                }
            }
        }
    }
}

/// Every dangling link found, for a build error message.
struct LinkProblemList: Error, CustomStringConvertible {
    var problems: [LinkProblem]
    var description: String {
        "\(problems.count) link(s) point nowhere: " + problems.prefix(5).map(\.description).joined(separator: "; ")
    }
}
