import DOT
import Foundation
@testable import Views
import XCTest

/// Pins that the layouts relmap computes and pins keep Graphviz's nodes apart: a node box estimated smaller than
/// the one Graphviz draws, or boxes left overlapping, make two nodes touch, and Graphviz then draws every line of
/// the diagram straight, through the nodes in its way.
final class NodeSpacingTests: XCTestCase {
    func testAPolygonNodesEstimatedBoxIsNoSmallerThanTheBoxGraphvizDraws() throws {
        let labels = [["OSCE Academy in", "Bishkek"], ["Armed Uzbek", "Islamists (1999-2000", "incursions)"],
                      ["Manas air base"], ["Chaldovar", "communications", "facility"], ["SCO"], ["Hizb-ut-Tahrir"]]
        for shape in [Shape.hexagon, .octagon, .house] {
            for lines in labels {
                let drawn = try XCTUnwrap(Self.graphvizBox(lines: lines, shape: shape), "Graphviz's dot is installed")
                let estimate = RadialLayout.size(of: lines, fontSize: 12, shape: shape)
                // Within 2 pt: Graphviz measures text a little differently from relmap's table of DejaVu widths.
                XCTAssertGreaterThanOrEqual(estimate.width, drawn.width - 2, "\(shape) \(lines)")
                XCTAssertGreaterThanOrEqual(estimate.height, drawn.height - 2, "\(shape) \(lines)")
                // Close to it, too: a box far too large spreads the whole drawing and shrinks its text on a slide.
                XCTAssertLessThanOrEqual(estimate.width, drawn.width * 1.15, "\(shape) \(lines)")
            }
        }
    }

    func testACrowdedNetworkIsSpreadUntilNoTwoNodesAreCloserThanGraphvizsSpacing() {
        // A hub with 350 neighbours in a ring: more than pushing boxes apart 300 times can clear at one spread.
        let leaves = 350
        let names = ["hub"] + (0..<leaves).map { "leaf-\($0)" }
        var sizes: [String: RadialLayout.Size] = [:]
        for (index, name) in names.enumerated() {
            sizes[name] = RadialLayout.Size(width: Double(60 + index * 37 % 160), height: Double(36 + index * 11 % 40))
        }
        let edges = (0..<leaves).map { ("hub", "leaf-\($0)") } + (1..<leaves).map { ("leaf-\($0 - 1)", "leaf-\($0)") }
        let positions = StressLayout(nodes: names, sizes: sizes, edges: edges).positions
        // Graphviz keeps esep (4 pt) around every node when it routes lines.
        let margin = 8.0
        var touching: [String] = []
        for (index, a) in names.enumerated() {
            for b in names[(index + 1)...] {
                guard let pa = positions[a], let pb = positions[b], let sa = sizes[a], let sb = sizes[b] else {
                    return XCTFail("\(a) or \(b) has no position")
                }
                if abs(pa.x - pb.x) < (sa.width + sb.width) / 2 + margin, abs(pa.y - pb.y) < (sa.height + sb.height) / 2 + margin {
                    touching.append("\(a)–\(b)")
                }
            }
        }
        XCTAssertEqual(touching, [])
    }

    /// The width and height in points of a lone node as Graphviz draws it, from `dot -Tplain`.
    private static func graphvizBox(lines: [String], shape: Shape) -> (width: Double, height: Double)? {
        let label = lines.joined(separator: "\\n")
        let dot = "digraph { node [fontname=\"DejaVu Sans\", fontsize=12]; a [shape=\(shape.rawValue), label=\"\(label)\"]; }"
        guard let text = GraphvizRun.output(dot, format: "plain"),
              let node = text.split(separator: "\n").first(where: { $0.hasPrefix("node ") }) else { return nil }
        let fields = node.split(separator: " ")
        guard fields.count > 5, let width = Double(fields[4]), let height = Double(fields[5]) else { return nil }
        return (width * 72, height * 72)
    }
}

