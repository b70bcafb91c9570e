import DOT
import RelationModel
import Views
import XCTest

/// Pins how the network views merge several relations of one type between two actors into one counted edge.
final class ParallelEdgeTests: XCTestCase {
    let links = LinkStyle()

    /// The sample model plus more cooperation between Kyrgyzstan and China (one named the other way round), a
    /// dispute pointing back from Uzbekistan, and a dozen meetings between Russia and Kyrgyzstan.
    let model: RelationModel = {
        let base = SampleModel.model
        var relations = base.relations
        relations.append(SampleModel.relation("c3", .cooperation, ["china", "kyrgyzstan"], start: "2011") { $0.domain = .security })
        relations.append(SampleModel.relation("c4", .cooperation, ["kyrgyzstan", "china"], start: "2016") { $0.domain = .aid })
        relations.append(SampleModel.relation("x2", .dispute, ["uzbekistan", "kyrgyzstan"], start: "2004") { $0.subject = .water })
        for month in 1...12 {
            let date = "2010-" + (month < 10 ? "0\(month)" : "\(month)")
            relations.append(SampleModel.relation("meet-\(month)", .meeting, ["russia", "kyrgyzstan"], start: date, status: .ended))
        }
        return RelationModel(sources: base.sources, actors: base.actors, relations: relations)
    }()

    func diagram(_ view: any View.Type, _ options: ViewOptions = ViewOptions()) throws -> Diagram {
        try XCTUnwrap(ViewCatalog.diagram(view, of: model, options: options, links: links))
    }

    func edges(_ diagram: Diagram, between first: String, and second: String, type: RelationType) -> [Edge] {
        diagram.graph.allEdges.filter {
            Set([$0.from, $0.to]) == [first, second] && $0[.class]?.contains("type-\(type.rawValue)") == true
        }
    }

    func testOverviewDrawsOneUnlabelledEdgePerPairAndType() throws {
        let overview = try diagram(OverviewView.self)
        let cooperation = edges(overview, between: "kyrgyzstan", and: "china", type: .cooperation)
        XCTAssertEqual(cooperation.count, 1)
        XCTAssertNil(cooperation.first?[.label], "the count is in the tooltip and the width")
        XCTAssertEqual(cooperation.first?[.url], "../timeline/2006.html#rel-c1", "links to the first relation")
        let meetings = edges(overview, between: "russia", and: "kyrgyzstan", type: .meeting)
        XCTAssertEqual(meetings.count, 1)
        XCTAssertEqual(meetings.first?[.tooltip]?.hasPrefix("13 × meeting"), true,
                       "twelve meetings of the states and one of their people, folded into the states")
    }

    func testMergedEdgeIsWiderThanASingleOne() throws {
        let overview = try diagram(OverviewView.self)
        let merged = try XCTUnwrap(edges(overview, between: "russia", and: "kyrgyzstan", type: .meeting).first?[.penwidth])
        let single = try XCTUnwrap(edges(overview, between: "russia", and: "kyrgyzstan", type: .alliance).first?[.penwidth])
        XCTAssertGreaterThan(merged, single)
    }

    func testMergedEdgeTooltipListsWholeSummariesWithSourcesAndCutsALongList() throws {
        let overview = try diagram(OverviewView.self)
        let cooperation = try XCTUnwrap(edges(overview, between: "kyrgyzstan", and: "china", type: .cooperation).first?[.tooltip])
        XCTAssertTrue(cooperation.hasPrefix("3 × cooperation, Kyrgyzstan – China:"), cooperation)
        for id in ["c1", "c3", "c4"] {
            XCTAssertTrue(cooperation.contains("Summary of \(id)."), id)
        }
        let meetings = try XCTUnwrap(edges(overview, between: "russia", and: "kyrgyzstan", type: .meeting).first?[.tooltip])
        XCTAssertEqual(meetings.split(separator: "\n").count, 1 + 10 + 1)
        XCTAssertTrue(meetings.hasSuffix("… and 3 more, listed in the table under the diagram"), meetings)
        XCTAssertFalse(cooperation.contains("…"), "summaries are whole: \(cooperation)")
        XCTAssertTrue(cooperation.contains("Sources: "), cooperation)
    }

