import RelationModel
import XCTest

/// Pins which years a relation counts as in force, the rule yearly maps, `--as-of` and the site's year filter share.
final class YearsInForceTests: XCTestCase {
    private let here = SourceLocation(file: "m.yaml", line: 1, column: 1)

    private func source(_ id: String, _ year: Int) -> Source {
        Source(id: id, title: id, publisher: "Desk", published: PartialDate(year: year), file: "\(id).txt", location: here)
    }

    private func relation(_ id: String, _ type: RelationType, start: PartialDate? = nil, end: PartialDate? = nil,
                          status: RelationStatus = .ongoing, citing sources: [String]) -> Relation {
        Relation(id: id, type: type, participants: ["a", "b"], start: start, end: end, status: status, summary: id,
                 evidence: sources.map { Evidence(source: $0, paragraph: 1, location: here) }, location: here)
    }

    private func model(_ relations: [Relation]) -> RelationModel {
        RelationModel(sources: [source("late", 2013), source("early", 2006)], actors: [], relations: relations)
    }

    func testAnUndatedLastingRelationIsInForceFromTheYearOfTheEarliestSourceThatCitesIt() {
        let base = model([relation("base", .baseDeployment, citing: ["late", "early"])]).relation("base")!
        XCTAssertEqual(base.firstAttested, 2006)
        XCTAssertFalse(base.isInForce(in: 1999))
        XCTAssertFalse(base.isInForce(in: 2005))
        XCTAssertTrue(base.isInForce(in: 2006))
        XCTAssertTrue(base.isInForce(in: 2017))
        XCTAssertEqual(base.yearsInForce?.first, 2006)
        XCTAssertEqual(base.yearsInForce?.last, .max)
    }

    func testAnUndatedRelationThatEndedIsInForceInNoYear() {
        let ended = model([relation("gone", .cooperation, status: .ended, citing: ["early"])]).relation("gone")!
        XCTAssertNil(ended.yearsInForce)
        XCTAssertFalse(ended.isInForce(in: 2006))
    }

    func testADatedRelationKeepsItsOwnYearsWhateverItsSources() {
        let dated = model([relation("pact", .alliance, start: PartialDate(year: 2001), citing: ["late"])]).relation("pact")!
        XCTAssertNil(dated.firstAttested)
        XCTAssertTrue(dated.isInForce(in: 2001))
        XCTAssertFalse(dated.isInForce(in: 2000))
    }

    func testAnEventWithAStartAndAnEndIsInForceInEachYearFromOneToTheOther() {
        let protocolYears = model([relation("protocol", .agreement, start: PartialDate(year: 2006, month: 9, day: 6),
                                            end: PartialDate(year: 2007), status: .agreed, citing: ["early"])]).relation("protocol")!
        XCTAssertEqual(protocolYears.yearsInForce?.first, 2006)
        XCTAssertEqual(protocolYears.yearsInForce?.last, 2007)
        XCTAssertTrue(protocolYears.isInForce(in: 2007))
        XCTAssertFalse(protocolYears.isInForce(in: 2008))
        let meeting = relation("talks", .meeting, start: PartialDate(year: 2006, month: 7), status: .ended, citing: ["early"])
        XCTAssertTrue(meeting.isInForce(in: 2006))
        XCTAssertFalse(meeting.isInForce(in: 2007))
    }

    func testAnUndatedEventIsInForceInNoYearEvenWhenItsSourceIsDated() {
        let incident = model([relation("raid", .incident, status: .ended, citing: ["early"])]).relation("raid")!
        XCTAssertNil(incident.firstAttested)
        XCTAssertNil(incident.yearsInForce)
    }
}
