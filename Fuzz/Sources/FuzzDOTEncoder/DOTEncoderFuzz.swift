import DOT

/// The fuzz harness, also exported under libFuzzer's entry-point name: builds a graph whose names, labels and tooltips are cut from the input, encodes it,
/// and checks that no text escaped its quoted string: the DOT holds exactly the statements and edges built, and
/// the DOT with tooltip placeholders fills back to it.
@_cdecl("LLVMFuzzerTestOneInput")
public func dotEncoderFuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    let pieces = text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
    var graph = Graph(name: pieces.first, directed: count % 2 == 0)
    var edges = 0
    for (index, piece) in pieces.enumerated() {
        var node = Node(piece)
        node[.label] = index % 3 == 0 ? .html(.text([HTMLText(piece, bold: index % 2 == 0)])) : .text(piece)
        node[.tooltip] = piece
        node[.url] = piece
        graph.append(node)
        if index > 0 {
            var edge = Edge(from: pieces[index - 1], to: piece, key: piece)
            edge[.label] = .lines([piece, piece], .left)
            graph.append(edge)
            edges += 1
        }
    }
    let dot = DOTEncoder().encode(graph)
    guard let scan = DOTLexicalScan(dot) else { fatalError("unbalanced quotes or HTML brackets in:\n\(dot)") }
    let operators = graph.isDirected ? scan.count(of: "->") : scan.count(of: "--")
    guard operators == edges else { fatalError("\(operators) edge operators for \(edges) edges in:\n\(dot)") }
    // One `;` per node and edge, and one for the graph attributes (the encoder always sets the graph's id).
    guard scan.count(of: ";") == pieces.count + edges + 1 else { fatalError("extra statements in:\n\(dot)") }
    // Text cut from the input cannot pass for a tooltip's placeholder: filling them in gives the same DOT.
    let placeholders = DOTEncoder().encodeWithTooltipPlaceholders(graph)
    guard placeholders.tooltips.count == pieces.count, placeholders.filledDOT == dot else {
        fatalError("tooltip placeholders do not fill back to the DOT:\n\(placeholders.dot)")
    }
    return 0
}
