import CGraphviz
import Foundation
import Synchronization
import SystemIO

/// The one Graphviz context of this process and the only code that calls libgvc.
///
/// Graphviz is not thread-safe, so every call runs under one lock. Layouts are never freed with
/// `gvFreeLayout` (it double-frees on graphs with edge labels and clusters); graphs are closed with
/// `agclose`, and the worker process that leaks the rest is recycled by the pool.
enum GraphvizSession {
    /// What one render produced, keyed by Graphviz format name.
    struct Output {
        var data: [String: Data]
        var warnings: [String]
    }

    /// Why a render failed, and at which stage.
    struct Failure: Error {
        enum Stage { case parse, layout, render }
        var stage: Stage
        var message: String
    }

    /// The resolution of PNG output: twice Graphviz's default of 96 dpi, for sharp images on high-density screens.
    static let pngDotsPerInch = 192.0
    /// The most pixels a PNG gets: above it the resolution is lowered to fit, since rasterising costs time and
    /// memory in proportion to the pixels (a 10-megapixel map took 0.4 s; the SVG stays exact).
    static let pngPixelBudget = 4_000_000.0

    /// The resolution for a PNG of a drawing `width` × `height` points: `pngDotsPerInch`, lowered to keep the
    /// image within `pngPixelBudget`.
    static func pngResolution(width: Double, height: Double) -> Double {
        let pixelsAtFull = (width / 72 * pngDotsPerInch) * (height / 72 * pngDotsPerInch)
        guard pixelsAtFull > pngPixelBudget else { return pngDotsPerInch }
        return (pngDotsPerInch * (pngPixelBudget / pixelsAtFull).squareRoot()).rounded(.down)
    }

    private static let lock = NSLock()
    /// Used only under `lock`.
    nonisolated(unsafe) private static let context: OpaquePointer = {
        GraphvizMessages.install
        return gvContext()
    }()

    /// Whether Graphviz has its text layout plugin (pango): without it, text is measured from built-in
    /// estimates and every layout with labels differs.
    static let hasTextLayout: Bool = {
        lock.lock()
        defer { lock.unlock() }
        return gvtextlayout_select(context) != noSupport
    }()

    /// Graphviz's code for a plugin it cannot find.
    private static let noSupport: Int32 = 999

    /// What this process's Graphviz cannot do that a build needs, as one sentence; nil when it has what it needs:
    /// the dot layout and the SVG renderer, or any plugin at all (`GVBINDIR` pointing nowhere).
    static func missingPlugins() -> String? {
        lock.lock()
        defer { lock.unlock() }
        let needed: [(api_t, String)] = [(API_layout, "dot"), (API_render, "svg"), (API_device, "svg")]
        let missing = needed.filter { gvplugin_load(context, $0.0, $0.1) == nil }.map(\.1)
        guard !missing.isEmpty else { return nil }
        let folder = ProcessInfo.processInfo.environment["GVBINDIR"].map { "GVBINDIR=\($0)" } ?? "its plugin folder"
        return "Graphviz plugins not found (no \(Set(missing).sorted().joined(separator: ", ")) in \(folder)); reinstall Graphviz's plugins or unset GVBINDIR"
    }

    /// Whether Graphviz has a renderer for each format, as it is asked (a missing plugin stays missing).
    private static let renderers = Mutex<[String: Bool]>([:])

    /// The formats of `formats` (Graphviz names) that this Graphviz cannot draw: their plugin is missing (PNG
    /// and PDF come from the cairo plugin).
    static func formatsWithoutRenderer(_ formats: [String]) -> [String] {
        formats.filter { format in
            if let known = renderers.withLock({ $0[format] }) { return !known }
            lock.lock()
            let available = gvplugin_load(context, API_device, format) != nil
            lock.unlock()
            renderers.withLock { $0[format] = available }
            return !available
        }
    }

    /// Flushes what the DOT lexer read ahead, so one graph's leftovers never reach the next parse.
    private static let flushLexer = exportedFunction("aglexbad")
    /// Forgets which warnings were already given, so a warning does not depend on the graphs rendered before.
    private static let forgetWarningsGiven = exportedFunction("emit_once_reset")

    /// A `void f(void)` that the Graphviz libraries export without declaring it in their headers.
    private static func exportedFunction(_ name: String) -> (@convention(c) () -> Void)? {
        ExportedFunction.named(name, as: (@convention(c) () -> Void).self)
    }

    /// Creates the context and draws one small labelled graph, so that Graphviz loads its plugins and fonts before
    /// the first job instead of during it; a worker does this as it starts, while its jobs are being prepared.
    static func warmUp() {
        _ = try? render(dot: "digraph warm_up { a -> b }", engine: "dot", formats: ["svg"])
    }

