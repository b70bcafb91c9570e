import RelationModel
import XCTest

/// Pins that relations, actors and sources behave as values although copies share their stored fields.
final class ModelValueTests: XCTestCase {
    private let here = SourceLocation(file: "m.yaml", line: 1, column: 1)

    func testChangingACopiedRelationLeavesTheOriginalAsItWas() {
        let original = Relation(id: "r1", type: .alliance, participants: ["a", "b"], status: .agreed, summary: "Signed",
                                evidence: [], location: here)
        var copy = original
        copy.summary = "Reworded"
        copy.participants.append("c")
        copy.fieldLocations["summary"] = here
        XCTAssertEqual(original.summary, "Signed")
        XCTAssertEqual(original.participants, ["a", "b"])
        XCTAssertEqual(original.fieldLocations, [:])
        XCTAssertEqual(copy.summary, "Reworded")
        XCTAssertEqual(copy.participants, ["a", "b", "c"])
        XCTAssertNotEqual(copy, original)
    }

    func testRecordsWithEqualFieldsAreEqualAndHashAlikeWhetherOrNotTheyShareStorage() {
        let first = Actor(id: "kgz", name: "Kyrgyzstan", kind: .state, location: here)
        let second = Actor(id: "kgz", name: "Kyrgyzstan", kind: .state, location: here)
        var renamed = first
        renamed.name = "Kyrgyz Republic"
        renamed.name = "Kyrgyzstan"
        XCTAssertEqual(first, second)
        XCTAssertEqual(first, renamed)
        XCTAssertEqual(Set([first, second, renamed]).count, 1)
        var moved = second
        moved.location = SourceLocation(file: "m.yaml", line: 2, column: 1)
        XCTAssertNotEqual(first, moved)
    }

    func testChangingACopiedSourceLeavesTheOriginalAsItWas() {
        let original = Source(id: "s1", title: "Article", publisher: "Desk", published: PartialDate(year: 2005),
                              file: "s1.txt", location: here)
        var copy = original
        copy.paragraphs = 12
        XCTAssertNil(original.paragraphs)
        XCTAssertEqual(copy.paragraphs, 12)
    }
}
