import DOT
import Foundation

/// The frames between the pool and `relmap render-worker`: a 4-byte big-endian length, then that many bytes.
///
/// Each frame's payload is a 4-byte length and that much header (see `FrameHeaderWriter`), then raw bytes the
/// header accounts for, so neither a job's DOT source nor a reply's drawings are escaped or parsed. A request's
/// header is its `RenderJob` without the DOT, which follows; a reply's is its `WorkerReply` without the files,
/// which follow in the order and sizes the header lists. The worker answers each request in turn and exits at
/// end of input.
enum WorkerFrame {
    /// Larger frames mean a broken peer, not a diagram.
    static let maximumLength = 1 << 30

    /// A job's frame: its header, then its DOT source.
    static func encode(_ job: RenderJob) throws -> Data {
        let dot = Data(job.dot.utf8)
        var header = FrameHeaderWriter()
        header.text(job.id)
        header.text(job.engine.rawValue)
        header.texts(job.formats.map(\.rawValue))
        header.optionalText(job.fallbackEngine?.rawValue)
        header.number(dot.count)
        return FramePayload.make(header: header, attached: [dot], lengthPrefixed: true)
    }

    /// The job in a frame's payload (the bytes after the frame's length).
    static func decodeJob(_ payload: Data) throws -> RenderJob {
        var (header, attached) = try FramePayload.split(payload)
        let id = try header.text()
        let engine = try header.value(LayoutEngine.self)
        let formats = try header.texts().map { name in
            guard let format = OutputFormat(rawValue: name) else { throw MalformedFrame() }
            return format
        }
        let fallbackEngine = try header.optionalText().map { name in
            guard let engine = LayoutEngine(rawValue: name) else { throw MalformedFrame() }
            return engine
        }
        let dotBytes = try header.number()
        guard header.isAtEnd, dotBytes == attached.count, let dot = String(data: attached, encoding: .utf8) else { throw MalformedFrame() }
        return RenderJob(id: id, dot: dot, engine: engine, formats: formats, fallbackEngine: fallbackEngine)
    }

    /// A reply's frame: its header, then its files' bytes.
    static func encode(_ reply: WorkerReply) throws -> Data {
        let files = reply.outputs.keys.sorted().map { (name: $0, data: reply.outputs[$0]!) }
        var header = FrameHeaderWriter()
        header.text(reply.id)
        header.files(files)
        header.texts(reply.warnings)
        header.text(reply.engineUsed.rawValue)
        header.flag(reply.usedFallback)
        header.optionalText(reply.failure)
        header.seconds(reply.graphvizSeconds)
        header.number(reply.residentMemoryMB)
        header.flag(reply.drawnByDegradedGraphviz)
        return FramePayload.make(header: header, attached: files.map(\.data), lengthPrefixed: true)
    }

    /// The reply in a frame's payload (the bytes after the frame's length).
    static func decodeReply(_ payload: Data) throws -> WorkerReply {
        var (header, attached) = try FramePayload.split(payload)
        var reply = WorkerReply(id: try header.text(), outputs: try header.files(in: attached, atMost: OutputFormat.allCases.count),
                                warnings: try header.texts(), engineUsed: try header.value(LayoutEngine.self),
                                usedFallback: try header.flag(), failure: try header.optionalText(),
                                graphvizSeconds: try header.seconds(), residentMemoryMB: try header.number())
        reply.drawnByDegradedGraphviz = try header.flag()
        guard header.isAtEnd else { throw MalformedFrame() }
        return reply
    }

    struct MalformedFrame: Error {}

    /// The payload length announced by a frame's first four bytes.
    static func length(of header: some Collection<UInt8>) -> Int {
        header.prefix(4).reduce(0) { $0 << 8 | Int($1) }
    }
}

/// A worker's answer to one job: the outputs, or why the job failed; plus the worker's memory use.
struct WorkerReply {
    var id: String
    /// The files, by format name; carried after the header, not in it.
    var outputs: [String: Data] = [:]
    var warnings: [String]
    var engineUsed: LayoutEngine
    var usedFallback: Bool
    var failure: String?
    var graphvizSeconds: Double
    /// The worker's resident memory after the job, so the pool can recycle workers that grew too large.
    var residentMemoryMB: Int
    /// See `RenderedDiagram.drawnByDegradedGraphviz`.
    var drawnByDegradedGraphviz = false

    init(id: String, outputs: [String: Data], warnings: [String], engineUsed: LayoutEngine, usedFallback: Bool, failure: String?,
         graphvizSeconds: Double, residentMemoryMB: Int) {
        self.id = id
        self.outputs = outputs
        self.warnings = warnings
        self.engineUsed = engineUsed
        self.usedFallback = usedFallback
        self.failure = failure
        self.graphvizSeconds = graphvizSeconds
        self.residentMemoryMB = residentMemoryMB
    }

    init(_ result: Result<RenderedDiagram, RenderFailure>, job: RenderJob, residentMemoryMB: Int) {
        id = job.id
        self.residentMemoryMB = residentMemoryMB
        switch result {
        case .success(let diagram):
            outputs = Dictionary(uniqueKeysWithValues: diagram.outputs.map { ($0.key.rawValue, $0.value) })
            warnings = diagram.warnings
            engineUsed = diagram.engineUsed
            usedFallback = diagram.usedFallback
            graphvizSeconds = diagram.graphvizSeconds
            drawnByDegradedGraphviz = diagram.drawnByDegradedGraphviz
            failure = nil
        case .failure(let error):
            outputs = [:]
            warnings = []
            engineUsed = job.engine
            usedFallback = false
            graphvizSeconds = 0
            failure = error.message
        }
    }

    var result: Result<RenderedDiagram, RenderFailure> {
        if let failure {
            return .failure(RenderFailure(id: id, message: failure))
        }
        var diagramOutputs: [OutputFormat: Data] = [:]
        for (name, data) in outputs {
            guard let format = OutputFormat(rawValue: name) else { continue }
            diagramOutputs[format] = data
        }
        var diagram = RenderedDiagram(id: id, outputs: diagramOutputs, warnings: warnings, engineUsed: engineUsed, usedFallback: usedFallback,
                                      graphvizSeconds: graphvizSeconds)
        diagram.drawnByDegradedGraphviz = drawnByDegradedGraphviz
        return .success(diagram)
    }
}