    /// Parses `dot`, lays it out with `engine` and renders each of `formats` (Graphviz names such as "svg").
    static func render(dot: String, engine: String, formats: [String]) throws(Failure) -> Output {
        try laidOut(dot: dot, engine: engine) { graph throws(Failure) in
            var data: [String: Data] = [:]
            // Formats drawn from Graphviz's own positions first, then those cairo draws from the grid.
            let ordered = formats.filter { !LayoutGrid.drawsOnGrid($0) } + formats.filter(LayoutGrid.drawsOnGrid)
            var snapped = false
            for format in ordered {
                if LayoutGrid.drawsOnGrid(format), !snapped {
                    LayoutGrid.snap(graph)
                    snapped = true
                }
                let rendered = renderData(graph, format: format)
                if let error = firstError() ?? (rendered == nil ? "rendering \(format) failed" : nil) {
                    throw Failure(stage: .render, message: error)
                }
                data[format] = rendered
            }
            return Output(data: data, warnings: GraphvizMessages.collected().warnings)
        }
    }

    /// Each node's position, by name, as the PNG and PDF renderers draw it after `engine` lays `dot` out.
    static func nodePositions(dot: String, engine: String) throws(Failure) -> [String: pointf] {
        try laidOut(dot: dot, engine: engine) { graph in
            LayoutGrid.snap(graph)
            var positions: [String: pointf] = [:]
            var node = agfstnode(graph)
            while let current = node {
                let info = current.pointee.base.data.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: Agnodeinfo_t.self) }
                positions[String(cString: agnameof(current))] = info?.pointee.coord
                node = agnxtnode(graph, current)
            }
            return positions
        }
    }

    /// Parses `dot`, lays it out with `engine` and hands it to `use`.
    private static func laidOut<Result>(dot: String, engine: String,
                                        _ use: (UnsafeMutablePointer<Agraph_t>) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        let context = self.context
        GraphvizMessages.reset()
        forgetWarningsGiven?()
        guard let graph = parse(dot) else {
            throw Failure(stage: .parse, message: GraphvizMessages.collected().errors.first ?? "the DOT source contains no graph")
        }
        defer { agclose(graph) }
        if let error = firstError() {
            throw Failure(stage: .parse, message: error)
        }
        resetRandomNumbers()
        let laidOut = gvLayout(context, graph, engine) == 0
        if let error = firstError() ?? (laidOut ? nil : "layout with \(engine) failed") {
            throw Failure(stage: .layout, message: error)
        }
        return try use(graph)
    }

    /// Puts C's random number generators back in their state at process start, as if each layout ran in a
    /// fresh `dot` process: sfdp draws initial positions from them without seeding.
    private static func resetRandomNumbers() {
        srand(1)
        var initialState: [UInt16] = [0x330e, 0xabcd, 0x1234]
        _ = seed48(&initialState)
    }

    private static func firstError() -> String? {
        let errors = GraphvizMessages.collected().errors
        guard GraphvizMessages.hasErrors || !errors.isEmpty else { return nil }
        return errors.first ?? "Graphviz reported an error"
    }

    /// Reads the graph with the sequential ID discipline, from an in-memory stream.
    private static func parse(_ dot: String) -> UnsafeMutablePointer<Agraph_t>? {
        var bytes = Array(dot.utf8)
        guard !bytes.isEmpty else { return nil }
        return bytes.withUnsafeMutableBytes { buffer -> UnsafeMutablePointer<Agraph_t>? in
            guard let stream = fmemopen(buffer.baseAddress, buffer.count, "r") else { return nil }
            defer { fclose(stream) }
            agreadline(1)
            let graph = agread(UnsafeMutableRawPointer(stream), SequentialIDDiscipline.discipline)
            flushLexer?()
            return graph
        }
    }

    private static func renderData(_ graph: UnsafeMutablePointer<Agraph_t>, format: String) -> Data? {
        let record = graph.withMemoryRebound(to: Agobj_t.self, capacity: 1) { $0.pointee.data }
        let info = record.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: Agraphinfo_t.self).pointee }
        let drawing = info?.drawing
        let raisesResolution = format.hasPrefix("png") && drawing != nil && drawing!.pointee.dpi == 0
        if raisesResolution, let box = info?.bb {
            drawing!.pointee.dpi = pngResolution(width: box.UR.x - box.LL.x, height: box.UR.y - box.LL.y)
        }
        defer { if raisesResolution { drawing!.pointee.dpi = 0 } }
        var result: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(context, graph, format, &result, &length) == 0, let result else { return nil }
        defer { gvFreeRenderData(result) }
        return Data(bytes: result, count: Int(length))
    }
}
