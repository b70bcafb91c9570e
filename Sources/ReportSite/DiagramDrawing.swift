import DOT
import Foundation
import GraphvizRendering
import ParallelWork
import SiteLayout
import Synchronization

/// Renders a plan's diagrams (through the render cache), writes every format under `diagrams/`, and hands the
/// pages the finished SVG to inline.
public struct DiagramDrawing: Sendable {
    /// Renders a batch of jobs, reporting (done, total, id) as it goes: a `Renderer`'s pool, or in-process in tests.
    public typealias RenderBatch = @Sendable ([RenderJob], (@Sendable (Int, Int, String) -> Void)?) -> [Result<RenderedDiagram, RenderFailure>]

    /// Every format a view or timeline diagram is written in, in the order offered for download.
    public static let formats: [OutputFormat] = [.svg, .png, .pdf, .dot]
    /// The formats of actor focus diagrams unless `relmap build --focus-formats` says otherwise: their PNG and PDF
    /// cost more than everything else in a large build.
    public static let defaultFocusFormats: [OutputFormat] = [.svg, .dot]
    /// Above this many actors a diagram gets no PNG or PDF: the canvas would be huge, and the SVG scales.
    public static let largeDiagramActors = 300

    public var render: RenderBatch
    public var cache: RenderCache?
    /// Diagrams finished by earlier builds of this process, taken instead of the cache's when planned alike.
    public var finished: FinishedDiagrams?
    /// Where warnings go (Graphviz's messages, fallbacks).
    public var warn: @Sendable (String) -> Void
    /// The formats written for actor focus diagrams.
    public var focusFormats: [OutputFormat]
    /// How many threads read the cache and fill in tooltips at once; `relmap build --jobs`.
    public var processors: Int

    public init(cache: RenderCache?, focusFormats: [OutputFormat] = DiagramDrawing.defaultFocusFormats,
                processors: Int = ProcessInfo.processInfo.activeProcessorCount,
                warn: @escaping @Sendable (String) -> Void = { _ in }, render: @escaping RenderBatch) {
        self.render = render
        self.cache = cache
        self.warn = warn
        self.focusFormats = focusFormats
        self.processors = processors
    }

    /// The formats to render `diagram` in: the focus formats for actor diagrams, every format otherwise, and
    /// neither PNG nor PDF for a diagram of more than `largeDiagramActors` actors or one planned vector-only.
    func formats(for diagram: PlannedDiagram, isFocus: Bool) -> [OutputFormat] {
        let wanted = isFocus ? focusFormats : DiagramDrawing.formats
        let vectorOnly = DiagramDrawing.isLarge(diagram) || diagram.isVectorOnly
        return DiagramDrawing.formats.filter { format in
            wanted.contains(format) && !(vectorOnly && (format == .png || format == .pdf))
        }
    }

    static func isLarge(_ diagram: PlannedDiagram) -> Bool {
        isLarge(actorCount: diagram.actorIDs.count)
    }

    /// Whether a diagram of `actorCount` actors is large: more than `largeDiagramActors`.
    static func isLarge(actorCount: Int) -> Bool {
        actorCount > largeDiagramActors
    }

    /// How many diagrams are rendered between two hand-overs to the site, at most: a batch's files are all that
    /// is held in memory at once.
    static let batchSize = 32
    /// A batch closes once its DOT reaches this many bytes, so a batch of large maps stays small.
    static let batchBytes = 16 << 20

    /// How many batches of small diagrams are read from the cache and queued for Graphviz while the oldest one
    /// is finished: Graphviz draws a batch of focus diagrams faster than their files are written. Batches of
    /// more than `batchBytes` of DOT together are not queued, so large maps are held one batch at a time.
    static let batchesAhead = 3

