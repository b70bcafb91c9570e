import Foundation
import RelationModel
import XCTest
@testable import ReportSite

/// Pins that a build keeps its plan of diagrams and the next build takes it exactly when the model draws the same:
/// wording of summaries aside, nothing may differ.
final class PlanMemoTests: XCTestCase {
    private func memo(_ folder: String, program: String = "relmap 9.9.9 test") -> PlanMemo {
        PlanMemo(cacheFolder: folder, program: program)
    }

    /// Whether the memo holds the plan of `model`.
    private func holdsPlan(_ memo: PlanMemo, of model: RelationModel) -> Bool {
        memo.plan(for: SummaryPlaceholders(model).model) != nil
    }

    private func edited(_ model: RelationModel, _ change: (inout Relation) -> Void) throws -> RelationModel {
        var relations = model.relations
        let index = try XCTUnwrap(relations.firstIndex { $0.id == "kgz-uzb-ct-2006" })
        change(&relations[index])
        return RelationModel(sources: model.sources, actors: model.actors, relations: relations)
    }

    private func assertSamePlan(_ plan: DiagramPlan, _ expected: DiagramPlan, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(plan.all, expected.all, file: file, line: line)
        XCTAssertEqual(plan.views.map(\.entry), expected.views.map(\.entry), file: file, line: line)
        XCTAssertEqual(plan.views.map(\.diagram), expected.views.map(\.diagram), file: file, line: line)
        XCTAssertEqual(plan.overview, expected.overview, file: file, line: line)
        XCTAssertEqual(plan.years, expected.years, file: file, line: line)
        XCTAssertEqual(plan.yearMaps, expected.yearMaps, file: file, line: line)
        XCTAssertEqual(plan.actors, expected.actors, file: file, line: line)
    }

    func testAKeptPlanIsThePlanDrawnAfresh() throws {
        let model = SampleSite.model()
        let memo = memo(try temporaryFolder())
        XCTAssertFalse(holdsPlan(memo, of: model))
        let first = DiagramPlan.fromViews(of: model, memo: memo)
        XCTAssertTrue(holdsPlan(memo, of: model))
        assertSamePlan(DiagramPlan.fromViews(of: model, memo: memo), first)
        assertSamePlan(first, DiagramPlan.fromViews(of: model))
        XCTAssertGreaterThan(first.all.count, 5)
    }

    func testARewordedSummaryTakesTheKeptPlanAndItsTooltipsCarryTheNewWords() throws {
        let model = SampleSite.model()
        let memo = memo(try temporaryFolder())
        _ = DiagramPlan.fromViews(of: model, memo: memo)
        let reworded = try edited(model) { $0.summary = "The presidents agree to fight terrorism & smuggling together." }
        XCTAssertTrue(holdsPlan(memo, of: reworded))
        let plan = DiagramPlan.fromViews(of: reworded, memo: memo)
        assertSamePlan(plan, DiagramPlan.fromViews(of: reworded))
        let focus = try XCTUnwrap(plan.actors["kyrgyzstan"])
        XCTAssertTrue(focus.tooltips.contains { $0.hasPrefix("The presidents agree to fight terrorism & smuggling together.\n") })
        XCTAssertFalse(plan.all.flatMap(\.tooltips).contains { $0.contains("The presidents agree to fight terrorism.") })
    }

    func testAnEditThatChangesWhatIsDrawnMissesTheKeptPlan() throws {
        let model = SampleSite.model()
        let memo = memo(try temporaryFolder())
        _ = DiagramPlan.fromViews(of: model, memo: memo)
        XCTAssertFalse(holdsPlan(memo, of: try edited(model) { $0.status = .proposed }))
        XCTAssertFalse(holdsPlan(memo, of: try edited(model) { $0.start = PartialDate(year: 2007) }))
        var actors = model.actors
        actors[0].name = "Kyrgyz Republic"
        XCTAssertFalse(holdsPlan(memo, of: RelationModel(sources: model.sources, actors: actors, relations: model.relations)))
        XCTAssertFalse(holdsPlan(self.memo(memo.cacheFolder, program: "relmap 9.9.9 another build"), of: model))
        XCTAssertTrue(holdsPlan(memo, of: try edited(model) { $0.location = SourceLocation(file: "moved.yaml", line: 90, column: 5) }))
    }

    func testADamagedOrTruncatedMemoIsAMissAndPlanningGoesOn() throws {
        let model = SampleSite.model()
        let memo = memo(try temporaryFolder())
        let fresh = DiagramPlan.fromViews(of: model, memo: memo)
        let path = PlanMemo.path(in: memo.cacheFolder)
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        var flipped = whole
        flipped[whole.count / 2] ^= 0x20
        for damaged in [flipped, whole.prefix(whole.count - 1), whole.prefix(whole.count / 3), Data()] {
            try damaged.write(to: URL(fileURLWithPath: path))
            XCTAssertFalse(holdsPlan(memo, of: model))
            assertSamePlan(DiagramPlan.fromViews(of: model, memo: memo), fresh)
            XCTAssertTrue(holdsPlan(memo, of: model), "the plan is kept again")
        }
    }

    func testTheDrawingsCarryTheSummariesAndNoPlaceholder() throws {
        let model = SampleSite.model()
        let plan = DiagramPlan.fromViews(of: model)
        for diagram in plan.all {
            XCTAssertFalse(diagram.dot.utf8.contains(SummaryPlaceholders.marker), diagram.id)
            XCTAssertFalse(diagram.tooltips.contains { $0.utf8.contains(SummaryPlaceholders.marker) }, diagram.id)
        }
        let tooltips = plan.all.flatMap(\.tooltips).joined(separator: "\n")
        for relation in model.relations where plan.all.contains(where: { $0.relationIDs.contains(relation.id) }) {
            XCTAssertTrue(tooltips.contains(relation.summary), relation.id)
        }
    }
}

extension PlanMemoTests {
    func testPlaceholdersOfManyDigitsAreFilledAndOtherTextIsLeftAlone() throws {
        let model = SampleSite.model()
        let relations = (0..<12).map { index -> Relation in
            var relation = model.relations[0]
            relation.id = "r\(index)"
            relation.summary = "summary \(index)"
            return relation
        }
        let summaries = SummaryPlaceholders(RelationModel(sources: model.sources, actors: model.actors, relations: relations))
        XCTAssertEqual(summaries.model.relations[11].summary, "\u{2}11\u{2}")
        XCTAssertEqual(summaries.filling("a\u{2}11\u{2}3 \u{2}0\u{2}\u{2}12\u{2} \u{2}x"), "asummary 113 summary 0\u{2}12\u{2} \u{2}x")
    }
}
