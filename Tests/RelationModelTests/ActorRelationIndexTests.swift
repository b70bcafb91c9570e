import RelationModel
import XCTest

/// Pins the model's index of each actor's relations: model order, each relation once.
final class ActorRelationIndexTests: XCTestCase {
    private let here = SourceLocation(file: "m.yaml", line: 1, column: 1)

    func testAnActorsRelationsComeInModelOrderEachOnceEvenWhenNamedTwice() {
        let actors = ["a", "b", "c"].map { Actor(id: $0, name: $0, kind: .state, location: here) }
        let relations = [
            Relation(id: "r1", type: .alliance, participants: ["a", "b"], status: .agreed, summary: "s", evidence: [], location: here),
            Relation(id: "r2", type: .alliance, participants: ["b", "c"], status: .agreed, summary: "s", evidence: [], location: here),
            // Not valid (the validator reports it), but the model still holds it once for "a".
            Relation(id: "r3", type: .alliance, participants: ["a", "a"], status: .agreed, summary: "s", evidence: [], location: here),
        ]
        let model = RelationModel(sources: [], actors: actors, relations: relations)
        XCTAssertEqual(model.relations(involving: "a").map(\.id), ["r1", "r3"])
        XCTAssertEqual(model.relations(involving: "b").map(\.id), ["r1", "r2"])
        XCTAssertEqual(model.relationPositionsByActor["a"], [0, 2])
        XCTAssertEqual(model.relations(involving: "nobody").map(\.id), [])
    }
}
