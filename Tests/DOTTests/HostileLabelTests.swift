import DOT
import XCTest

/// Pins that text with DOT, escString and XML syntax in it reaches Graphviz exactly as written.
final class HostileLabelTests: XCTestCase {
    static let hostile = [
        "say \"hello\"",
        "back\\slash",
        "trailing backslash\\",
        "\\\\",
        "typed \\n and \\l and \\N and \\G literally",
        "a < b > c & d",
        "AT&amp;T &lt;escaped&gt;",
        "{braces} | pipes <port>",
        "first line\nsecond line",
        "\"]; a -> b [",
        "\"; a -> c; x [label=\"",
        "<script>alert('x')</script>",
        "Кыргызстан",
        "中国",
        "طالبان",
        "emoji 🛰️🇰🇬 done",
    ]

    override func setUpWithError() throws {
        try GraphvizCLI.requireGraphviz()
    }

    func graph(_ configure: (inout Node, inout Node, inout Edge) -> Void) -> String {
        DOTEncoder().encode(typedGraph(configure))
    }

    func typedGraph(_ configure: (inout Node, inout Node, inout Edge) -> Void) -> Graph {
        var graph = Graph(idPrefix: "t")
        var a = Node("a"), b = Node("b")
        var edge = Edge(from: "a", to: "b")
        configure(&a, &b, &edge)
        graph.append(a)
        graph.append(b)
        graph.append(edge)
        return graph
    }

    func assertUnchangedStructure(_ parsed: GraphvizCLI.Parsed, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(parsed.nodes.keys.sorted(), ["a", "b"], file: file, line: line)
        XCTAssertEqual(parsed.edges.map { "\($0.tail)->\($0.head)" }, ["a->b"], file: file, line: line)
    }

    func testPlainTextLabelsAreDrawnExactlyAsWritten() throws {
        for text in Self.hostile {
            let dot = graph { a, b, _ in
                a[.label] = .text(text)
                b[.label] = "plain"
            }
            let parsed = try GraphvizCLI.parse(dot)
            assertUnchangedStructure(parsed)
            XCTAssertEqual(parsed.nodes["a"]?.drawnText.joined(separator: "\n"), text, dot)
        }
    }

    func testJustifiedLinesAreDrawnExactlyAsWritten() throws {
        let dot = graph { a, _, _ in a[.label] = .lines(Self.hostile.filter { !$0.contains("\n") }, .left) }
        let parsed = try GraphvizCLI.parse(dot)
        assertUnchangedStructure(parsed)
        XCTAssertEqual(parsed.nodes["a"]?.drawnText, Self.hostile.filter { !$0.contains("\n") })
    }

    func testHTMLLabelsShowTheirTextExactlyAsWritten() throws {
        for text in Self.hostile {
            let dot = graph { a, _, _ in
                a[.label] = .html(.table(HTMLTable(rows: [[.text(HTMLText(text, bold: true))], [.text(HTMLText("x"))]])))
            }
            let parsed = try GraphvizCLI.parse(dot)
            assertUnchangedStructure(parsed)
            XCTAssertEqual(parsed.nodes["a"]?.drawnText.dropLast().joined(separator: "\n"), text, dot)
        }
    }

    func testEdgeXlabelsAreDrawnExactlyAsWritten() throws {
        for text in Self.hostile {
            let dot = graph { _, _, edge in edge[.xlabel] = .text(text) }
            let parsed = try GraphvizCLI.parse(dot)
            assertUnchangedStructure(parsed)
            XCTAssertEqual(parsed.edges.first?.element.drawnText.joined(separator: "\n"), text, dot)
        }
    }

    func testTooltipsReachTheSVGExactlyAsWritten() throws {
        let dot = graph { a, b, edge in
            a[.tooltip] = Self.hostile.joined(separator: " ")
            a[.url] = "actors/a.html"
            b[.tooltip] = "AT&T\nsecond line"
            b[.url] = "actors/b.html"
            edge[.tooltip] = "\"]; x -> y [ \\ & <b>"
            edge[.url] = "relations.html#r"
        }
        XCTAssertEqual(try GraphvizCLI.svgTooltips(dot),
                       [Self.hostile.joined(separator: " "), "AT&T\nsecond line", "\"]; x -> y [ \\ & <b>"])
    }

