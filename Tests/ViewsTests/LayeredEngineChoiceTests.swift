import RelationModel
import Views
import XCTest

/// Pins that ranked views switch to sfdp up front when they are too large for dot to finish in time.
final class LayeredEngineChoiceTests: XCTestCase {
    static let here = SourceLocation(file: "test.yaml", line: 1, column: 1)

    /// Disputes among 40 states.
    static func model(disputes: Int) -> RelationModel {
        let actors = (0..<40).map { Actor(id: "s\($0)", name: "State \($0)", kind: .state, location: Self.here) }
        let source = Source(id: "src", title: "T", publisher: "P", published: PartialDate(year: 2000), file: "a.txt", location: Self.here)
        var details = RelationDetails()
        details.subject = .border
        let relations = (0..<disputes).map { index in
            Relation(id: "d\(index)", type: .dispute, participants: ["s\(index % 40)", "s\((index * 7 + 1) % 40)"],
                     status: .ongoing, summary: "Dispute \(index).", evidence: [Evidence(source: "src", paragraph: 1, location: Self.here)],
                     details: details, location: Self.here)
        }
        return RelationModel(sources: [source], actors: actors, relations: relations)
    }

    func testSmallDisputeViewIsRankedByDotWithSfdpAsFallback() throws {
        let diagram = try XCTUnwrap(DisputesView.diagram(of: Self.model(disputes: 20), options: ViewOptions(), links: LinkStyle()))
        XCTAssertEqual(diagram.engine, .dot)
        XCTAssertEqual(diagram.fallbackEngine, .sfdp)
        XCTAssertFalse(diagram.caption.contains("Laid out by sfdp"))
    }

    func testDisputeViewWithMoreThanTwoHundredRelationsIsLaidOutBySfdpAndSaysSo() throws {
        let diagram = try XCTUnwrap(DisputesView.diagram(of: Self.model(disputes: 201), options: ViewOptions(), links: LinkStyle()))
        XCTAssertEqual(diagram.engine, .sfdp)
        XCTAssertNil(diagram.fallbackEngine)
        XCTAssertTrue(diagram.caption.contains("Laid out by sfdp, not in ranks"), diagram.caption)
    }
}
