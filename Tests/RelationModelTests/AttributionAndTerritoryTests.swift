import Foundation
import RelationModel
import XCTest

/// Pins the rules for who a relation is according to, how surely the document puts it, contested territory
/// and collective actors: each bad model gives one located diagnostic.
final class AttributionAndTerritoryTests: XCTestCase {
    /// A valid model with one of each: a hedged statement, a contested enclave and a collective actor.
    static let base = """
    sources:
      - {id: s1, title: T, publisher: P, published: "2006", file: a.txt, paragraphs: 5}
    actors:
      - {id: kgz, name: Kyrgyzstan, kind: state, iso3: KGZ, location: {lat: 42.87, lon: 74.59}}
      - {id: uzb, name: Uzbekistan, kind: state, iso3: UZB, location: {lat: 41.3, lon: 69.24}}
      - {id: bakiev, name: Kurmanbek Bakiev, kind: person, aliases: [Bakiev], country: kgz}
      - {id: sokh, name: Sokh, kind: place, claimed_by: [kgz, uzb], location: {lat: 40.0, lon: 71.1}}
      - {id: west, name: the West, kind: collective, aliases: [Western governments]}
    relations:
      - {id: r1, type: cooperation, participants: [kgz, uzb], status: agreed, summary: S, according_to: bakiev, hedge: stated, evidence: [{source: s1, paragraph: 1}]}
      - {id: r2, type: dispute, participants: [kgz, uzb], status: ongoing, subject: enclave, place: sokh, summary: S, evidence: [{source: s1, paragraph: 2}]}
      - {id: r3, type: dispute, participants: [west, uzb], status: ongoing, subject: political, hedge: expected, summary: S, evidence: [{source: s1, paragraph: 3}]}

    """

    func diagnostics(_ yaml: String) -> [String] {
        let loaded = ModelLoader.load([(name: "m.yaml", data: Data(yaml.utf8))])
        return DiagnosticReport(loaded.diagnostics + Validator.validate(loaded.model)).diagnostics.map(\.description)
    }

    /// The base model with one line replaced.
    func replacing(_ line: String, with replacement: String, file: StaticString = #filePath, line number: UInt = #line) -> [String] {
        XCTAssertTrue(Self.base.contains(line), "the base model has no line '\(line)'", file: file, line: number)
        return diagnostics(Self.base.replacingOccurrences(of: line, with: replacement))
    }

    func testTheBaseModelIsCleanAndKeepsTheNewFields() throws {
        XCTAssertEqual(diagnostics(Self.base), [])
        let model = ModelLoader.load([(name: "m.yaml", data: Data(Self.base.utf8))]).model
        let r1 = try XCTUnwrap(model.relation("r1"))
        XCTAssertEqual(r1.accordingTo, "bakiev")
        XCTAssertEqual(r1.hedge, .stated)
        XCTAssertTrue(r1.isHedged)
        XCTAssertFalse(try XCTUnwrap(model.relation("r2")).isHedged)
        XCTAssertEqual(model.relations(accordingTo: "bakiev").map(\.id), ["r1"])
        XCTAssertEqual(model.actor("sokh")?.claimedBy, ["kgz", "uzb"])
        XCTAssertNil(model.actor("sokh")?.country)
        XCTAssertEqual(model.actor("west")?.kind, .collective)
    }

    func testAccordingToAnUnknownActorIsAnErrorAtTheValueWithASuggestion() {
        XCTAssertEqual(replacing("according_to: bakiev,", with: "according_to: bakiyev,"),
                       ["m.yaml:10:101: error: unknown actor 'bakiyev' as according_to; did you mean 'bakiev'?"])
    }

    func testAccordingToAPlaceIsAnError() {
        XCTAssertEqual(replacing("according_to: bakiev,", with: "according_to: sokh,"),
                       ["m.yaml:10:101: error: 'according_to' of relation 'r1' names a place, 'sokh', which cannot state or believe anything"])
    }

    func testAnUnknownHedgeSuggestsTheNearestWord() {
        XCTAssertEqual(replacing("hedge: expected,", with: "hedge: expectd,"),
                       ["m.yaml:12:100: error: unknown hedge 'expectd'; did you mean 'expected'?"])
        XCTAssertEqual(replacing("hedge: expected,", with: "hedge: likely,"),
                       ["m.yaml:12:100: error: unknown hedge 'likely' (expected one of: stated, reported, expected, possible)"])
    }

