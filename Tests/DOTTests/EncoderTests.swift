import DOT
import XCTest

/// Pins the encoder's deterministic layout of DOT text, its quoting and its ids.
final class EncoderTests: XCTestCase {
    func sampleGraph(reversedAttributeOrder: Bool) -> Graph {
        var graph = Graph(name: "sample", idPrefix: "map")
        graph[.rankdir] = .leftToRight
        graph[.label] = "Title"
        graph.nodeDefaults[.fontname] = "Helvetica"
        var node = Node("kyrgyzstan")
        if reversedAttributeOrder {
            node[.tooltip] = "Kyrgyzstan (state)"
            node[.shape] = .box
            node[.label] = "Kyrgyzstan"
        } else {
            node[.label] = "Kyrgyzstan"
            node[.shape] = .box
            node[.tooltip] = "Kyrgyzstan (state)"
        }
        var cluster = Subgraph("members")
        cluster[.label] = "Members"
        cluster.append(node)
        graph.append(cluster)
        graph.append(Node("csto"))
        var edge = Edge(from: "kyrgyzstan", to: "csto", key: "kgz-csto")
        edge[.style] = [.dashed, .bold]
        edge[.penwidth] = 1.5
        graph.append(edge)
        return graph
    }

    func testOutputIsIndependentOfTheOrderAttributesWereSetIn() {
        XCTAssertEqual(DOTEncoder().encode(sampleGraph(reversedAttributeOrder: false)),
                       DOTEncoder().encode(sampleGraph(reversedAttributeOrder: true)))
    }

    func testSettingAnAttributeAgainReplacesItAndSettingNilRemovesIt() {
        var node = Node("kyrgyzstan")
        node[.shape] = .box
        node[.label] = "Kyrgyzstan"
        node[.color] = Color(hex: "#000000")
        node[.label] = "Kyrgyz Republic"
        node[.color] = nil
        node[.color] = nil
        XCTAssertEqual(node[.label], .text("Kyrgyz Republic"))
        XCTAssertNil(node[.color])
        XCTAssertEqual(node.attributes.sorted.map(\.name), ["label", "shape"])
    }

    func testEncodingTwiceGivesIdenticalText() {
        let graph = sampleGraph(reversedAttributeOrder: false)
        XCTAssertEqual(DOTEncoder().encode(graph), DOTEncoder().encode(graph))
    }

    func testStatementsKeepInsertionOrderAndAttributesAreSortedByName() {
        XCTAssertEqual(DOTEncoder().encode(sampleGraph(reversedAttributeOrder: false)), """
        digraph sample {
        \tgraph [id="map", label="Title", rankdir=LR];
        \tnode [fontname=Helvetica];
        \tsubgraph cluster_members {
        \t\tgraph [id="map-cluster-members", label="Members"];
        \t\tkyrgyzstan [id="map-node-kyrgyzstan", label="Kyrgyzstan", shape=box, tooltip="Kyrgyzstan (state)"];
        \t}
        \tcsto [id="map-node-csto"];
        \tkyrgyzstan -> csto [id="map-edge-kgz-csto", penwidth=1.5, style="dashed,bold"];
        }

        """)
    }

    func testEveryNodeEdgeAndClusterGetsAUniquePrefixedID() throws {
        try GraphvizCLI.requireGraphviz()
        var graph = sampleGraph(reversedAttributeOrder: false)
        graph.append(Edge(from: "kyrgyzstan", to: "csto", key: "kgz-csto"))
        graph.append(Node("a b"))
        graph.append(Node("c"))
        graph.append(Edge(from: "a b", to: "c"))
        let parsed = try GraphvizCLI.parse(DOTEncoder().encode(graph))
        let ids = parsed.nodes.values.compactMap { $0.attributes["id"] } + parsed.edges.compactMap { $0.element.attributes["id"] }
            + parsed.clusterIDs
        XCTAssertEqual(ids.count, parsed.nodes.count + parsed.edges.count + 1)
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertTrue(ids.allSatisfy { $0.hasPrefix("map-") && !$0.contains(" ") }, "\(ids)")
        XCTAssertEqual(parsed.graphAttributes["id"], "map")
    }

    func testIdentifiersAreQuotedOnlyWhenNeeded() {
        let encoder = DOTEncoder()
        XCTAssertEqual(encoder.quotedID("kyrgyzstan_2"), "kyrgyzstan_2")
        XCTAssertEqual(encoder.quotedID("-1.5"), "-1.5")
        XCTAssertEqual(encoder.quotedID("manas-air-base"), "\"manas-air-base\"")
        XCTAssertEqual(encoder.quotedID("Node"), "\"Node\"")
        XCTAssertEqual(encoder.quotedID("subgraph"), "\"subgraph\"")
        XCTAssertEqual(encoder.quotedID("2abc"), "\"2abc\"")
        XCTAssertEqual(encoder.quotedID("say \"hi\" \\"), "\"say \\\"hi\\\" \\\\\"")
        XCTAssertEqual(encoder.quotedID(""), "\"\"")
    }

