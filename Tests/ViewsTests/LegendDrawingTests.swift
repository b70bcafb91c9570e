import DOT
import Foundation
import RelationModel
import Views
import XCTest

/// Pins that legends draw what they mean: the real node shapes and line styles, in the picture and on the page.
final class LegendDrawingTests: XCTestCase {
    let model = SampleModel.model

    func testEveryLegendIsDrawnUnderTheLabelAtTheBottomLeft() throws {
        // A map draws its legend as a key under the map instead (MapViewTests).
        let diagram = try XCTUnwrap(OverviewView.diagram(of: model, options: ViewOptions(), links: LinkStyle()))
        XCTAssertEqual(diagram.graph[.labelloc], .bottom)
        XCTAssertEqual(diagram.graph[.labeljust], .left)
        let symbols = try XCTUnwrap(diagram.graph[.background])
        XCTAssertTrue(symbols.contains("P "), "filled shapes: \(symbols.prefix(200))")
        XCTAssertFalse(symbols.contains(" T "), "Graphviz 2.43 crashes on text in _background")
        guard case .html(.table(let table))? = diagram.graph[.label], case .table(let legend)? = table.rows.last?.first?.content else {
            return XCTFail("the label's last row is the legend table")
        }
        let cells = legend.rows.flatMap { $0 }
        XCTAssertTrue(cells.allSatisfy(\.isFixedSize), "the symbols are placed where fixed-size cells land")
        XCTAssertEqual(cells.count, 2 * diagram.legend.count)
    }

    func testAPageLegendDrawsShapesAndDashesAsTheDiagramDoes() throws {
        let hexagon = LegendEntry(label: "Organization", kind: .node(NodeSymbol(shape: .hexagon, fill: Color(hex: "#f8e3bd")!)))
        let points = try XCTUnwrap(hexagon.picture.components(separatedBy: "points=\"").dropFirst().first?.split(separator: "\"").first)
        XCTAssertEqual(points.split(separator: " ").count, 6, "a hexagon, not the word")
        let planned = LegendEntry(label: "Planned", kind: .edge(LineSymbol(style: [.dashed], color: Color(hex: "#0072b2")!, arrowhead: .empty)))
        XCTAssertTrue(planned.picture.contains("stroke-dasharray=\"5,2\""), planned.picture)
        XCTAssertTrue(planned.picture.contains("fill=\"#ffffff\""), "an open arrowhead: \(planned.picture)")
        XCTAssertTrue(planned.picture.contains("aria-hidden=\"true\""), "the words say it for screen readers")
    }
}