    /// The diagrams cut into batches of at most `batchSize` diagrams and about `batchBytes` of DOT each, in order.
    static func batches(_ diagrams: [PlannedDiagram]) -> [[PlannedDiagram]] {
        var batches: [[PlannedDiagram]] = []
        var current: [PlannedDiagram] = []
        var bytes = 0
        for diagram in diagrams {
            current.append(diagram)
            bytes += diagram.dot.utf8.count
            if current.count == batchSize || bytes >= batchBytes {
                batches.append(current)
                current = []
                bytes = 0
            }
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }

    /// The build step that draws `plan` into the context. The pages of `startingPages` (by default the kinds
    /// that start before drawing) are listed first and each written, beside the drawing, once its diagrams are
    /// drawn; the step that writes the other pages waits for them. The step owns the plan and lets each batch's
    /// DOT and tooltips go once the batch is drawn, so it runs once.
    public func step(_ plan: consuming DiagramPlan, startingPages: [PageGenerator] = PageGenerator.all.filter(\.startsBeforeDrawing),
                     progress: BuildProgress? = nil) -> BuildStep {
        let diagrams = plan.all
        let handedOver = HandedOverPlan(plan, diagrams: diagrams)
        return BuildStep("Draw \(counted(diagrams.count, "diagram"))") { context in
            var (plan, diagrams) = try handedOver.take()
            context.views = plan.views.map(\.entry)
            context.overviewDiagram = plan.overview
            context.yearDiagrams = plan.years.mapValues(\.id)
            context.yearMapDiagrams = plan.yearMaps.mapValues { $0.map(\.id) }
            context.actorDiagrams = plan.actors.mapValues(\.id)
            let focusIDs = Set(plan.actors.values.map(\.id))
            // From here the diagrams are all that is kept of the plan, and `draw` lets them go batch by batch.
            plan = DiagramPlan()
            let pages = try PagesBesideDrawing(startingPages, context: context)
            context.pagesBesideDrawing = pages
            let site = context.site
            do {
                try draw(consume diagrams, focusIDs: focusIDs, progress: progress,
                         memo: context.diagramMemo.map { LastDrawing(memo: $0, site: site) },
                         write: { planned, drawn in
                    try site.addFiles(of: drawn, for: planned)
                }, deliver: { planned, drawn in
                    context.add(planned, drawn)
                    pages.drawn(planned.id)
                })
            } catch {
                pages.cancel()
                throw error
            }
        }
    }

    /// Renders every diagram, from the cache when it holds the same DOT, engine and formats, in `batches`,
    /// largest DOT first (so the long layouts start early and a batch's jobs take about as long as
    /// each other), handing each drawn diagram to `deliver` as its batch finishes. Diagrams that cannot be
    /// drawn are reported together at the end. A diagram `memo` knows from the last build is taken from its
    /// site instead, and every diagram finished is noted in it. `write` gets each drawn diagram on the drawing
    /// threads, to write its files; `deliver` gets them in turn, in the batch's order. What Graphviz drew is stored in the cache
    /// on the batch's own thread while Graphviz draws the next, and, while it draws the batches queued
    /// (`batchesAhead`), the oldest is finished and written, so the workers do not wait for this process.
    func draw(_ diagrams: consuming [PlannedDiagram], focusIDs: Set<String> = [], progress: BuildProgress?, memo: LastDrawing? = nil,
              write: @escaping @Sendable (PlannedDiagram, DrawnDiagram) throws -> Void = { _, _ in },
              deliver: (PlannedDiagram, DrawnDiagram) throws -> Void) throws {
        // Each batch is taken out of the list as it starts, so a diagram's DOT and tooltips go once it is drawn:
        // on a large model the plan is hundreds of megabytes.
        var batches = DiagramDrawing.batches(diagrams.sorted { ($0.dot.utf8.count, $1.id) > ($1.dot.utf8.count, $0.id) })
        _ = consume diagrams
        let total = batches.reduce(0) { $0 + $1.count }
        var failures: [RenderFailure] = []
        let cacheHealth = CacheHealth()
        var finishedBefore = 0
        var inProgress: [BatchInProgress] = []
        defer { inProgress.forEach { $0.rendering?.wait() } }
        for index in batches.indices {
            let batch = batches[index]
            batches[index] = []
            let jobs = batch.map { DiagramDrawing.job(for: $0, formats: formats(for: $0, isFocus: focusIDs.contains($0.id))) }
            // A diagram the cache holds is finished on the thread that read it, without waiting for the batch.
            let drawn = ParallelResults<Result<DrawnDiagram, Error>?>(count: jobs.count, processors: processors) { [finished] index in
                if let kept = finished?.drawn(for: batch[index], job: jobs[index]) {
                    return Result {
                        try write(batch[index], kept)
                        memo?.memo.record(kept, of: batch[index], job: jobs[index])
                        return kept
                    }
                }
                if let memo {
                    do {
                        if let linked = try memo.memo.linkLast(batch[index], job: jobs[index], into: memo.site) { return .success(linked) }
                    } catch {
                        return .failure(error)
                    }
                }
                return cache?.cached(jobs[index]).map {
                    DiagramDrawing.finish($0, of: batch[index], job: jobs[index], keepingIn: finished, memo: memo?.memo, write: write)
                }
            }.values
            let missing = drawn.indices.filter { drawn[$0] == nil }
            var current = BatchInProgress(batch: batch, jobs: jobs, drawn: drawn, missing: missing)
            if !missing.isEmpty {
                let done = finishedBefore + batch.count - missing.count
                let earlier = inProgress.last { $0.rendering != nil }?.rendering
                current.rendering = RenderingInBackground(after: earlier, render: { [render] in
                    render(missing.map { jobs[$0] }) { rendered, _, _ in
                        progress?.detail(done: done + rendered, total: total)
                    }
                }, store: { [cache, cacheHealth] results in
                    guard let cache else { return }
                    for (index, result) in zip(missing, results) {
                        guard case .success(let diagram) = result, cacheHealth.works else { continue }
                        do {
                            try cache.store(diagram, for: jobs[index])
                        } catch {
                            cacheHealth.works = false
                        }
                    }
                })
            }
            finishedBefore += batch.count
            inProgress.append(current)
            // The oldest batch is finished now when enough are queued, when nothing of it is being drawn, or
            // when the queue holds a batch's worth of DOT (large maps, whose files are large too).
            while let oldest = inProgress.first, inProgress.count > DiagramDrawing.batchesAhead || oldest.rendering == nil
                    || inProgress.reduce(0, { $0 + $1.dotBytes }) > DiagramDrawing.batchBytes {
                try complete(inProgress.removeFirst(), failures: &failures, memo: memo?.memo, write: write, deliver: deliver)
            }
        }
        while !inProgress.isEmpty {
            try complete(inProgress.removeFirst(), failures: &failures, memo: memo?.memo, write: write, deliver: deliver)
        }
        if !cacheHealth.works, let cache {
            warn("warning: cannot write the render cache in \(cache.directory); the next build will render again")
        }
        if !failures.isEmpty {
            throw DiagramFailure(failures: failures.sorted { $0.id < $1.id })
        }
    }

    /// Waits for a batch's rendering and its storing in the cache, finishes and writes the diagrams Graphviz
    /// drew, and delivers the whole batch in order.
    private func complete(_ batch: BatchInProgress, failures: inout [RenderFailure], memo: DiagramMemo?,
                          write: @escaping @Sendable (PlannedDiagram, DrawnDiagram) throws -> Void,
                          deliver: (PlannedDiagram, DrawnDiagram) throws -> Void) throws {
        var drawn = batch.drawn
        if let rendered = batch.rendering?.waitUntilStored() {
            var renderedByIndex: [Int: RenderedDiagram] = [:]
            for (index, result) in zip(batch.missing, rendered) {
                switch result {
                case .success(let diagram): renderedByIndex[index] = diagram
                case .failure(let failure): failures.append(failure)
                }
            }
            let results = renderedByIndex
            let finished = ParallelResults<Result<DrawnDiagram, Error>?>(count: batch.missing.count, processors: processors) { [kept = self.finished] position in
                let index = batch.missing[position]
                return results[index].map {
                    DiagramDrawing.finish($0, of: batch.batch[index], job: batch.jobs[index], keepingIn: kept, memo: memo, write: write)
                }
            }.values
            for (index, result) in zip(batch.missing, finished) { drawn[index] = result }
        }
        for (planned, result) in zip(batch.batch, drawn) {
            guard let result = try result?.get() else { continue }
            result.files.warnings.forEach { warn("warning: diagram \(result.files.id): \($0)") }
            try deliver(planned, result)
        }
    }

    /// A drawn diagram with its files written, or its failure to write; kept in `finished` for later builds of
    /// this process and noted in `memo` for the next build.
    private static func finish(_ rendered: RenderedDiagram, of planned: PlannedDiagram, job: RenderJob, keepingIn finished: FinishedDiagrams?,
                               memo: DiagramMemo?, write: @Sendable (PlannedDiagram, DrawnDiagram) throws -> Void) -> Result<DrawnDiagram, Error> {
        Result {
            let drawn = DrawnDiagram(rendered, of: planned)
            try write(planned, drawn)
            finished?.keep(drawn, for: planned, job: job)
            memo?.record(drawn, of: planned, job: job)
            return drawn
        }
    }

    static func job(for diagram: PlannedDiagram, formats: [OutputFormat]) -> RenderJob {
        var job = RenderJob(id: diagram.id, dot: diagram.dot, engine: diagram.engine, formats: formats,
                            fallbackEngine: diagram.fallbackEngine)
        job.startsFromGivenPositions = diagram.startsFromGivenPositions
        return job
    }
}

/// A diagram as the site gets it: Graphviz drew the DOT with tooltip placeholders, and its SVG and DOT files
/// carry the tooltips, the SVG finished as a standalone file (title, description, prefixed ids); with the
/// digest of each file, the SVG's being what pages take for the picture. Made on the drawing step's threads.
struct DrawnDiagram {
    /// The finished files, or, for a diagram whose files were taken from the last site, none (`digests` names
    /// the formats), with Graphviz's warnings and the engine either way.
    var files: RenderedDiagram
    /// The SHA-256 of each file written, by format.
    var digests: [OutputFormat: String]