    func testStatedWithoutWhoStatesItIsAnError() {
        XCTAssertEqual(replacing("according_to: bakiev, hedge: stated,", with: "hedge: stated,"),
                       ["m.yaml:10:94: error: hedge 'stated' needs 'according_to': the actor whose statement or belief the relation is"])
    }

    func testAnUnknownClaimantIsAnErrorAtItsListItem() {
        XCTAssertEqual(replacing("claimed_by: [kgz, uzb]", with: "claimed_by: [kgz, uzbk]"),
                       ["m.yaml:7:59: error: unknown actor 'uzbk' as claimant; did you mean 'uzb'?"])
    }

    func testAClaimantThatIsNotAStateIsAnError() {
        XCTAssertEqual(replacing("claimed_by: [kgz, uzb]", with: "claimed_by: [kgz, bakiev]"),
                       ["m.yaml:7:59: error: claimant 'bakiev' of actor 'sokh' is a person, not a state"])
    }

    func testANamedClaimantTwiceIsAnError() {
        XCTAssertEqual(replacing("claimed_by: [kgz, uzb]", with: "claimed_by: [kgz, uzb, kgz]"),
                       ["m.yaml:7:64: error: actor 'sokh' names claimant 'kgz' twice"])
    }

    func testOneClaimantIsAnErrorThatPointsToCountry() {
        XCTAssertEqual(replacing("claimed_by: [kgz, uzb]", with: "claimed_by: [kgz]"),
                       ["m.yaml:7:53: error: 'claimed_by' lists the states that each claim a contested place: at least two (for one, use 'country')"])
    }

    func testCountryAndClaimedByTogetherAreAnError() {
        XCTAssertEqual(replacing("claimed_by: [kgz, uzb]", with: "country: kgz, claimed_by: [kgz, uzb]"),
                       ["m.yaml:7:50: error: an actor gives either 'country' or, for contested territory, 'claimed_by', not both"])
    }

    func testOnlyPlacesAndFacilitiesCanBeClaimed() {
        XCTAssertEqual(replacing("{id: west, name: the West, kind: collective,", with: "{id: west, name: the West, kind: collective, claimed_by: [kgz, uzb],"),
                       ["m.yaml:8:62: error: only a place or a facility can be claimed by several states; 'west' is a collective"])
    }

    func testOnlyDisputesAndIncidentsTakeDirectedAndItIsTrueOrFalse() throws {
        XCTAssertEqual(replacing("hedge: expected,", with: "hedge: expected, directed: false,"), [])
        let model = ModelLoader.load([(name: "m.yaml", data: Data(Self.base.replacingOccurrences(of: "hedge: expected,", with: "hedge: expected, directed: false,").utf8))]).model
        XCTAssertFalse(try XCTUnwrap(model.relation("r3")).isDirected)
        XCTAssertTrue(try XCTUnwrap(model.relation("r2")).isDirected)
        XCTAssertEqual(replacing("hedge: expected,", with: "hedge: expected, directed: no,"),
                       ["m.yaml:12:120: error: 'directed' must be true or false, found 'no'"])
        XCTAssertEqual(replacing("according_to: bakiev,", with: "directed: false, according_to: bakiev,"),
                       ["m.yaml:10:97: error: 'directed' does not apply to a cooperation relation (it belongs to: dispute, incident)"])
    }

    func testTheCorpusCheckWarnsWhenNoCitedParagraphNamesWhomARelationIsAccordingTo() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("relmap-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = """
        Kyrgyzstan and Uzbekistan will cooperate, Bakiev says.
        Kyrgyzstan and Uzbekistan both claim Sokh.
        Western governments will likely frown on Uzbekistan.
        Kyrgyzstan and Uzbekistan will cooperate.
        Nothing.
        """
        try Data(text.utf8).write(to: directory.appendingPathComponent("a.txt"))
        let clean = ModelLoader.load([(name: "m.yaml", data: Data(Self.base.utf8))]).model
        var corpus = Corpus(directory: directory.path)
        XCTAssertEqual(corpus.check(clean).map(\.description), [])
        let moved = Self.base.replacingOccurrences(of: "according_to: bakiev, hedge: stated, evidence: [{source: s1, paragraph: 1}]",
                                                   with: "according_to: bakiev, hedge: stated, evidence: [{source: s1, paragraph: 4}]")
        let model = ModelLoader.load([(name: "m.yaml", data: Data(moved.utf8))]).model
        XCTAssertEqual(corpus.check(model).map(\.description),
                       ["m.yaml:10:101: warning: relation 'r1' is according to 'Kurmanbek Bakiev', whom no paragraph it cites mentions by name or alias"])
    }
}
