import Foundation

/// The frames between the pool and `relmap render-worker`: a 4-byte big-endian length, then that many bytes.
///
/// Each frame's payload is a 4-byte length and that much JSON, then raw bytes the JSON accounts for, so neither a
/// job's DOT source nor a reply's drawings are escaped into (and parsed out of) JSON strings. A request's JSON
/// is its `RenderJob` without the DOT, which follows; a reply's is its `WorkerReply` without the files, which
/// follow in the order and sizes the JSON lists. The worker answers each request in turn and exits at end of input.
enum WorkerFrame {
    /// Larger frames mean a broken peer, not a diagram.
    static let maximumLength = 1 << 30

    /// A job's frame: its JSON header, then its DOT source.
    static func encode(_ job: RenderJob) throws -> Data {
        let dot = Data(job.dot.utf8)
        let header = JobHeader(id: job.id, engine: job.engine, formats: job.formats, fallbackEngine: job.fallbackEngine, dotBytes: dot.count)
        var payload = framed(try JSONEncoder().encode(header))
        payload.append(dot)
        return framed(payload)
    }

    /// The job in a frame's payload (the bytes after the frame's length).
    static func decodeJob(_ payload: Data) throws -> RenderJob {
        let (json, attached) = try split(payload)
        let header = try JSONDecoder().decode(JobHeader.self, from: json)
        guard header.dotBytes == attached.count, let dot = String(data: attached, encoding: .utf8) else { throw MalformedFrame() }
        return RenderJob(id: header.id, dot: dot, engine: header.engine, formats: header.formats, fallbackEngine: header.fallbackEngine)
    }

    /// A reply's frame: its JSON header, then its files' bytes.
    static func encode(_ reply: WorkerReply) throws -> Data {
        var reply = reply
        let formats = reply.outputs.keys.sorted()
        reply.outputSizes = formats.map { WorkerReply.OutputSize(format: $0, bytes: reply.outputs[$0]!.count) }
        var payload = framed(try JSONEncoder().encode(reply))
        for format in formats { payload.append(reply.outputs[format]!) }
        return framed(payload)
    }

    /// The reply in a frame's payload (the bytes after the frame's length).
    static func decodeReply(_ payload: Data) throws -> WorkerReply {
        let (json, attached) = try split(payload)
        var reply = try JSONDecoder().decode(WorkerReply.self, from: json)
        var offset = attached.startIndex
        for size in reply.outputSizes {
            guard size.bytes >= 0, offset + size.bytes <= attached.endIndex else { throw MalformedFrame() }
            reply.outputs[size.format] = attached.subdata(in: offset..<(offset + size.bytes))
            offset += size.bytes
        }
        guard offset == attached.endIndex else { throw MalformedFrame() }
        return reply
    }

    /// A payload's JSON header and the bytes after it.
    private static func split(_ payload: Data) throws -> (json: Data, attached: Data) {
        let bytes = [UInt8](payload.prefix(4))
        guard bytes.count == 4 else { throw MalformedFrame() }
        let headerEnd = 4 + length(of: bytes)
        guard headerEnd <= payload.count else { throw MalformedFrame() }
        let start = payload.startIndex
        return (payload[(start + 4)..<(start + headerEnd)], payload[(start + headerEnd)...])
    }

    /// A job as its frame's JSON gives it: everything but the DOT source, and the source's length in bytes.
    private struct JobHeader: Codable {
        var id: String
        var engine: LayoutEngine
        var formats: [OutputFormat]
        var fallbackEngine: LayoutEngine?
        var dotBytes: Int
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
struct WorkerReply: Codable {
    /// A file that follows the JSON in the frame: its format and length.
    struct OutputSize: Codable {
        var format: String
        var bytes: Int
    }

    var id: String
    /// The files, by format name; carried after the JSON, not in it.
    var outputs: [String: Data] = [:]
    var outputSizes: [OutputSize] = []
    var warnings: [String]
    var engineUsed: LayoutEngine
    var usedFallback: Bool
    var failure: String?
    var graphvizSeconds: Double
    /// The worker's resident memory after the job, so the pool can recycle workers that grew too large.
    var residentMemoryMB: Int

    private enum CodingKeys: String, CodingKey {
        case id, outputSizes, warnings, engineUsed, usedFallback, failure, graphvizSeconds, residentMemoryMB
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
