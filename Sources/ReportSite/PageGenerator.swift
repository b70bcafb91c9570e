import Foundation

/// One kind of page: a name for progress lines and a function from the build context to finished pages.
///
/// A new page kind is one file and its template: the file holds a `PageGenerator` value (named in
/// `PageGenerator.all`), the `Encodable` values its template reads and their lookups by name (see `PageContext`),
/// and the template goes in `templates/`. Where its pages live is added to `SitePath` when other pages link to them.
public struct PageGenerator: Sendable {
    public var name: String
    /// Whether the pages are listed before the diagrams are drawn and each written, beside the drawing, as soon
    /// as the diagrams it names (`Page.diagrams`) are: for a kind whose list needs no drawn diagram and whose
    /// pages read no diagram but those they name. Other kinds are listed once every diagram is drawn.
    public var startsBeforeDrawing: Bool
    /// The pages; a kind with many pages lists them with deferred contexts (as the actor pages do), so each
    /// context is made only when its page is rendered.
    public var pages: @Sendable (BuildContext) throws -> [Page]

    public init(_ name: String, startsBeforeDrawing: Bool = false, pages: @escaping @Sendable (BuildContext) throws -> [Page]) {
        self.name = name
        self.startsBeforeDrawing = startsBeforeDrawing
        self.pages = pages
    }

    /// Every page kind of the site, in the order their pages are started: the kinds whose pages are few and
    /// long (a view's table lists thousands of relations on a large model) ahead of the many short ones.
    public static let all: [PageGenerator] = [
        .views, .search, .index, .timeline, .conflicts, .actors, .sources,
    ]
}

/// One file of the site: where it goes and what it holds.
public struct Page: Sendable {
    public enum Content: Sendable {
        /// A Mustache template rendered with a context, which the page memo reads through `Encodable`.
        case template(String, context: any Encodable & Sendable)
        /// A Mustache template rendered with a context made only when the page is rendered, on any thread.
        case deferred(String, makeContext: @Sendable () -> any Encodable & Sendable)
        /// Bytes written as they are.
        case bytes(Data)
        /// Bytes made only when the page is written, on any thread.
        case deferredBytes(@Sendable () throws -> Data)
    }

    public var path: String
    public var content: Content
    /// The ids of the diagrams the page shows, which a page listed before drawing waits for.
    public var diagrams: [String] = []

    public init(path: String, template: String, context: any Encodable & Sendable) {
        self.path = path
        content = .template(template, context: context)
    }

    /// A page whose context is made when it is rendered, alongside other pages, rather than when it is listed.
    public init(path: String, template: String, makeContext: @escaping @Sendable () -> any Encodable & Sendable) {
        self.path = path
        content = .deferred(template, makeContext: makeContext)
    }

    /// A page made when it is rendered that shows `diagrams`.
    public init(path: String, template: String, diagrams: [String], makeContext: @escaping @Sendable () -> any Encodable & Sendable) {
        self.init(path: path, template: template, makeContext: makeContext)
        self.diagrams = diagrams
    }

    public init(path: String, bytes: Data) {
        self.path = path
        content = .bytes(bytes)
    }

    /// A file whose bytes are made when it is written, alongside other pages, rather than when it is listed.
    public init(path: String, makeBytes: @escaping @Sendable () throws -> Data) {
        self.path = path
        content = .deferredBytes(makeBytes)
    }
}

/// A page kind's pages as listed for one build.
struct ListedPages: Sendable {
    var generator: PageGenerator
    var pages: [Page]
}

/// A page that could not be made, with its kind, for the step's error.
struct FailedPage: Sendable {
    var generator: PageGenerator
    var error: PageError

    /// What the build throws for it: the file that could not be written, or the failure named for its kind's
    /// step ("Write actor pages").
    var stepError: Error {
        if let writeError = error.underlying as? SiteWriteError { return writeError }
        return BuildError(step: "Write \(generator.name)", path: error.path, underlying: error.underlying)
    }

    /// The first failure of `failures` (by index into the pages of `kinds`, in order), with its kind.
    static func first(of failures: [Int: PageError], in kinds: [ListedPages]) -> FailedPage? {
        guard let index = failures.keys.min() else { return nil }
        var start = 0
        for kind in kinds {
            if index < start + kind.pages.count { return FailedPage(generator: kind.generator, error: failures[index]!) }
            start += kind.pages.count
        }
        return nil
    }
}