    var svgDigest: String? { digests[.svg] }
    /// The formats the diagram's files are in.
    var formats: Set<OutputFormat> { Set(digests.keys) }

    init(_ rendered: RenderedDiagram, of planned: PlannedDiagram) {
        files = rendered.titled(planned.title)
        if let svg = rendered.outputs[.svg] {
            // The file opened on its own says what it shows, as the copy a page inlines does.
            files.outputs[.svg] = Data(SVGFinisher.standalone(planned.placeholders.filling(svg: [UInt8](svg)), title: planned.title,
                                                              description: planned.caption, idPrefix: "\(planned.id)-",
                                                              prefixingIDs: !planned.hasOwnIDs))
        }
        if rendered.outputs[.dot] != nil {
            files.outputs[.dot] = Data(planned.placeholders.filledDOT.utf8)
        }
        digests = files.outputs.mapValues(PageMemo.outputDigest)
    }

    /// A diagram whose files, with these digests, are already in the site.
    init(linked digests: [OutputFormat: String], id: String, warnings: [String], engine: LayoutEngine) {
        files = RenderedDiagram(id: id, outputs: [:], warnings: warnings, engineUsed: engine, usedFallback: false)
        self.digests = digests
    }
}

/// The plan a drawing step owns until it runs, with its diagrams listed once (`DiagramPlan.all`).
private final class HandedOverPlan: Sendable {
    private let held: Mutex<(plan: DiagramPlan, diagrams: [PlannedDiagram])?>