    func testNumbersAreWrittenWithoutLocaleOrTrailingZeros() {
        XCTAssertEqual(DOTEncoder.format(1.5), "1.5")
        XCTAssertEqual(DOTEncoder.format(2), "2")
        XCTAssertEqual(DOTEncoder.format(-0.00001), "0")
        XCTAssertEqual(DOTEncoder.format(3.14159), "3.1416")
        XCTAssertEqual(DOTEncoder.format(.nan), "0")
        XCTAssertEqual(DOTEncoder.format(100.00001), "100")
        XCTAssertEqual(DOTEncoder.format(-2.50004), "-2.5")
        XCTAssertEqual(DOTEncoder.format(0.00005), "0.0001")
        XCTAssertEqual(DOTEncoder.format(1e20 + 0.5), "100000000000000000000")
        XCTAssertEqual(DOTEncoder.format(-1e300).count, 302)
    }

    func testPinnedPositionsAreWrittenAsPosAndHonouredByNeato() throws {
        try GraphvizCLI.requireGraphviz()
        var graph = Graph(directed: false, idPrefix: "geo")
        for (name, x, y) in [("moscow", 1.0, 4.0), ("beijing", 6.0, 2.5), ("kabul", 3.0, 0.5)] {
            var node = Node(name)
            node[.pos] = Position(x: x, y: y)
            graph.append(node)
        }
        let dot = DOTEncoder().encode(graph)
        XCTAssertTrue(dot.contains("pos=\"1,4!\""), dot)
        let parsed = try GraphvizCLI.parse(dot, engine: "neato")
        func point(_ name: String) -> [Double] {
            (parsed.nodes[name]?.attributes["pos"] ?? "").split(separator: ",").compactMap { Double($0) }
        }
        XCTAssertEqual(point("beijing")[0] - point("moscow")[0], 5 * 72, accuracy: 1)
        XCTAssertEqual(point("moscow")[1] - point("kabul")[1], 3.5 * 72, accuracy: 1)
    }

    func testHTMLTablesAreWellFormedForGraphviz() throws {
        try GraphvizCLI.requireGraphviz()
        let swatch = HTMLCell(backgroundColor: Color(hex: "#E69F00"), border: 1, width: 16, height: 10, fixedSize: true)
        let table = HTMLTable(rows: [
            [.text(HTMLText("Legend", bold: true, pointSize: 12), columnSpan: 2)],
            [swatch, .text(HTMLText("State & <organization>", italic: true, color: .black, face: "Helvetica"), alignment: .left)],
        ], border: 1, cellSpacing: 2, backgroundColor: .white)
        var graph = Graph(idPrefix: "legend")
        var node = Node("legend")
        node[.shape] = .plaintext
        node[.label] = .html(.table(table))
        graph.append(node)
        let parsed = try GraphvizCLI.parse(DOTEncoder().encode(graph))
        XCTAssertEqual(parsed.nodes["legend"]?.drawnText, ["Legend", "State & <organization>"])
    }
}

extension EncoderTests {
    func testAQuotedStringLongerThanGraphvizsLexerTakesIsWrittenInConcatenatedPieces() throws {
        var graph = Graph(name: "g")
        let drawing = (0..<4000).map { "P 3 \($0) 0 \($0 + 1) 0 \($0) 1 " }.joined() + "c 7 -#000000 L 2 0 0 5 5"
        graph[.background] = drawing
        graph.append(Node("a"))
        let dot = DOTEncoder().encode(graph)
        let value = try XCTUnwrap(dot.components(separatedBy: "_background=").last?.components(separatedBy: ", ").first)
        XCTAssertTrue(dot.contains("\" + \""), "the value is cut")
        let pieces = dot.components(separatedBy: "\" + \"")
        XCTAssertGreaterThan(pieces.count, 5)
        XCTAssertTrue(pieces.dropFirst().dropLast().allSatisfy { $0.utf8.count <= DOTEncoder.longestQuotedString })
        XCTAssertFalse(value.isEmpty)
        try GraphvizCLI.requireGraphviz()
        let drawn = try GraphvizCLI.run(dot, arguments: ["dot", "-Tsvg"])
        XCTAssertEqual(drawn.status, 0, drawn.stderr)
        let svg = String(decoding: drawn.stdout, as: UTF8.self)
        XCTAssertEqual(svg.components(separatedBy: "<polygon ").count - 1, 4001, "the page and every polygon")
        XCTAssertTrue(svg.contains("<polyline fill=\"none\" stroke=\"#000000\" points=\"0,0 5,-5 \"/>"), "Graphviz joined the pieces")
    }
}
