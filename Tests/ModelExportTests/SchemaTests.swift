import Foundation
@testable import ModelExport
import RelationModel
import XCTest

/// Pins the JSON Schemas: the committed copies are what `relmap schema` prints, and the model schema lists
/// exactly the keys and words the loader accepts. (Tests/Consumers validates real files against them.)
final class SchemaTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testCommittedSchemasAreWhatRelmapPrints() throws {
        for (name, text) in [("model", ModelSchema.text), ("export", ExportSchema.text)] {
            let path = Self.repository.appendingPathComponent("docs/schemas/\(name).schema.json").path
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), text,
                           "run: relmap schema \(name) > docs/schemas/\(name).schema.json")
        }
    }

    func decoded(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testModelSchemaListsTheKeysAndWordsTheLoaderAccepts() throws {
        let definitions = try XCTUnwrap(try decoded(ModelSchema.text)["$defs"] as? [String: Any])
        func properties(_ name: String) throws -> [String: Any] {
            try XCTUnwrap((definitions[name] as? [String: Any])?["properties"] as? [String: Any])
        }
        XCTAssertEqual(Set(try properties("source").keys), Set(ModelKeys.source))
        XCTAssertEqual(Set(try properties("actor").keys), Set(ModelKeys.actor))
        XCTAssertEqual(Set(try properties("relation").keys), Set(ModelKeys.relation))
        let kinds = try XCTUnwrap((try properties("actor")["kind"] as? [String: Any])?["enum"] as? [String])
        XCTAssertEqual(kinds, ActorKind.allCases.map(\.rawValue))
        let types = try XCTUnwrap((try properties("relation")["type"] as? [String: Any])?["enum"] as? [String])
        XCTAssertEqual(types, RelationType.allCases.map(\.rawValue))
    }

    func testExportSchemaListsEveryKeyTheJSONExportWrites() throws {
        let definitions = try XCTUnwrap(try decoded(ExportSchema.text)["$defs"] as? [String: Any])
        let relationKeys = try XCTUnwrap((definitions["relation"] as? [String: Any])?["properties"] as? [String: Any]).keys
        let actorKeys = try XCTUnwrap((definitions["actor"] as? [String: Any])?["properties"] as? [String: Any]).keys
        XCTAssertEqual(Set(relationKeys), Set(ExportedRelation.CodingKeys.allCases.map(\.rawValue)))
        XCTAssertEqual(Set(actorKeys), Set(ExportedActor.CodingKeys.allCases.map(\.rawValue)))
    }
}