    func testTooltipsPutIntoTheDrawingOfTheirPlaceholdersReachTheSVGExactlyAsWritten() throws {
        let tooltips = [Self.hostile.joined(separator: " "), "AT&T\nsecond line\ttab", "\"]; x -> y [ \\ & <b>"]
        let graph = typedGraph { a, b, edge in
            a[.tooltip] = tooltips[0]
            a[.url] = "actors/a.html"
            b[.tooltip] = tooltips[1]
            b[.url] = "actors/b.html"
            edge[.tooltip] = tooltips[2]
            edge[.url] = "relations.html#r"
        }
        let encoded = DOTEncoder().encodeWithTooltipPlaceholders(graph)
        XCTAssertEqual(encoded.tooltips, tooltips)
        XCTAssertEqual(encoded.filledDOT, DOTEncoder().encode(graph))
        let drawn = try GraphvizCLI.run(encoded.dot, arguments: ["dot", "-Tsvg"])
        XCTAssertEqual(drawn.status, 0, drawn.stderr)
        XCTAssertEqual(try GraphvizCLI.tooltips(inSVG: Data(encoded.filling(svg: [UInt8](drawn.stdout)))), tooltips)
    }

    func testTheDOTGraphvizLaysOutDoesNotChangeWithTheWordsOfTheTooltips() {
        let first = typedGraph { a, _, edge in
            a[.tooltip] = "Kyrgyzstan"
            edge[.tooltip] = "Agreed in 2006"
        }
        let second = typedGraph { a, _, edge in
            a[.tooltip] = "Kyrgyz Republic"
            edge[.tooltip] = "Agreed in July 2006, \"to fight terrorism\""
        }
        XCTAssertEqual(DOTEncoder().encodeWithTooltipPlaceholders(first).dot, DOTEncoder().encodeWithTooltipPlaceholders(second).dot)
        XCTAssertNotEqual(DOTEncoder().encode(first), DOTEncoder().encode(second))
    }

    func testControlCharactersInNamesAreWrittenAsReplacementCharactersSoPlaceholdersStayUnique() {
        XCTAssertEqual(DOTEncoder().quotedID("a\u{1}0\u{1}b"), "\"a\u{FFFD}0\u{FFFD}b\"")
        let graph = typedGraph { a, _, _ in a[.label] = .text("\u{1}0\u{1}") }
        XCTAssertFalse(DOTEncoder().encodeWithTooltipPlaceholders(graph).dot.unicodeScalars.contains("\u{1}"))
    }

    func testHostileNodeNamesKeepTheGraphStructure() throws {
        var graph = Graph(idPrefix: "t")
        let names = ["\"]; x -> y [", "node", "a b", "back\\", "中国", "-1.5", "edge"]
        for name in names { graph.append(Node(name)) }
        for (from, to) in zip(names, names.dropFirst()) { graph.append(Edge(from: from, to: to)) }
        let parsed = try GraphvizCLI.parse(DOTEncoder().encode(graph))
        XCTAssertEqual(parsed.nodes.count, names.count)
        XCTAssertEqual(parsed.edges.count, names.count - 1)
        XCTAssertTrue(parsed.nodes.keys.contains("中国"))
        XCTAssertTrue(parsed.nodes.keys.contains("\"]; x -> y ["))
    }

    func testControlCharactersNeverBreakTheOutput() throws {
        let dot = graph { a, b, _ in
            a[.label] = .text("nul\u{0}bell\u{7}tab\tend")
            b[.label] = .html(.text([HTMLText("nul\u{0}bell\u{7}end")]))
        }
        let parsed = try GraphvizCLI.parse(dot)
        assertUnchangedStructure(parsed)
        XCTAssertEqual(parsed.nodes["a"]?.drawnText, ["nul\u{FFFD}bell\u{FFFD}tab end"])
        XCTAssertEqual(parsed.nodes["b"]?.drawnText, ["nul\u{FFFD}bell\u{FFFD}end"])
    }
}
