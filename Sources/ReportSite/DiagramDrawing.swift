import DOT
import Foundation
import GraphvizRendering
import ParallelWork

/// Renders a plan's diagrams (through the render cache), writes every format under `diagrams/`, and hands the
/// pages the finished SVG to inline.
public struct DiagramDrawing {
    /// Renders a batch of jobs, reporting (done, total, id) as it goes: a `Renderer`'s pool, or in-process in tests.
    public typealias RenderBatch = ([RenderJob], ((Int, Int, String) -> Void)?) -> [Result<RenderedDiagram, RenderFailure>]

    /// Every format a view or timeline diagram is written in, in the order offered for download.
    public static let formats: [OutputFormat] = [.svg, .png, .pdf, .dot]
    /// The formats of actor focus diagrams unless `relmap build --focus-formats` says otherwise: their PNG and PDF
    /// cost more than everything else in a large build.
    public static let defaultFocusFormats: [OutputFormat] = [.svg, .dot]
    /// Above this many actors a diagram gets no PNG or PDF: the canvas would be huge, and the SVG scales.
    public static let largeDiagramActors = 300

    public var render: RenderBatch
    public var cache: RenderCache?
    /// Where warnings go (Graphviz's messages, fallbacks).
    public var warn: (String) -> Void
    /// The formats written for actor focus diagrams.
    public var focusFormats: [OutputFormat]
    /// How many threads read the cache and fill in tooltips at once; `relmap build --jobs`.
    public var processors: Int

    public init(cache: RenderCache?, focusFormats: [OutputFormat] = DiagramDrawing.defaultFocusFormats,
                processors: Int = ProcessInfo.processInfo.activeProcessorCount,
                warn: @escaping (String) -> Void = { _ in }, render: @escaping RenderBatch) {
        self.render = render
        self.cache = cache
        self.warn = warn
        self.focusFormats = focusFormats
        self.processors = processors
    }

