import Foundation
import RelationModel
import SiteLayout
import XCTest
@testable import ReportSite

/// Pins that a member's page lists at most 50 others of its bloc, the best connected, and says where the rest are.
final class BlocListTests: XCTestCase {
    /// A hub and 60 states each cooperating with it: one bloc of 61 around the hub.
    func starModel() -> RelationModel {
        let here = SampleSite.here
        let source = Source(id: "src", title: "T", publisher: "P", published: PartialDate(year: 2000), file: "a.txt", location: here)
        let actors = [Actor(id: "hub", name: "Hub", kind: .organization, location: here)]
            + (0..<60).map { Actor(id: String(format: "s%02d", $0), name: String(format: "State %02d", $0), kind: .state, location: here) }
        let relations = (0..<60).map { index in
            Relation(id: "r\(index)", type: .cooperation, participants: [String(format: "s%02d", index), "hub"], start: PartialDate(year: 2001),
                     status: .ongoing, summary: "Cooperation \(index).", evidence: [Evidence(source: "src", paragraph: 1, location: here)],
                     location: here)
        }
        return RelationModel(sources: [source], actors: actors, relations: relations)
    }

    func testAMemberPageListsFiftyOfTheBlocAndPointsToTheLeaderForTheRest() throws {
        let context = try SampleSite.context(model: starModel())
        XCTAssertEqual(context.metrics.bloc["s00"], "hub")
        let body = ActorBody(actor: context.model.actor("s00")!, context: context, index: ActorIndex(context: context),
                             linker: PageLinker(context: context, path: SitePath.actor("s00")))
        XCTAssertEqual(body.bloc.count, 50)
        XCTAssertTrue(body.bloc.contains { $0.name == "Hub" }, "the best connected member is listed")
        XCTAssertEqual(body.blocMoreCount, 10)
        XCTAssertEqual(body.blocSize, 61, "the member counts itself once")
        let page = try XCTUnwrap(try SampleSite.build(model: starModel()).text(at: SitePath.actor("s00")))
        XCTAssertTrue(page.contains(#"The 50 best connected are listed; 10 more are on the page of <a href="../actors/hub.html">Hub</a>."#), page)
    }

    func testTheLeaderPageListsTheWholeBloc() throws {
        let context = try SampleSite.context(model: starModel())
        let body = ActorBody(actor: context.model.actor("hub")!, context: context, index: ActorIndex(context: context),
                             linker: PageLinker(context: context, path: SitePath.actor("hub")))
        XCTAssertEqual(body.bloc.count, 60)
        XCTAssertNil(body.blocMoreCount)
        XCTAssertEqual(body.blocSize, 61)
    }
}
