import Foundation
import RelationModel
import XCTest

/// Pins what validation once let through: claims on keys a relation does not give, claimed places that are no
/// actor, names two actors share, a byte-order mark, and numbers too large to show.
final class ModelGapTests: XCTestCase {
    static let base = """
    sources:
      - {id: s1, title: T, publisher: P, published: "2006", file: a.txt, paragraphs: 5}
    actors:
      - {id: kgz, name: Kyrgyzstan, kind: state, iso3: KGZ, aliases: [Kyrgyz], location: {lat: 42.87, lon: 74.59}}
      - {id: uzb, name: Uzbekistan, kind: state, iso3: UZB, aliases: [Uzbek], location: {lat: 41.3, lon: 69.24}}
      - {id: osh, name: Osh, kind: place, country: kgz, location: {lat: 40.53, lon: 72.8}}
      - {id: fergana, name: Fergana, kind: place, country: uzb, location: {lat: 40.39, lon: 71.79}}
    relations:
      - id: r1
        type: incident
        participants: [uzb, kgz]
        status: ended
        place: osh
        dead: 2
        summary: S
        evidence: [{source: s1, paragraph: 1}]
        claims:
          - {field: dead, value: "2", evidence: [{source: s1, paragraph: 1}]}
          - {field: place, value: fergana, evidence: [{source: s1, paragraph: 2}]}

    """

    func diagnostics(_ yaml: String) -> [String] {
        diagnostics(Data(yaml.utf8))
    }

    func diagnostics(_ data: Data) -> [String] {
        let loaded = ModelLoader.load([(name: "m.yaml", data: data)])
        return DiagnosticReport(loaded.diagnostics + Validator.validate(loaded.model)).diagnostics.map(\.description)
    }

    func replacing(_ text: String, with replacement: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        XCTAssertTrue(Self.base.contains(text), "the base model has no '\(text)'", file: file, line: line)
        return diagnostics(Self.base.replacingOccurrences(of: text, with: replacement))
    }

    func testTheBaseModelIsClean() {
        XCTAssertEqual(diagnostics(Self.base), [])
    }

    func testAClaimOnAKeyTheRelationDoesNotGiveIsAnErrorAtTheField() {
        XCTAssertEqual(replacing("{field: dead,", with: "{field: deadd,"),
                       ["m.yaml:18:17: error: claim field 'deadd' is not a key of relation 'r1', which gives: status, place, dead; did you mean 'dead'?"])
        XCTAssertEqual(replacing("{field: dead,", with: "{field: injured,"),
                       ["m.yaml:18:17: error: claim field 'injured' is not a key of relation 'r1', which gives: status, place, dead"])
    }

    func testAClaimOnAQuantityNamesItsWhat() {
        let yaml = Self.base
            .replacingOccurrences(of: "type: incident", with: "type: dispute")
            .replacingOccurrences(of: "status: ended", with: "status: ongoing")
            .replacingOccurrences(of: "    dead: 2\n", with: "    quantities: [{value: 600, unit: km, what: disputed border}]\n")
            .replacingOccurrences(of: "{field: dead, value: \"2\"", with: "{field: disputed border, value: \"650 km\"")
        XCTAssertEqual(diagnostics(yaml), [])
    }

    func testAPlaceClaimNamingNoActorIsAnErrorAtTheValue() {
        XCTAssertEqual(replacing("{field: place, value: fergana,", with: "{field: place, value: ferghana,"),
                       ["m.yaml:19:31: error: unknown actor 'ferghana' as claimed place; did you mean 'fergana'?"])
    }

    func testAnAliasThatIsAnotherActorsNameIsAWarningNamingBothPlaces() {
        XCTAssertEqual(replacing("aliases: [Kyrgyz]", with: "aliases: [Kyrgyz, Osh]"),
                       ["m.yaml:4:75: warning: alias 'Osh' of actor 'kgz' is the name of actor 'osh' (at m.yaml:6:21); mentions of it cannot tell the two apart"])
    }

    func testAnAliasThatIsAnotherActorsAliasIsOneWarningAtTheLaterNamingTheEarlier() {
        XCTAssertEqual(replacing("aliases: [Uzbek]", with: "aliases: [Uzbek, kyrgyz]"),
                       ["m.yaml:5:74: warning: alias 'kyrgyz' of actor 'uzb' is also an alias of actor 'kgz' (at m.yaml:4:67); mentions of it cannot tell the two apart"])
    }

    func testAByteOrderMarkIsAcceptedAndColumnsCountWithoutIt() {
        let marked = Data([0xEF, 0xBB, 0xBF]) + Data(Self.base.utf8)
        XCTAssertEqual(diagnostics(marked), [])
        let broken = Data([0xEF, 0xBB, 0xBF]) + Data("actors:\n  - {id: a, name: A, kind: stat}\n".utf8)
        XCTAssertEqual(diagnostics(broken), ["m.yaml:2:28: error: unknown kind 'stat'; did you mean 'state'?"])
        let first = Data([0xEF, 0xBB, 0xBF]) + Data("actor: []\n".utf8)
        XCTAssertEqual(diagnostics(first), ["m.yaml:1:1: error: unknown key 'actor' in a model file; did you mean 'actors'?",
                                            "m.yaml:1:1: error: a model file needs at least one of 'sources', 'actors' or 'relations'"].sorted())
    }

    func testAQuantityTooLargeToShowIsAnErrorAtTheValue() {
        let yaml = Self.base
            .replacingOccurrences(of: "type: incident", with: "type: dispute")
            .replacingOccurrences(of: "status: ended", with: "status: ongoing")
            .replacingOccurrences(of: "    dead: 2\n", with: "    quantities: [{value: 1e20, unit: km, what: border}]\n")
            .replacingOccurrences(of: "{field: dead, value: \"2\",", with: "{field: place, value: osh,")
        XCTAssertEqual(diagnostics(yaml), ["m.yaml:14:26: error: 'value' 1e20 is too large to show: numbers must lie between -10^15 and 10^15"])
        for shown in ["999999999999999", "-999999999999999.9", "0.000001", "1e-300"] {
            XCTAssertEqual(diagnostics(yaml.replacingOccurrences(of: "1e20", with: shown)), [], shown)
        }
    }

    func testACountTooLargeToShowIsAnErrorAtTheValue() {
        XCTAssertEqual(replacing("dead: 2\n", with: "dead: 9223372036854775807\n"),
                       ["m.yaml:14:11: error: 'dead' 9223372036854775807 is too large to show: whole numbers go up to 999999999999999"])
        XCTAssertEqual(replacing("dead: 2\n", with: "dead: 999999999999999\n"), [])
    }
}