    /// The formats to render `diagram` in: the focus formats for actor diagrams, every format otherwise, and
    /// neither PNG nor PDF for a diagram of more than `largeDiagramActors` actors.
    func formats(for diagram: PlannedDiagram, isFocus: Bool) -> [OutputFormat] {
        let wanted = isFocus ? focusFormats : DiagramDrawing.formats
        return DiagramDrawing.formats.filter { format in
            wanted.contains(format) && !(DiagramDrawing.isLarge(diagram) && (format == .png || format == .pdf))
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

    /// The build step that draws `plan` into the context.
    public func step(_ plan: DiagramPlan, progress: BuildProgress? = nil) -> BuildStep {
        let diagrams = plan.all
        return BuildStep("Draw \(diagrams.count) diagrams") { context in
            let focusIDs = Set(plan.actors.values.map(\.id))
            let site = context.site
            try draw(diagrams, focusIDs: focusIDs, progress: progress, write: { planned, drawn in
                try site.addFiles(of: drawn, for: planned)
            }, deliver: { planned, drawn in
                context.add(planned, drawn)
            })
            context.views = plan.views.map(\.entry)
            context.overviewDiagram = plan.overview
            context.yearDiagrams = plan.years.mapValues(\.id)
            context.actorDiagrams = plan.actors.mapValues(\.id)
        }
    }

    /// Renders every diagram, from the cache when it holds the same DOT, engine and formats, in `batches`,
    /// largest DOT first (so the long layouts start early and a batch's jobs take about as long as
    /// each other), handing each drawn diagram to `deliver` as its batch finishes. Diagrams that cannot be
    /// drawn are reported together at the end. `write` gets each drawn diagram on the drawing threads, to write
    /// its files; `deliver` gets them in turn, in the batch's order.
    func draw(_ diagrams: [PlannedDiagram], focusIDs: Set<String> = [], progress: BuildProgress?,
              write: (PlannedDiagram, DrawnDiagram) throws -> Void = { _, _ in },
              deliver: (PlannedDiagram, DrawnDiagram) throws -> Void) throws {
        let ordered = diagrams.sorted { ($0.dot.utf8.count, $1.id) > ($1.dot.utf8.count, $0.id) }
        var failures: [RenderFailure] = []
        var cacheWorks = true
        var finishedBefore = 0
        for batch in DiagramDrawing.batches(ordered) {
            let jobs = try batch.map { try DiagramDrawing.job(for: $0, formats: formats(for: $0, isFocus: focusIDs.contains($0.id))) }
            // A drawn diagram with its files written, or its failure to write.
            func finish(_ rendered: RenderedDiagram, _ index: Int) -> Result<DrawnDiagram, Error> {
                Result {
                    let drawn = DrawnDiagram(rendered, of: batch[index])
                    try write(batch[index], drawn)
                    return drawn
                }
            }
            // A diagram the cache holds is finished on the thread that read it, without waiting for the batch.
            var drawn = ParallelResults<Result<DrawnDiagram, Error>?>(count: jobs.count, processors: processors) { index in
                cache?.cached(jobs[index]).map { finish($0, index) }
            }.values
            let missing = drawn.indices.filter { drawn[$0] == nil }
            let cached = batch.count - missing.count
            if !missing.isEmpty {
                var results: [Int: RenderedDiagram] = [:]
                let rendered = render(missing.map { jobs[$0] }) { done, _, _ in
                    progress?.detail(done: finishedBefore + cached + done, total: ordered.count)
                }
                for (index, result) in zip(missing, rendered) {
                    switch result {
                    case .success(let diagram):
                        results[index] = diagram
                        guard cacheWorks, let cache else { continue }
                        do {
                            try cache.store(diagram, for: jobs[index])
                        } catch {
                            cacheWorks = false
                            warn("warning: cannot write the render cache in \(cache.directory); the next build will render again")
                        }
                    case .failure(let failure):
                        failures.append(failure)
                    }
                }
                let finished = ParallelResults<Result<DrawnDiagram, Error>?>(count: missing.count, processors: processors) { position in
                    results[missing[position]].map { finish($0, missing[position]) }
                }.values
                for (index, result) in zip(missing, finished) { drawn[index] = result }
            }
            for (planned, result) in zip(batch, drawn) {
                guard let result = try result?.get() else { continue }
                result.files.warnings.forEach { warn("warning: diagram \(result.files.id): \($0)") }
                try deliver(planned, result)
            }
            finishedBefore += batch.count
        }
        if !failures.isEmpty {
            throw DiagramFailure(failures: failures.sorted { $0.id < $1.id })
        }
    }

    static func job(for diagram: PlannedDiagram, formats: [OutputFormat]) throws -> RenderJob {
        guard let engine = LayoutEngine(rawValue: diagram.engine) else {
            throw DiagramFailure(failures: [RenderFailure(id: diagram.id, message: "unknown layout engine '\(diagram.engine)'")])
        }
        return RenderJob(id: diagram.id, dot: diagram.dot, engine: engine, formats: formats,
                         fallbackEngine: diagram.fallbackEngine.flatMap(LayoutEngine.init(rawValue:)))
    }
}

/// A diagram as the site gets it: Graphviz drew the DOT with tooltip placeholders, and its SVG and DOT files
/// carry the tooltips; with the digest of the SVG, which pages take for the picture. Made on the drawing
/// step's threads.
struct DrawnDiagram {
    var files: RenderedDiagram
    var svgDigest: String?

    init(_ rendered: RenderedDiagram, of planned: PlannedDiagram) {
        files = rendered
        if let svg = rendered.outputs[.svg] {
            files.outputs[.svg] = Data(planned.placeholders.filling(svg: [UInt8](svg)))
        }
        if rendered.outputs[.dot] != nil {
            files.outputs[.dot] = Data(planned.placeholders.filledDOT.utf8)
        }
        svgDigest = files.outputs[.svg].map(PageMemo.outputDigest)
    }
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
    mutating func add(_ planned: PlannedDiagram, _ drawn: DrawnDiagram) {
        let rendered = drawn.files
        let formats = DiagramDrawing.formats.filter { rendered.outputs[$0] != nil }.map(\.fileExtension)
        var notes: [String] = []
        if rendered.usedFallback {
            notes.append("Laid out with \(rendered.engineUsed.rawValue): the \(planned.engine) layout failed or ran past its time limit.")
        }
        if DiagramDrawing.isLarge(planned) {
            let formats = rendered.outputs[.png] == nil ? "No PNG or PDF, and shown" : "Shown"
            notes.append("\(formats) as an image: the diagram has more than \(DiagramDrawing.largeDiagramActors) actors; the SVG scales to any size and keeps its links when opened on its own.")
        }
        let note = notes.isEmpty ? nil : notes.joined(separator: " ")
        diagrams[planned.id] = SiteDiagram(id: planned.id, title: planned.title, caption: planned.caption,
                                           legend: planned.legend, relationIDs: planned.relationIDs, actorIDs: planned.actorIDs,
                                           truncatedCount: planned.truncatedCount, formats: formats,
                                           formatNote: note, svgDigest: drawn.svgDigest)
    }
}