    init(_ plan: consuming DiagramPlan, diagrams: [PlannedDiagram]) {
        held = Mutex((plan, diagrams))
    }

    func take() throws -> (plan: DiagramPlan, diagrams: [PlannedDiagram]) {
        guard let held = held.withLock({ $0.take() }) else { throw DrawingStepRanTwice() }
        return held
    }
}

/// A drawing step was run a second time, after it had let its plan go.
struct DrawingStepRanTwice: Error, CustomStringConvertible {
    var description: String { "the drawing step ran twice" }
}

/// What a build takes diagrams from instead of the render cache: the last build's memo, and the site its
/// files are linked into.
struct LastDrawing: Sendable {
    var memo: DiagramMemo
    var site: Site
}

/// Diagrams Graphviz could not draw, even with the fallback engine.
public struct DiagramFailure: Error, CustomStringConvertible {
    public var failures: [RenderFailure]
    public var description: String {
        "\(failures.count) diagram(s) could not be drawn: " + failures.map(\.description).joined(separator: "; ")
    }
}

extension Site {
    /// Adds a drawn diagram's files, in every format it was drawn in.
    func addFiles(of drawn: DrawnDiagram, for planned: PlannedDiagram) throws {
        for format in DiagramDrawing.formats {
            guard let data = drawn.files.outputs[format] else { continue }
            try add(data, at: SitePath.diagram(planned.id, extension: format.fileExtension))
        }
    }
}

extension BuildContext {
    /// Records what the pages say about a drawn diagram whose files are written; pages read its SVG back.
    func add(_ planned: PlannedDiagram, _ drawn: DrawnDiagram) {
        let rendered = drawn.files
        let formats = DiagramDrawing.formats.filter(drawn.formats.contains).map(\.fileExtension)
        var notes: [String] = []
        if rendered.usedFallback {
            notes.append("Laid out with \(rendered.engineUsed.rawValue): the \(planned.engine.rawValue) layout failed or ran past its time limit.")
        }
        if planned.isVectorOnly, !DiagramDrawing.isLarge(planned) {
            notes.append("No PNG or PDF, and shown as an image: in a network of more than \(DiagramDrawing.largeDiagramActors) actors the yearly maps are drawn as SVG only; relmap render with --as-of and --format png,pdf draws one for slides.")
        }
        if DiagramDrawing.isLarge(planned) {
            let formats = rendered.outputs[.png] == nil ? "No PNG or PDF, and shown" : "Shown"
            notes.append("\(formats) as an image: the diagram has more than \(DiagramDrawing.largeDiagramActors) actors; the SVG scales to any size and keeps its links when opened on its own.")
        } else if !planned.isVectorOnly, !drawn.formats.contains(.png), !drawn.formats.contains(.pdf) {
            notes.append("No PNG or PDF: actors' diagrams are drawn as SVG and DOT unless relmap build is given --focus-formats svg,png,pdf,dot.")
        }
        let note = notes.isEmpty ? nil : notes.joined(separator: " ")
        var diagram = SiteDiagram(id: planned.id, title: planned.title, caption: planned.caption,
                                  legend: planned.legend, relationIDs: planned.relationIDs, actorIDs: planned.actorIDs,
                                  truncatedCount: planned.truncatedCount, formats: formats,
                                  formatNote: note, svgDigest: drawn.svgDigest)
        diagram.isShownAsImage = planned.isVectorOnly
        diagrams[planned.id] = diagram
    }
}

/// A batch between reading the cache and delivering: what the cache held, finished, and Graphviz's work on
/// the rest, under way.
private struct BatchInProgress {
    var batch: [PlannedDiagram]
    var jobs: [RenderJob]
    var drawn: [Result<DrawnDiagram, Error>?]
    var missing: [Int]
    var rendering: RenderingInBackground?

