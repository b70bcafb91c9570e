import Foundation
import RelationModel
import Views
import XCTest

/// Pins that a focus map shows every relation that names its actor, in whatever role, and that an actor no
/// relation names gets no map at all.
final class FocusCoverageTests: XCTestCase {
    static let bundledModel = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("model").path

    func testEveryActorOfTheBundledModelThatARelationNamesHasAMapDrawingEachSuchRelation() throws {
        let model = try ModelLoader.load(path: Self.bundledModel).model
        var mapped = 0
        for actor in model.actors {
            let naming = model.relations.filter { relation in
                relation.involvedActors.contains(actor.id)
                    || relation.claims.contains { $0.field == "place" && $0.value == actor.id }
            }
            let diagram = ActorFocusView.diagram(of: model, options: ViewOptions(focusActor: actor.id, maximumNodes: 1_000),
                                                 links: LinkStyle())
            guard !naming.isEmpty else {
                XCTAssertNil(diagram, "\(actor.id) is named by no relation, and its page says so instead of a lonely box")
                continue
            }
            let map = try XCTUnwrap(diagram, actor.id)
            mapped += 1
            XCTAssertGreaterThan(map.actorIDs.count, 1, actor.id)
            XCTAssertFalse(map.caption.hasSuffix("Sources: none cited."), actor.id)
            XCTAssertTrue(map.startsFromGivenPositions)
            XCTAssertFalse(map.graph.allEdges.contains { $0.from == $0.to }, "\(actor.id): a line from an actor to itself")
            XCTAssertTrue(map.graph.allNodes.allSatisfy { $0[.pos] != nil },
                          "\(actor.id): a node without a start position would make the layout depend on the worker")
            for relation in naming {
                XCTAssertTrue(map.relationIDs.contains(relation.id), "\(actor.id)'s map leaves out \(relation.id)")
            }
        }
        XCTAssertGreaterThan(mapped, 80)
    }

    func testAFacilitysMapDrawsTheDeploymentAtItFromDeployerToFacilityToHost() throws {
        let map = try XCTUnwrap(ActorFocusView.diagram(of: SampleModel.model, options: ViewOptions(focusActor: "kant-air-base"),
                                                       links: LinkStyle()))
        let lines = map.graph.allEdges.filter { $0.key?.hasPrefix("d1") ?? false }.map { [$0.from, $0.to] }
        XCTAssertEqual(Set(lines), [["russia", "kant-air-base"], ["kant-air-base", "kyrgyzstan"]])
    }
}
