import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestProcesses
import XCTest

/// Runs the Graphviz command-line tools on DOT text, so tests can see what Graphviz made of it.
enum GraphvizCLI {
    struct Output {
        var stdout: Data
        var stderr: String
        var status: Int32
    }

    /// A node or edge as Graphviz parsed and laid it out.
    struct Element {
        var attributes: [String: String]
        /// The text runs Graphviz drew for the label and xlabel, in drawing order.
        var drawnText: [String]
    }

    /// A graph as `dot -Tjson` reports it.
    struct Parsed {
        var nodes: [String: Element]
        var edges: [(tail: String, head: String, element: Element)]
        var clusterIDs: [String]
        var graphAttributes: [String: String]
    }

    static func run(_ dot: String, arguments: [String]) throws -> Output {
        var graphviz = Subprocess("/usr/bin/env", arguments)
        graphviz.input = Data(dot.utf8)
        let result = try graphviz.run()
        return Output(stdout: result.stdout, stderr: result.stderrText, status: result.status)
    }

    static func requireGraphviz() throws {
        guard (try? run("digraph {}", arguments: ["dot", "-Tcanon"]))?.status == 0 else {
            throw XCTSkip("the graphviz command-line tools are not installed")
        }
    }

    /// Lays out with `engine` and returns what Graphviz parsed; fails on any warning or error.
    static func parse(_ dot: String, engine: String = "dot", file: StaticString = #filePath, line: UInt = #line) throws -> Parsed {
        let output = try run(dot, arguments: [engine, "-Tjson"])
        XCTAssertEqual(output.status, 0, output.stderr, file: file, line: line)
        XCTAssertEqual(output.stderr, "", "Graphviz complained about:\n\(dot)", file: file, line: line)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: output.stdout) as? [String: Any])
        let subgraphCount = json["_subgraph_cnt"] as? Int ?? 0
        let objects = json["objects"] as? [[String: Any]] ?? []
        var nodes: [String: Element] = [:]
        var namesByID: [Int: String] = [:]
        var clusterIDs: [String] = []
        for (index, object) in objects.enumerated() {
            let name = object["name"] as? String ?? ""
            if index < subgraphCount {
                if let id = object["id"] as? String { clusterIDs.append(id) }
                continue
            }
            namesByID[object["_gvid"] as? Int ?? -1] = name
            nodes[name] = element(object)
        }
        let edges = (json["edges"] as? [[String: Any]] ?? []).map { edge in
            (tail: namesByID[edge["tail"] as? Int ?? -1] ?? "?", head: namesByID[edge["head"] as? Int ?? -1] ?? "?",
             element: element(edge))
        }
        var graphAttributes: [String: String] = [:]
        for (key, value) in json { if let text = value as? String { graphAttributes[key] = text } }
        return Parsed(nodes: nodes, edges: edges, clusterIDs: clusterIDs, graphAttributes: graphAttributes)
    }

    private static func element(_ object: [String: Any]) -> Element {
        var attributes: [String: String] = [:]
        for (key, value) in object { if let text = value as? String { attributes[key] = text } }
        let operations = object["_ldraw_"] as? [[String: Any]] ?? []
        let texts = operations.filter { $0["op"] as? String == "T" }.compactMap { $0["text"] as? String }
        return Element(attributes: attributes, drawnText: texts)
    }

    /// The `xlink:title` (tooltip) of every link in an SVG rendering, in document order.
    static func svgTooltips(_ dot: String) throws -> [String] {
        let output = try run(dot, arguments: ["dot", "-Tsvg"])
        XCTAssertEqual(output.status, 0, output.stderr)
        return try tooltips(inSVG: output.stdout)
    }

    /// The `xlink:title` of every link in SVG, in document order.
    static func tooltips(inSVG svg: Data) throws -> [String] {
        let collector = TitleCollector()
        let parser = XMLParser(data: svg)
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "SVG is not well-formed XML")
        return collector.titles
    }

    private final class TitleCollector: NSObject, XMLParserDelegate {
        var titles: [String] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if elementName == "a", let title = attributes["xlink:title"] { titles.append(title) }
        }
    }
}
