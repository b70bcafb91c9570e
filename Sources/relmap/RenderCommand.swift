import ArgumentParser
import DOT
import Foundation
import GraphvizRendering
import ParallelWork
import RelationModel
import Synchronization
import SystemIO
import Views

/// `relmap render`: writes views (or DOT files) as SVG, PNG and PDF files, rendered in-process by libgvc workers.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render views of the model, or DOT files, to SVG, PNG or PDF files.",
        discussion: """
        Views: \(ViewCatalog.viewIDs.joined(separator: ", ")). Each diagram is written as OUT/ID.FORMAT, where ID \
        is the view's id (with the year for --as-of, the actor for focus). Diagrams are rendered by worker \
        processes, so a diagram that crashes Graphviz is reported and the others are still written.
        """
    )

    @Argument(help: "The views to draw (none with --dot).", completion: Completions.views)
    var views: [String] = []

    @Option(help: "The model: a YAML file or a directory of YAML files.", completion: .file(extensions: ["yaml", "yml"]))
    var model = "model"

    @Option(help: "The actor a focus view centres on (its id).", completion: Completions.actors)
    var actor: String?

    @Option(name: .customLong("as-of"), help: "Only relations in force in this year.")
    var asOf: Int?

    @Option(name: .customLong("format"), parsing: .singleValue,
            help: "Output formats, comma-separated: svg, png (2×), pdf, dot.")
    var formatList: [String] = ["svg"]

    @Option(help: "The folder to write the diagrams into (created when missing).")
    var out = "diagrams"

    @Option(name: .customLong("dot"), parsing: .upToNextOption, help: "Render these DOT files instead of views.")
    var dotFiles: [String] = []

    @Option(parsing: .unconditional, help: "How many worker processes render at once (default: the number of processors).")
    var jobs: Int?

    @Flag(help: "Print a JSON line of timings to stderr when done (used by make bench).")
    var timings = false

    var formats: [OutputFormat] {
        get throws {
            try formatList.flatMap { $0.split(separator: ",") }.map { name in
                guard let format = OutputFormat(rawValue: String(name)) else {
                    throw ValidationError("unknown format '\(name)'; formats: svg, png, pdf, dot")
                }
                return format
            }
        }
    }

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        try AsOfYear.validate(asOf)
        if views.isEmpty == dotFiles.isEmpty { throw ValidationError("name views to draw, or DOT files with --dot, not both") }
        _ = try formats
    }

    func run() throws {
        try Interruption.install(command: "render")
        let started = Date()
        let formats = try formats
        var settings = RenderSettings()
        if let jobs { settings.workers = Processors.capped(jobs, command: "render") }
        // The workers start first, so they load Graphviz while the model or the DOT files are read.
        let renderer = Renderer(settings: settings)
        defer { renderer.shutdown() }
        let requests = dotFiles.isEmpty ? try viewRequests(formats: formats) : try dotFileRequests(formats: formats)
        // Files are written on a thread of their own as each diagram arrives, while the workers draw the next ones.
        let writing = SerialQueue()
        let writeFailure = Mutex<(any Error)?>(nil)
        let results = renderer.render(requests.map(\.job), deliver: { [self] index, result in
            guard case .success(let diagram) = result else { return }
            writing.add {
                guard writeFailure.withLock({ $0 == nil }) else { return }
                do {
                    try write(diagram, for: requests[index])
                } catch {
                    writeFailure.withLock { $0 = error }
                }
            }
        })
        writing.finish()
        if let failure = results.lazy.compactMap(\.failure).first(where: { $0.cause != .diagram }) {
            Terminal.error("relmap render: error: \(failure.message)")
            throw failure.cause == .noWorker ? SysExit.osError : SysExit.unavailable
        }
        var failures = 0
        for (request, result) in zip(requests, results) {
            switch result {
            case .success(let diagram):
                diagram.warnings.forEach { Terminal.write("\(request.job.id): warning: \($0)") }
            case .failure(let failure):
                failures += 1
                Terminal.error("\(failure.id): error: \(failure.message)")
            }
        }
        if let error = writeFailure.withLock({ $0 }) { throw error }
        if timings {
            let line = String(format: "{\"diagrams\": %d, \"wall_seconds\": %.4f, \"graphviz_seconds\": %.4f}",
                              requests.count, Date().timeIntervalSince(started), results.graphvizSeconds)
            Terminal.write(line)
        }
        if failures > 0 { throw SysExit.dataError }
    }

    /// A diagram to render and how to name and describe its files.
    struct Request {
        var job: RenderJob
        var name: String
        var title: String
        var description: String
        /// Whether the DOT gave every element an id under the diagram's own prefix (a view's), or ids are
        /// prefixed when the SVG is finished (a DOT file's).
        var hasOwnIDs = false
    }

    func viewRequests(formats: [OutputFormat]) throws -> [Request] {
        let model = try ModelOptions.load(path: model, printWarnings: false)
        if let actor, model.actor(actor) == nil {
            Terminal.error("no actor with id '\(actor)' in \(self.model)")
            throw SysExit.dataError
        }
        let options = ViewOptions(asOf: asOf, focusActor: actor)
        return try views.map { name in
            guard let view = ViewCatalog.view(named: name) else {
                Terminal.error("unknown view '\(name)'; views: \(ViewCatalog.viewIDs.joined(separator: ", "))")
                throw SysExit.usage
            }
            if name == ActorFocusView.id, actor == nil {
                Terminal.error("the focus view needs --actor ID")
                throw SysExit.usage
            }
            guard let diagram = ViewCatalog.diagram(view, of: model, options: options, links: LinkStyle()) else {
                Terminal.error("nothing to draw in the \(name) view\(asOf.map { " for \($0)" } ?? "")")
                throw SysExit.dataError
            }
            var job = RenderJob(id: diagram.id, dot: diagram.dot, engine: diagram.engine, formats: formats,
                                fallbackEngine: diagram.fallbackEngine)
            job.startsFromGivenPositions = diagram.startsFromGivenPositions
            return Request(job: job, name: diagram.id, title: diagram.title, description: diagram.caption, hasOwnIDs: true)
        }
    }

    func dotFileRequests(formats: [OutputFormat]) throws -> [Request] {
        try dotFiles.map { path in
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                Terminal.error("\(path): error: cannot read the DOT file")
                throw SysExit.noInput
            }
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            return Request(job: RenderJob(id: name, dot: text, engine: .dot, formats: formats), name: name,
                           title: name, description: "Rendered from \(path)")
        }
    }

    func write(_ diagram: RenderedDiagram, for request: Request) throws {
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            for (format, data) in diagram.titled(request.title).outputs.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                var bytes = data
                if format == .svg, let svg = String(data: data, encoding: .utf8) {
                    bytes = Data(SVGFinisher.finish(svg, title: request.title, description: request.description,
                                                    idPrefix: request.name + "-", prefixingIDs: !request.hasOwnIDs).utf8)
                }
                let destination = URL(fileURLWithPath: out).appendingPathComponent("\(request.name).\(format.fileExtension)")
                try AtomicFile.replace(destination.path, with: bytes)
            }
        } catch {
            let reason = (error as? SystemError)?.reason ?? error.localizedDescription
            Terminal.error("\(out): error: cannot write \(request.name): \(reason)")
            throw SysExit.ioError
        }
    }
}
