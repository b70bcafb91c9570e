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

    func testAYearsMapWithManyFaintActorsDrawsStraightLinesRatherThanRouteAroundThemAll() throws {
        // Every year's map keeps all 150 states in place, faint when nothing of theirs is in force: Graphviz routes
        // a line past every one of them, so 30 lines of 2000 among 150 states cost what no map may (seconds each).
        let here = LayeredEngineChoiceTests.here
        let actors = (0..<150).map { Actor(id: "s\($0)", name: "State \($0)", kind: .state, location: here) }
        let source = Source(id: "src", title: "T", publisher: "P", published: PartialDate(year: 2000), file: "a.txt", location: here)
        let relations = (0..<150).map { index in
            Relation(id: "c\(index)", type: .cooperation, participants: ["s\(index)", "s\((index + 1) % 150)"],
                     start: PartialDate(year: index < 30 ? 2000 : 2010), status: .ongoing, summary: "Cooperation \(index).",
                     evidence: [Evidence(source: "src", paragraph: 1, location: here)], location: here)
        }
        let model = RelationModel(sources: [source], actors: actors, relations: relations)
        let year = try XCTUnwrap(OverviewView.diagram(of: model, options: ViewOptions(asOf: 2000), links: LinkStyle()))
        XCTAssertTrue(year.dot.contains("splines=false"), year.dot)
        XCTAssertTrue(year.caption.contains("Edges are straight"), year.caption)
        // The map of all years draws a line for every relation among the same states, and routes them no more.
        let all = try XCTUnwrap(OverviewView.diagram(of: model, options: ViewOptions(), links: LinkStyle()))
        XCTAssertTrue(all.dot.contains("splines=false"), all.dot)
    }
}
