import DOT
import Foundation
import ModelExport
import RelationModel
import Views

/// The fuzz harness, also exported under libFuzzer's entry-point name: any bytes as a model file must load and
/// validate without crashing, every diagnostic must be one located line, and a model without errors must export
/// and draw every view as DOT whose quoted strings stay closed and whose edges are exactly the graph's.
@_cdecl("LLVMFuzzerTestOneInput")
public func modelParserFuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    let loaded = ModelLoader.load([(name: "fuzz.yaml", data: data)])
    let diagnostics = loaded.diagnostics + Validator.validate(loaded.model)
    for diagnostic in diagnostics {
        let line = diagnostic.description
        guard line.hasPrefix("fuzz.yaml:"), !line.contains("\n"), diagnostic.location.line >= 1, diagnostic.location.column >= 1 else {
            fatalError("diagnostic is not one located line: \(line)")
        }
    }
    guard !DiagnosticReport(diagnostics).hasErrors else { return 0 }
    for format in ExportFormat.allCases {
        _ = try? format.render(loaded.model)
    }
    let options = ViewOptions(focusActor: loaded.model.actors.first?.id)
    for view in ViewCatalog.views {
        guard let diagram = ViewCatalog.diagram(view, of: loaded.model, options: options, links: LinkStyle()) else { continue }
        let dot = DOTEncoder().encode(diagram.graph)
        guard let scan = DOTLexicalScan(dot) else { fatalError("unbalanced quotes or HTML brackets in:\n\(dot)") }
        let edges = edgeCount(diagram.graph.statements)
        let operators = scan.count(of: diagram.graph.isDirected ? "->" : "--")
        guard operators == edges else { fatalError("\(operators) edge operators for \(edges) edges in:\n\(dot)") }
    }
    return 0
}

/// The edge statements in a graph or subgraph body, nested ones included.
func edgeCount(_ statements: [Statement]) -> Int {
    statements.reduce(0) { total, statement in
        switch statement {
        case .edge: return total + 1
        case .node: return total
        case .subgraph(let subgraph): return total + edgeCount(subgraph.statements)
        }
    }
}