    var dotBytes: Int { batch.reduce(0) { $0 + $1.dot.utf8.count } }
}

/// A render batch running on a thread of its own, after the one before it (batches are drawn one at a time,
/// in order), then storing what was drawn, while the next batch is drawn. It lets go of the batch before it
/// once that one is drawn, and of its drawings once they are taken, so a build holds the drawings of the
/// batches in flight only.
private final class RenderingInBackground: Sendable {
    private let running = DispatchGroup()
    private let storing = DispatchGroup()
    private let results = Mutex<[Result<RenderedDiagram, RenderFailure>]>([])

    private let earlier: Mutex<RenderingInBackground?>
    private let render: @Sendable () -> [Result<RenderedDiagram, RenderFailure>]
    private let store: @Sendable ([Result<RenderedDiagram, RenderFailure>]) -> Void

    init(after earlier: RenderingInBackground?, render: @escaping @Sendable () -> [Result<RenderedDiagram, RenderFailure>],
         store: @escaping @Sendable ([Result<RenderedDiagram, RenderFailure>]) -> Void) {
        self.earlier = Mutex(earlier)
        self.render = render
        self.store = store
        running.enter()
        storing.enter()
        do {
            try Scheduler.start { [self] in run() }
        } catch {
            // No thread to spare: the batch is drawn now, on the caller's.
            run()
        }
    }

    private func run() {
        earlier.withLock { $0.take() }?.running.wait()
        let drawn = render()
        results.withLock { $0 = drawn }
        running.leave()
        store(drawn)
        storing.leave()
    }

    /// Waits until the rendering and the storing have finished.
    func wait() {
        running.wait()
        storing.wait()
    }

    /// The results, once they are drawn and stored; asked for once.
    func waitUntilStored() -> [Result<RenderedDiagram, RenderFailure>] {
        wait()
        return results.withLock { results in
            defer { results = [] }
            return results
        }
    }
}

/// Whether the render cache could be written so far; once it could not, no more is stored.
private final class CacheHealth: Sendable {
    private let working = Mutex(true)

    var works: Bool {
        get { working.withLock { $0 } }
        set { working.withLock { $0 = newValue } }
    }
}
