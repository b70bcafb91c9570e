import Foundation

/// The frames between the pool and `relmap render-worker`: a 4-byte big-endian length, then that many bytes of JSON.
///
/// Requests are `RenderJob`s; replies are `WorkerReply`s. One job at a time; the worker exits at end of input.
enum WorkerFrame {
    /// Larger frames mean a broken peer, not a diagram.
    static let maximumLength = 1 << 30

    static func encode<Message: Encodable>(_ message: Message) throws -> Data {
        let payload = try JSONEncoder().encode(message)
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
    var id: String
    var outputs: [String: Data]
    var warnings: [String]
    var engineUsed: LayoutEngine
    var usedFallback: Bool
    var failure: String?
    var graphvizSeconds: Double
    /// The worker's resident memory after the job, so the pool can recycle workers that grew too large.
    var residentMemoryMB: Int

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
