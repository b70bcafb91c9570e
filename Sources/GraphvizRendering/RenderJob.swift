import DOT
import Foundation

/// One diagram to render: its DOT source, the layout engine and the formats wanted.
public struct RenderJob: Codable, Hashable, Sendable {
    /// Unique within a build, e.g. "views/alliances"; names the diagram in messages.
    public var id: String
    /// The DOT source.
    public var dot: String
    public var engine: LayoutEngine
    public var formats: [OutputFormat]
    /// The engine used instead when the layout with `engine` fails or runs past the time limit, e.g. `.sfdp`.
    public var fallbackEngine: LayoutEngine?
    /// Whether every node has a start position and lines are polylines, which makes a neato layout the same
    /// whatever the worker laid out before (measured: 94 focus diagrams in five orders in one worker gave one set
    /// of bytes), so the job need not wait for a fresh worker.
    public var startsFromGivenPositions = false

    public init(id: String, dot: String, engine: LayoutEngine, formats: [OutputFormat], fallbackEngine: LayoutEngine? = nil) {
        self.id = id
        self.dot = dot
        self.engine = engine
        self.formats = formats
        self.fallbackEngine = fallbackEngine
    }

    /// The requested formats without repeats, in the order first requested.
    var distinctFormats: [OutputFormat] {
        var seen = Set<OutputFormat>()
        return formats.filter { seen.insert($0).inserted }
    }

    /// The job as a worker gets it: without `.dot`, the job's own source, which the pool adds to the reply
    /// (`sourceFile`) instead of its being sent to the worker and back (a tenth of what a large build's workers
    /// return).
    var forWorker: RenderJob {
        var job = self
        job.formats.removeAll { $0 == .dot }
        return job
    }

    /// The `.dot` output: the DOT source as it is, when the job asks for it; Graphviz is not involved.
    var sourceFile: Data? {
        formats.contains(.dot) ? Data(dot.utf8) : nil
    }

    /// Whether the job must run alone in a fresh worker: sfdp and neato layouts depend on what the process laid
    /// out before (measured: a yearly map of a 1,000-actor model placed one edge label differently in two builds
    /// whose workers had drawn other maps first, and the same in five fresh processes).
    var needsFreshWorker: Bool {
        engine == .sfdp || (engine == .neato && !startsFromGivenPositions)
    }

    /// The same job laid out with the fallback engine, which has no fallback of its own.
    var withFallbackEngine: RenderJob? {
        guard let fallbackEngine, fallbackEngine != engine else { return nil }
        return RenderJob(id: id, dot: dot, engine: fallbackEngine, formats: formats)

    }
}
