import DOT
import RelationModel
import Views
import XCTest

/// Pins which relations and actors each view draws, and how `asOf` and the focus cap limit them.
final class ViewContentTests: XCTestCase {
    let model = SampleModel.model
    let links = LinkStyle()

    func diagram(_ view: any View.Type, _ options: ViewOptions = ViewOptions()) throws -> Diagram {
        try XCTUnwrap(draw(view, options))
    }

    func draw(_ view: any View.Type, _ options: ViewOptions = ViewOptions()) -> Diagram? {
        ViewCatalog.diagram(view, of: model, options: options, links: links)
    }

    func testAlliancesViewDrawsExactlyMembershipsAndAlliances() throws {
        XCTAssertEqual(try diagram(AlliancesView.self).relationIDs, ["m1", "m2", "m3", "a1"])
    }

    func testDeploymentsViewDrawsExactlyBaseDeployments() throws {
        XCTAssertEqual(try diagram(DeploymentsView.self).relationIDs, ["d1", "d2", "d3"])
    }

    func testDisputesViewDrawsExactlyDisputesAndIncidents() throws {
        let disputes = try diagram(DisputesView.self)
        XCTAssertEqual(disputes.relationIDs, ["x1", "i1", "i2"])
        XCTAssertTrue(disputes.dot.contains("2 dead"), "casualties are on the incident's edge")
        XCTAssertTrue(disputes.dot.contains("600 km border still in dispute"), "quantities are on the dispute's edge")
    }

    func testCooperationViewDrawsExactlyCooperationWithAHubForMoreThanTwoParties() throws {
        let cooperation = try diagram(CooperationView.self)
        XCTAssertEqual(cooperation.relationIDs, ["c1", "c2"])
        let hubEdges = cooperation.graph.allEdges.filter { $0.key?.hasPrefix("c2-") ?? false }
        XCTAssertEqual(hubEdges.count, 3)
        XCTAssertTrue(hubEdges.allSatisfy { $0.from == "relation-c2" || $0.to == "relation-c2" })
    }

    func testOverviewDrawsEveryRelationInModelOrder() throws {
        XCTAssertEqual(try diagram(OverviewView.self).relationIDs, model.relations.map(\.id))
    }

    func testAsOfKeepsOnlyRelationsInForceThatYear() throws {
        let alliances2009 = try diagram(AlliancesView.self, ViewOptions(asOf: 2009))
        XCTAssertEqual(alliances2009.relationIDs, ["m1", "m3", "a1"])
        XCTAssertEqual(alliances2009.id, "alliances-2009")
        XCTAssertFalse(alliances2009.actorIDs.contains("uzbekistan"))
        XCTAssertEqual(try diagram(AlliancesView.self, ViewOptions(asOf: 2007)).relationIDs, ["m1", "m2", "m3", "a1"])
        XCTAssertEqual(try diagram(DisputesView.self, ViewOptions(asOf: 2013)).relationIDs, ["x1", "i1"])
        XCTAssertEqual(try diagram(OverviewView.self, ViewOptions(asOf: 2001)).relationIDs, ["m3", "a1", "d3", "x1"])
    }

    func testViewsWithNothingToDrawGiveNoDiagram() {
        XCTAssertNil(draw(DeploymentsView.self, ViewOptions(asOf: 1990)))
        XCTAssertNil(draw(ActorFocusView.self, ViewOptions()))
        XCTAssertNil(draw(ActorFocusView.self, ViewOptions(focusActor: "atlantis")))
    }

    func testFocusDrawsTheActorsOneStepAwayAndTheirRelations() throws {
        let focus = try diagram(ActorFocusView.self, ViewOptions(focusActor: "china"))
        XCTAssertEqual(focus.id, "focus-china")
        XCTAssertEqual(focus.actorIDs, ["china", "sco", "kyrgyzstan"])
        XCTAssertEqual(focus.relationIDs, ["m3", "c1"])
        XCTAssertEqual(focus.truncatedCount, 0)
        XCTAssertFalse(focus.graph.allNodes.contains { $0.name == "more-actors" })
    }

    func testFocusCapCutsTheFarthestActorsAndShowsHowManyMore() throws {
        let uncapped = try diagram(ActorFocusView.self, ViewOptions(focusActor: "kyrgyzstan", hops: 2, maximumNodes: 100))
        let capped = try diagram(ActorFocusView.self, ViewOptions(focusActor: "kyrgyzstan", hops: 2, maximumNodes: 4))
        XCTAssertEqual(capped.actorIDs.count, 4)
        XCTAssertEqual(capped.actorIDs.first, "kyrgyzstan")
        XCTAssertEqual(capped.truncatedCount, uncapped.actorIDs.count - 4)
        let marker = try XCTUnwrap(capped.graph.allNodes.first { $0.name == "more-actors" })
        XCTAssertEqual(marker[.label], .text("+\(capped.truncatedCount) more"))
        XCTAssertTrue(capped.caption.contains("\(capped.truncatedCount) more actors"))
    }

    func testFocusGoesAsManyStepsOutAsAsked() throws {
        let one = try diagram(ActorFocusView.self, ViewOptions(focusActor: "sco", hops: 1))
        let two = try diagram(ActorFocusView.self, ViewOptions(focusActor: "sco", hops: 2))
        XCTAssertEqual(one.actorIDs, ["sco", "china"])
        XCTAssertEqual(two.actorIDs, ["sco", "china", "kyrgyzstan"])
    }

    func testCaptionNamesTheSourcesOfTheRelationsDrawn() throws {
        XCTAssertTrue(try diagram(AlliancesView.self).caption.contains("Sources: Doc One (Pub A)."))
        XCTAssertTrue(try diagram(AlliancesView.self).caption.hasSuffix("Map data: Natural Earth (public domain)."))
        XCTAssertTrue(try diagram(DeploymentsView.self).caption.contains("Doc Two (Pub B)"))
    }

    func testCatalogFindsEachViewByItsID() {
        XCTAssertEqual(ViewCatalog.viewIDs, ["overview", "alliances", "deployments", "disputes", "cooperation", "focus"])
        for id in ViewCatalog.viewIDs {
            XCTAssertEqual(ViewCatalog.view(named: id)?.id, id)
        }
        XCTAssertNil(ViewCatalog.view(named: "nonsense"))
    }
}
