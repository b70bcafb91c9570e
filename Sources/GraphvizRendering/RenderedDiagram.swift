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

    public init(id: String, outputs: [OutputFormat: Data], warnings: [String], engineUsed: LayoutEngine, usedFallback: Bool) {
        self.id = id
        self.outputs = outputs
        self.warnings = warnings
        self.engineUsed = engineUsed
        self.usedFallback = usedFallback
    }
}
