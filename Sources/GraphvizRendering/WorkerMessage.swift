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
        var payload = framed(Data(header.bytes))
        payload.append(dot)
        return framed(payload)
    }

    /// The job in a frame's payload (the bytes after the frame's length).
    static func decodeJob(_ payload: Data) throws -> RenderJob {
        let (head, attached) = try split(payload)
        var header = FrameHeaderReader(head)
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
        let formats = reply.outputs.keys.sorted()
        var header = FrameHeaderWriter()
        header.text(reply.id)
        header.number(formats.count)
        for format in formats {
            header.text(format)
            header.number(reply.outputs[format]!.count)
        }
        header.texts(reply.warnings)
        header.text(reply.engineUsed.rawValue)
        header.flag(reply.usedFallback)
        header.optionalText(reply.failure)
        header.seconds(reply.graphvizSeconds)
        header.number(reply.residentMemoryMB)
        var payload = framed(Data(header.bytes))
        for format in formats { payload.append(reply.outputs[format]!) }
        return framed(payload)
    }

    /// The reply in a frame's payload (the bytes after the frame's length).
    static func decodeReply(_ payload: Data) throws -> WorkerReply {
        let (head, attached) = try split(payload)
        var header = FrameHeaderReader(head)
        let id = try header.text()
        let count = try header.number()
        guard count >= 0, count <= OutputFormat.allCases.count else { throw MalformedFrame() }
        var outputs: [String: Data] = [:]
        var offset = attached.startIndex
        for _ in 0..<count {
            let format = try header.text()
            let bytes = try header.number()
            guard bytes >= 0, bytes <= attached.endIndex - offset else { throw MalformedFrame() }
            outputs[format] = attached.subdata(in: offset..<(offset + bytes))
            offset += bytes
        }
        let reply = WorkerReply(id: id, outputs: outputs, warnings: try header.texts(), engineUsed: try header.value(LayoutEngine.self),
                                usedFallback: try header.flag(), failure: try header.optionalText(),
                                graphvizSeconds: try header.seconds(), residentMemoryMB: try header.number())
        guard header.isAtEnd, offset == attached.endIndex else { throw MalformedFrame() }
        return reply
    }

    /// A payload's header and the bytes after it.
    private static func split(_ payload: Data) throws -> (header: Data, attached: Data) {
        let bytes = [UInt8](payload.prefix(4))
        guard bytes.count == 4 else { throw MalformedFrame() }
        let headerEnd = 4 + length(of: bytes)
        guard headerEnd <= payload.count else { throw MalformedFrame() }
        let start = payload.startIndex
        return (payload[(start + 4)..<(start + headerEnd)], payload[(start + headerEnd)...])
    }

    struct MalformedFrame: Error {}

    private static func framed(_ payload: Data) -> Data {
        var length = UInt32(payload.count).bigEndian
        return Data(bytes: &length, count: 4) + payload
    }

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
        return .success(RenderedDiagram(id: id, outputs: diagramOutputs, warnings: warnings, engineUsed: engineUsed, usedFallback: usedFallback,
                                        graphvizSeconds: graphvizSeconds))
    }
}
