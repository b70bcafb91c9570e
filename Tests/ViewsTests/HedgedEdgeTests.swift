import DOT
import RelationModel
import Views
import XCTest

/// Pins how diagrams show who a relation is according to, how surely the document puts it, and an incident
/// whose initiator the document does not name.
final class HedgedEdgeTests: XCTestCase {
    let links = LinkStyle()

    /// Russia and Kyrgyzstan cooperate twice (once by Bakiev's account), Kyrgyzstan and China once, hedged;
    /// Uzbek and Kyrgyz forces clash with no side named as starting it.
    let model: RelationModel = {
        let base = SampleModel.model
        var stated = SampleModel.relation("h1", .cooperation, ["russia", "kyrgyzstan"], start: "2006") { $0.domain = .security }
        stated.accordingTo = "bakiev"
        stated.hedge = .stated
        let plain = SampleModel.relation("h2", .cooperation, ["russia", "kyrgyzstan"], start: "2007") { $0.domain = .security }
        var expected = SampleModel.relation("h3", .cooperation, ["kyrgyzstan", "china"], start: "2008") { $0.domain = .border }
        expected.hedge = .expected
        var clash = SampleModel.relation("h4", .incident, ["uzbekistan", "kyrgyzstan"], start: "2012", status: .ended) { $0.category = .fight }
        clash.directed = false
        return RelationModel(sources: base.sources, actors: base.actors, relations: [stated, plain, expected, clash])
    }()

    static func isDoubleLine(_ entry: LegendEntry) -> Bool {
        if case .edge(let line) = entry.kind { return line.isDoubleLine }
        return false
    }

    func edges(_ diagram: Diagram, between first: String, and second: String) -> [Edge] {
        diagram.graph.allEdges.filter { Set([$0.from, $0.to]) == [first, second] }
    }

    func testAHedgedRelationIsADoubleLineInItsColourWithALegendEntryAndItsHedgeInTheTooltip() throws {
        let diagram = try XCTUnwrap(ViewCatalog.diagram(OverviewView.self, of: model, options: ViewOptions(), links: links))
        let hedged = try XCTUnwrap(edges(diagram, between: "kyrgyzstan", and: "china").first)
        let colour = Color(hex: "#56b4e9")!
        XCTAssertEqual(hedged[.colorList], .doubleLine(colour))
        XCTAssertTrue(DOTEncoder().encode(diagram.graph).contains(##"color="#56b4e9:invis:#56b4e9""##))
        XCTAssertTrue(try XCTUnwrap(hedged[.tooltip]).contains("As the source puts it: expected"))
        let entry = try XCTUnwrap(diagram.legend.first { Self.isDoubleLine($0) })
        XCTAssertEqual(entry.label, "Hedged, or one actor's account")
        XCTAssertEqual(entry.symbol, "double line")
        XCTAssertEqual(diagram.legend.filter { Self.isDoubleLine($0) }.count, 1)
        XCTAssertEqual(diagram.legend.last, entry, "the double line comes after the colours and styles")
    }

    func testAMergedEdgeIsDoubleOnlyWhenEveryRelationInItIsHedged() throws {
        let diagram = try XCTUnwrap(ViewCatalog.diagram(OverviewView.self, of: model, options: ViewOptions(), links: links))
        let merged = try XCTUnwrap(edges(diagram, between: "russia", and: "kyrgyzstan").first)
        XCTAssertEqual(edges(diagram, between: "russia", and: "kyrgyzstan").count, 1, "the two cooperations are one line")
        XCTAssertTrue(try XCTUnwrap(merged[.tooltip]).hasPrefix("2 × cooperation"))
        XCTAssertNil(merged[.colorList])
        XCTAssertNotNil(merged[.color])
    }

    func testAnAssertedRelationAddsNoHedgeToTheLegend() throws {
        let asserted = RelationModel(sources: model.sources, actors: model.actors, relations: [model.relations[1]])
        let diagram = try XCTUnwrap(ViewCatalog.diagram(OverviewView.self, of: asserted, options: ViewOptions(), links: links))
        XCTAssertFalse(diagram.legend.contains { Self.isDoubleLine($0) })
        XCTAssertFalse(DOTEncoder().encode(diagram.graph).contains("invis"))
    }

    func testAnIncidentWithNoInitiatorNamedHasNoArrow() throws {
        let diagram = try XCTUnwrap(ViewCatalog.diagram(DisputesView.self, of: model, options: ViewOptions(), links: links))
        let clash = try XCTUnwrap(edges(diagram, between: "uzbekistan", and: "kyrgyzstan").first)
        XCTAssertEqual(clash[.dir], EdgeDirection.none)
        XCTAssertNil(clash[.arrowhead])
    }
}
