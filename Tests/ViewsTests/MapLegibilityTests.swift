import DOT
import Foundation
import Geography
import ModelSynthesis
import RelationModel
@testable import Views
import XCTest

/// Pins what keeps a map readable at its hubs: labels kept off lines, agencies drawn as their state, no line across
/// the map from an actor without a place, and the words of a line set beside it.
final class MapLegibilityTests: XCTestCase {
    let model = SampleModel.model

    func testALabelAvoidsALineThroughItsFirstChoiceOfSpot() {
        var placer = MapLabelPlacer(bounds: PlaneRect(minX: 0, minY: 0, maxX: 400, maxY: 400))
        let point = PlanePoint(x: 200, y: 200)
        // A line just right of the point runs through the spot a label takes first.
        placer.reserve(line: PlanePoint(x: 230, y: 0), to: PlanePoint(x: 230, y: 400))
        let spot = placer.place(width: 60, height: 16, near: point, clearance: 5)
        let rect = MapLabelPlacer.rect(centre: spot.centre, width: 60, height: 16)
        XCTAssertEqual(placer.linesCrossing(rect), 0, "the label is at \(spot.centre)")
        XCTAssertLessThan(spot.centre.x, 200, "and goes left of the point, where nothing is")
    }

    func testALabelCoversALineRatherThanAnotherLabel() {
        var placer = MapLabelPlacer(bounds: PlaneRect(minX: 0, minY: 0, maxX: 120, maxY: 60))
        // Every spot crosses one of the lines, and all but one overlap the label placed first.
        for x in stride(from: 5.0, through: 115, by: 10) { placer.reserve(line: PlanePoint(x: x, y: 0), to: PlanePoint(x: x, y: 60)) }
        let first = placer.place(width: 50, height: 14, near: PlanePoint(x: 60, y: 30), clearance: 2)
        let second = placer.place(width: 50, height: 14, near: PlanePoint(x: 60, y: 30), clearance: 2)
        XCTAssertEqual(MapLabelPlacer.overlapArea(MapLabelPlacer.rect(centre: first.centre, width: 50, height: 14),
                                                  MapLabelPlacer.rect(centre: second.centre, width: 50, height: 14)), 0)
    }

    func testAnAgencyWithoutAPlaceIsDrawnAsItsStateOnTheDisputesMap() throws {
        let map = try XCTUnwrap(DisputesView.diagram(of: model, options: ViewOptions(), links: LinkStyle()))
        let agencies = model.actors.filter { $0.coordinate == nil && $0.country != nil && $0.kind != .state }
        XCTAssertFalse(agencies.isEmpty)
        let names = Set(map.graph.allNodes.map(\.name))
        for agency in agencies {
            XCTAssertFalse(names.contains(agency.id), "\(agency.id) is drawn as \(agency.country!)")
        }
    }

    func testAnActorWithoutAPlaceHasNoLineAcrossTheMapAndItsBoxSaysWhatItDid() throws {
        // A movement with no place disputes with Kyrgyzstan, which has one.
        let movement = SampleModel.actor("movement", "A movement", .organization)
        let dispute = SampleModel.relation("x-movement", .dispute, ["movement", "kyrgyzstan"], start: "2006") { $0.subject = .political }
        let model = RelationModel(sources: model.sources, actors: model.actors + [movement], relations: model.relations + [dispute])
        let map = try XCTUnwrap(DisputesView.diagram(of: model, options: ViewOptions(), links: LinkStyle()))
        let placeless = model.actors.filter { MapActors.coordinate(of: $0.id, in: model) == nil }.map(\.id)
        let drawn = map.graph.allNodes.filter { placeless.contains($0.name) }
        XCTAssertFalse(drawn.isEmpty, "the sample model has a disputant with no place")
        for node in drawn {
            XCTAssertFalse(map.graph.allEdges.contains { $0.from == node.name || $0.to == node.name }, "\(node.name) has no line")
            guard case .text(let text)? = node[.label] else { return XCTFail("\(node.name) has a text label") }
            XCTAssertTrue(text.contains(" – "), "\(node.name)'s box names its counterpart: \(text)")
            XCTAssertTrue(map.relationIDs.contains("x-movement"), "and the relation is in the diagram's table")
        }
    }

