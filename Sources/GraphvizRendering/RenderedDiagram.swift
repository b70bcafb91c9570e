import DOT
import Foundation

/// A rendered diagram: the bytes of each requested format and what Graphviz warned about.
public struct RenderedDiagram: Sendable {
    public var id: String
    public var outputs: [OutputFormat: Data]
    /// Graphviz's warnings, e.g. about an unknown colour, without the "Warning: " label.
    public var warnings: [String]
    public var engineUsed: LayoutEngine
    /// Whether the job's fallback engine was used because the primary one failed or timed out.
    public var usedFallback: Bool
    /// Whether the Graphviz that drew it had no text layout plugin, so text was measured by estimate and the
    /// layout differs from a whole installation's.
    public var drawnByDegradedGraphviz = false
    /// Seconds spent inside Graphviz (parse, layout, render) for this diagram; 0 when it came from a cache.
    public var graphvizSeconds: Double

    public init(id: String, outputs: [OutputFormat: Data], warnings: [String], engineUsed: LayoutEngine, usedFallback: Bool,
                graphvizSeconds: Double = 0) {
        self.id = id
        self.graphvizSeconds = graphvizSeconds
        self.outputs = outputs
        self.warnings = warnings
        self.engineUsed = engineUsed
        self.usedFallback = usedFallback
    }
}

extension Sequence where Element == Result<RenderedDiagram, RenderFailure> {
    /// The seconds Graphviz spent on the diagrams drawn, failures counting none.
    public var graphvizSeconds: Double {
        reduce(0) { total, result in total + ((try? result.get().graphvizSeconds) ?? 0) }
    }
}
