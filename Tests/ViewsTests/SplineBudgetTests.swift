import RelationModel
import Views
import XCTest

/// Pins that network views route curved edges only while actors × relations stays within the spline budget.
final class SplineBudgetTests: XCTestCase {
    func testSmallOverviewRoutesEdgesAroundTheActors() throws {
        let diagram = try XCTUnwrap(OverviewView.diagram(of: LayeredEngineChoiceTests.model(disputes: 100), options: ViewOptions(), links: LinkStyle()))
        XCTAssertTrue(diagram.dot.contains("splines=polyline"), diagram.dot)
        XCTAssertFalse(diagram.caption.contains("Edges are straight"))
    }

    func testOverviewBeyondTheBudgetDrawsStraightEdgesAndSaysWhy() throws {
        let diagram = try XCTUnwrap(OverviewView.diagram(of: LayeredEngineChoiceTests.model(disputes: 600), options: ViewOptions(), links: LinkStyle()))
        XCTAssertTrue(diagram.dot.contains("splines=false"), diagram.dot)
        XCTAssertTrue(diagram.caption.contains("Edges are straight: routing curves around 40 actors for 600 relations would take too long."),
                      diagram.caption)
    }
}
