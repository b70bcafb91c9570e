import Foundation
import GraphvizRendering
import Synchronization

/// What a long-lived process (`relmap serve`) keeps from one build for the next: the diagrams it finished and
/// the relation rows it rendered. A plain build starts from nothing of either.
public final class BuildMemory: Sendable {
    public let diagrams: FinishedDiagrams
    private let rows = Mutex<RenderedRows?>(nil)

    public init(diagrams: FinishedDiagrams = FinishedDiagrams()) {
        self.diagrams = diagrams
    }

    /// The rows rendered by earlier builds with the same templates, or a new table when they changed.
    func rows(for templates: TemplateSet) -> RenderedRows {
        rows.withLock { rows in
            if let kept = rows, kept.renders(with: templates) { return kept }
            let fresh = RenderedRows(templates: templates)
            rows = fresh
            return fresh
        }
    }
}

/// The diagrams a long-lived process (`relmap serve`) has finished, kept between its builds: a rebuild takes a
/// diagram planned and drawn exactly as before from here instead of reading it from the render cache and
/// finishing its SVG again, which was a third of the time from an edit to the reload on a large model.
///
/// A diagram is kept only while the kept files stay under `byteLimit` in all, so a large model costs the
/// process a bounded amount of memory; the rest come from the render cache as in any build.
public final class FinishedDiagrams: Sendable {
    private struct Entry {
        var planned: PlannedDiagram
        var job: RenderJob
        var drawn: DrawnDiagram
        var bytes: Int
    }

    private let byteLimit: Int
    private let entries = Mutex<(byID: [String: Entry], bytes: Int)>(([:], 0))

    public init(byteLimit: Int = 256 << 20) {
        self.byteLimit = byteLimit
    }

    /// The diagram finished for `planned`, when it was planned and asked for (`job`) exactly so before.
    func drawn(for planned: PlannedDiagram, job: RenderJob) -> DrawnDiagram? {
        guard let entry = entries.withLock({ $0.byID[planned.id] }), entry.job == job, entry.planned == planned else { return nil }
        return entry.drawn
    }

    /// Keeps a finished diagram, replacing what was kept under its id, while there is room.
    func keep(_ drawn: DrawnDiagram, for planned: PlannedDiagram, job: RenderJob) {
        let bytes = drawn.files.outputs.values.reduce(planned.dot.utf8.count) { $0 + $1.count }
        entries.withLock { entries in
            let replaced = entries.byID.removeValue(forKey: planned.id)?.bytes ?? 0
            entries.bytes -= replaced
            guard entries.bytes + bytes <= byteLimit else { return }
            entries.byID[planned.id] = Entry(planned: planned, job: job, drawn: drawn, bytes: bytes)
            entries.bytes += bytes
        }
    }

    /// How many diagrams are kept.
    var count: Int { entries.withLock { $0.byID.count } }
}
