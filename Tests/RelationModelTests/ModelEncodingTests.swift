import Foundation
import RelationModel
import XCTest

/// Pins that a model encodes every field a diagram could be drawn from, and nothing of where it was written: the
/// site keeps its plan of diagrams under a digest of this encoding.
final class ModelEncodingTests: XCTestCase {
    private let here = SourceLocation(file: "m.yaml", line: 1, column: 1)
    private let locationFields: Set = ["location", "fieldLocations", "sourceLocation", "fieldLocation", "valueLocation"]
    /// Fields a model works out from others it encodes (`firstAttested`: the cited sources' dates).
    private let derivedFields: Set = ["firstAttested"]

    func testEveryStoredFieldButItsLocationsIsEncoded() throws {
        var details = RelationDetails()
        details.role = .founding
        details.allianceType = .entente
        details.domain = .training
        details.facility = "f"
        details.personnel = 1
        details.lease = "l"
        details.subject = .border
        details.quantities = [Quantity(value: 1, unit: "km", what: "border")]
        details.category = .fight
        details.place = "p"
        details.dead = 1
        details.injured = 2
        let evidence = Evidence(source: "s", paragraph: 1, location: here)
        let relation = Relation(id: "r", type: .dispute, participants: ["a", "b"], start: PartialDate(year: 2001), end: PartialDate(year: 2002),
                                status: .ended, summary: "S", accordingTo: "a", hedge: .reported, evidence: [evidence],
                                claims: [Claim(field: "start", value: "2000", evidence: [evidence], location: here)], details: details,
                                directed: false, location: here)
        let actor = Actor(id: "a", name: "A", kind: .state, aliases: ["Ay"], country: "c", claimedBy: ["b"], office: "o", iso3: "AAA",
                          coordinate: Coordinate(latitude: 1, longitude: 2), capital: "k", note: "n", location: here)
        let source = Source(id: "s", title: "T", publisher: "P", author: "W", published: PartialDate(year: 2001), dateNote: "d",
                            file: "000.txt", url: "https://example.org", paragraphs: 3, location: here)
        for (value, stored) in [(relation as any Encodable, storedFields(of: relation)), (actor, storedFields(of: actor)),
                                (source, storedFields(of: source)), (evidence, storedFields(of: evidence)),
                                (relation.claims[0], storedFields(of: relation.claims[0])), (details, storedFields(of: details)),
                                (details.quantities[0], storedFields(of: details.quantities[0]))] {
            XCTAssertFalse(stored.isEmpty)
            XCTAssertEqual(try encodedKeys(value), stored.subtracting(locationFields).subtracting(derivedFields), "\(type(of: value))")
        }
        let model = RelationModel(sources: [source], actors: [actor], relations: [relation])
        XCTAssertEqual(try encodedKeys(model), ["sources", "actors", "relations"])
    }

    func testWhereAFieldWasWrittenDoesNotChangeTheEncoding() throws {
        let moved = SourceLocation(file: "other.yaml", line: 40, column: 7)
        let relation = Relation(id: "r", type: .meeting, participants: ["a", "b"], status: .ended, summary: "S",
                                evidence: [Evidence(source: "s", paragraph: 1, location: here)], location: here)
        var elsewhere = Relation(id: "r", type: .meeting, participants: ["a", "b"], status: .ended, summary: "S",
                                 evidence: [Evidence(source: "s", paragraph: 1, location: moved)], location: moved)
        elsewhere.fieldLocations = ["participants.0": moved]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        XCTAssertEqual(try encoder.encode(relation), try encoder.encode(elsewhere))
        elsewhere.summary = "T"
        XCTAssertNotEqual(try encoder.encode(relation), try encoder.encode(elsewhere))
    }

    /// The stored properties of a value, or of the fields a model value keeps behind its shared reference.
    private func storedFields(of value: Any) -> Set<String> {
        var mirror = Mirror(reflecting: value)
        if mirror.children.count == 1, mirror.children.first?.label == "shared",
           let shared = mirror.children.first?.value,
           let fields = Mirror(reflecting: shared).children.first(where: { $0.label == "value" })?.value {
            mirror = Mirror(reflecting: fields)
        }
        return Set(mirror.children.compactMap(\.label))
    }

    /// The keys of a value's encoding, every optional given.
    private func encodedKeys(_ value: any Encodable) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value))
        return Set(try XCTUnwrap(object as? [String: Any]).keys)
    }
}
