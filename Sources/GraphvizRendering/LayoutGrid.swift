import CGraphviz

/// Puts every position of a laid-out graph on a grid of 1/64 pt before cairo draws it (PNG, PDF).
///
/// sfdp's arithmetic depends on where the process's memory lies, so the same graph laid out in two processes
/// can place a point 1e-13 pt apart. SVG, written with two decimals as Graphviz's own command writes it, never
/// showed it; but cairo writes PDF coordinates with six decimals, and a text position that lands on a tie there
/// (pango measures in 1/1024 pt) came out one digit apart in two builds, and a PNG one pixel apart. On a binary
/// grid, positions a few ulps apart become the same number; 1/64 pt is far below what either format shows.
enum LayoutGrid {
    static let cellsPerPoint = 64.0

    /// Whether a Graphviz output format is drawn by cairo, from positions on the grid.
    static func drawsOnGrid(_ format: String) -> Bool {
        format.hasPrefix("png") || format.hasPrefix("pdf")
    }

    static func snap(_ graph: UnsafeMutablePointer<Agraph_t>) {
        snapGraph(graph)
        var node = agfstnode(graph)
        while let current = node {
            if let info = record(current.pointee.base, as: Agnodeinfo_t.self) {
                snap(&info.pointee.coord)
                snap(info.pointee.label)
                snap(info.pointee.xlabel)
            }
            var edge = agfstout(graph, current)
            while let out = edge {
                if let info = record(out.pointee.base, as: Agedgeinfo_t.self) {
                    snap(info.pointee.spl)
                    for label in [info.pointee.label, info.pointee.xlabel, info.pointee.head_label, info.pointee.tail_label] {
                        snap(label)
                    }
                }
                edge = agnxtout(graph, out)
            }
            node = agnxtnode(graph, current)
        }
    }

    /// The graph's and each cluster's bounding box and label, clusters within clusters too.
    private static func snapGraph(_ graph: UnsafeMutablePointer<Agraph_t>) {
        guard let info = record(graph.pointee.base, as: Agraphinfo_t.self) else { return }
        snap(&info.pointee.bb)
        snap(info.pointee.label)
        guard let clusters = info.pointee.clust, info.pointee.n_cluster > 0 else { return }
        for index in 1...Int(info.pointee.n_cluster) {
            if let cluster = clusters[index] { snapGraph(cluster) }
        }
    }

    private static func record<Info>(_ object: Agobj_t, as type: Info.Type) -> UnsafeMutablePointer<Info>? {
        object.data.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: Info.self) }
    }

    private static func snap(_ value: inout Double) {
        value = (value * cellsPerPoint).rounded() / cellsPerPoint
    }

    private static func snap(_ point: inout pointf) {
        snap(&point.x)
        snap(&point.y)
    }

    private static func snap(_ box: inout boxf) {
        snap(&box.LL)
        snap(&box.UR)
    }

    private static func snap(_ label: UnsafeMutablePointer<textlabel_t>?) {
        guard let label else { return }
        snap(&label.pointee.pos)
    }

    private static func snap(_ splines: UnsafeMutablePointer<splines>?) {
        guard let splines, let curves = splines.pointee.list else { return }
        snap(&splines.pointee.bb)
        for index in 0..<Int(splines.pointee.size) {
            let curve = curves + index
            snap(&curve.pointee.sp)
            snap(&curve.pointee.ep)
            guard let points = curve.pointee.list else { continue }
            for point in 0..<Int(curve.pointee.size) { snap(&points[point]) }
        }
    }
}