    func testADisputeOfThreeLocatedPartiesWithoutAPlaceIsAHubJoinedToEach() throws {
        // Russian border guards are drawn as Russia, so the hub joins Russia, Kyrgyzstan and Uzbekistan.
        let dispute = SampleModel.relation("x-three", .dispute, ["russian-border-guards", "kyrgyzstan", "uzbekistan"], start: "2006") {
            $0.subject = .political
        }
        let model = RelationModel(sources: model.sources, actors: model.actors, relations: model.relations + [dispute])
        let map = try XCTUnwrap(DisputesView.diagram(of: model, options: ViewOptions(), links: LinkStyle()))
        let joined = Set(map.graph.allEdges.filter { $0.from == "relation-x-three" || $0.to == "relation-x-three" }.flatMap { [$0.from, $0.to] })
        XCTAssertEqual(joined, ["relation-x-three", "russia", "kyrgyzstan", "uzbekistan"])
        XCTAssertTrue(map.relationIDs.contains("x-three"))
    }

    func testTheWordsOfALineBetweenTwoPartiesAreANodeBesideItNotAnEdgeLabel() throws {
        for view in [DisputesView.self, DeploymentsView.self] as [any View.Type] {
            let map = try XCTUnwrap(ViewCatalog.diagram(view, of: model, options: ViewOptions(), links: LinkStyle()))
            XCTAssertTrue(map.graph.allEdges.allSatisfy { $0[.label] == nil }, "\(view.id) labels no edge")
        }
        let disputes = try XCTUnwrap(DisputesView.diagram(of: model, options: ViewOptions(), links: LinkStyle()))
        let labels = disputes.graph.allNodes.filter { $0[.class]?.hasPrefix("line-label") == true }
        XCTAssertFalse(labels.isEmpty)
        XCTAssertTrue(labels.allSatisfy { $0[.url] != nil && $0[.tooltip] != nil }, "each links to its relation and explains it")
    }
}

extension MapLegibilityTests {
    func testTheGridFindsEveryRectangleAndLineThatTouchesASpotOnceEachWhereverItLies() {
        var seeded = SplitMix64(seed: 7)
        let bounds = PlaneRect(minX: 0, minY: 0, maxX: 600, maxY: 400)
        var rects = MapLabelGrid(bounds: bounds, cellSize: 48)
        var lines = MapLabelGrid(bounds: bounds, cellSize: 48)
        var storedRects: [PlaneRect] = []
        var storedLines: [(PlanePoint, PlanePoint)] = []
        func point() -> PlanePoint { PlanePoint(x: Double.random(in: -100...700, using: &seeded), y: Double.random(in: -100...500, using: &seeded)) }
        for _ in 0..<300 {
            let a = point()
            let rect = PlaneRect(minX: a.x, minY: a.y, maxX: a.x + Double.random(in: 0...120, using: &seeded), maxY: a.y + Double.random(in: 0...40, using: &seeded))
            XCTAssertEqual(rects.add(rect), storedRects.count)
            storedRects.append(rect)
            let (from, to) = (point(), point())
            XCTAssertEqual(lines.add(line: from, to), storedLines.count)
            storedLines.append((from, to))
        }
        for _ in 0..<500 {
            let a = point()
            let spot = PlaneRect(minX: a.x, minY: a.y, maxX: a.x + Double.random(in: 0...150, using: &seeded), maxY: a.y + Double.random(in: 0...60, using: &seeded))
            var foundRects: [Int] = []
            rects.forEachCandidate(near: spot) { foundRects.append($0) }
            var foundLines: [Int] = []
            lines.forEachCandidate(near: spot) { foundLines.append($0) }
            XCTAssertEqual(foundRects.count, Set(foundRects).count, "each once")
            XCTAssertEqual(foundLines.count, Set(foundLines).count, "each once")
            let touching = storedRects.indices.filter { storedRects[$0].intersects(spot) }
            XCTAssertTrue(Set(touching).isSubset(of: foundRects))
            let crossing = storedLines.indices.filter { PlaneGeometry.clippedSegment(storedLines[$0].0, storedLines[$0].1, to: spot) != nil }
            XCTAssertTrue(Set(crossing).isSubset(of: foundLines))
        }
    }
}