    func testAMergedEdgeNamesEveryRelationItDrawsWithItsStatusAndYearsInItsClass() throws {
        let overview = try diagram(OverviewView.self)
        let meetings = try XCTUnwrap(edges(overview, between: "russia", and: "kyrgyzstan", type: .meeting).first?[.class])
        let tokens = meetings.split(separator: " ").map(String.init)
        XCTAssertEqual(Array(tokens.prefix(3)), ["relation", "merged", "type-meeting"])
        for month in 1...12 { XCTAssertTrue(tokens.contains("rel-meet-\(month)"), meetings) }
        XCTAssertTrue(tokens.contains("fact-ended-2010-2010"), "an event is in force in its year: \(meetings)")
        let facts = tokens.filter { $0.hasPrefix("fact-") }
        XCTAssertEqual(Set(facts).count, facts.count, "each fact is listed once: \(meetings)")
        XCTAssertLessThan(facts.count, 13, "twelve meetings of 2010 share one fact: \(meetings)")
        let single = try XCTUnwrap(edges(overview, between: "russia", and: "kyrgyzstan", type: .alliance).first?[.class])
        XCTAssertTrue(single.hasPrefix("relation type-alliance rel-"), single)
    }

    func testMergedEdgesStillListEveryRelationDrawn() throws {
        XCTAssertEqual(try diagram(OverviewView.self).relationIDs, model.relations.map(\.id))
        let focus = try diagram(ActorFocusView.self, ViewOptions(focusActor: "kyrgyzstan", maximumNodes: 100))
        for id in ["c1", "c3", "c4", "x1", "x2"] + (1...12).map({ "meet-\($0)" }) {
            XCTAssertTrue(focus.relationIDs.contains(id), id)
        }
        XCTAssertEqual(Set(focus.relationIDs).count, focus.relationIDs.count)
    }

    func testDisputesPointingBothWaysMergeIntoATwoHeadedEdge() throws {
        let overview = try diagram(OverviewView.self)
        let disputes = edges(overview, between: "kyrgyzstan", and: "uzbekistan", type: .dispute)
        XCTAssertEqual(disputes.count, 1)
        XCTAssertEqual(disputes.first?[.dir], .both)
        XCTAssertEqual(edges(overview, between: "kyrgyzstan", and: "uzbekistan", type: .incident).count, 1)
    }

    func testFocusDrawsOneUnlabelledLinePerCounterpartAndTypeWithItsRelationsInTheTooltip() throws {
        let focus = try diagram(ActorFocusView.self, ViewOptions(focusActor: "kyrgyzstan"))
        let cooperation = edges(focus, between: "kyrgyzstan", and: "china", type: .cooperation)
        XCTAssertEqual(cooperation.count, 1)
        XCTAssertNil(cooperation.first?[.label], "labels piled up at hubs; the tooltip and the table carry the details")
        XCTAssertEqual(cooperation.first?[.tooltip]?.hasPrefix("3 × cooperation"), true)
    }

    func testCooperationMergesOnlyRelationsOfOneDomainColour() throws {
        let cooperation = try diagram(CooperationView.self)
        let pair = edges(cooperation, between: "kyrgyzstan", and: "china", type: .cooperation)
        XCTAssertEqual(pair.count, 2, "counter-terrorism and security share a colour; aid has its own")
        XCTAssertNil(pair.first?[.label], "the domain is the colour; years and summaries are in the tooltip")
        XCTAssertEqual(pair.first?[.tooltip]?.hasPrefix("2 × cooperation"), true)
        XCTAssertEqual(cooperation.relationIDs, ["c1", "c2", "c3", "c4"])
    }
}
