import Foundation
import RelationModel
import XCTest

/// Pins each kind of model error `relmap validate` must report, with its exact file:line:column.
final class ValidationPositionTests: XCTestCase {
    /// A valid model, `m.yaml`: the cases below add one mistake each, in a second file `n.yaml` or as a relation
    /// on line 9 of `m.yaml`.
    static let base = """
    sources:
      - {id: s1, title: T, publisher: P, published: "2006", file: a.txt, paragraphs: 5}
    actors:
      - {id: kgz, name: Kyrgyzstan, kind: state, iso3: KGZ, location: {lat: 42.87, lon: 74.59}}
      - {id: uzb, name: Uzbekistan, kind: state, iso3: UZB, location: {lat: 41.3, lon: 69.24}}
      - {id: sco, name: SCO, kind: organization}
      - {id: manas, name: Manas, kind: facility, country: kgz, location: {lat: 43.06, lon: 74.48}}
    relations:
      - {id: base, type: alliance, participants: [kgz, uzb], status: agreed, summary: S, evidence: [{source: s1, paragraph: 1}]}

    """

    func diagnostics(_ yaml: String, file: String = "m.yaml") -> [String] {
        diagnostics([(file, yaml)])
    }

    func diagnostics(_ files: [(String, String)]) -> [String] {
        let loaded = ModelLoader.load(files.map { (name: $0.0, data: Data($0.1.utf8)) })
        return DiagnosticReport(loaded.diagnostics + Validator.validate(loaded.model)).diagnostics.map(\.description)
    }

    /// The base model and a second file.
    func withFile(_ yaml: String) -> [String] {
        diagnostics([("m.yaml", Self.base), ("n.yaml", yaml)])
    }

    /// The base model with more relations appended.
    func withRelations(_ lines: String) -> [String] {
        diagnostics(Self.base.replacingOccurrences(of: "relations:\n", with: "relations:\n" + lines + "\n"))
    }

    func testTheBaseModelIsClean() {
        XCTAssertEqual(diagnostics(Self.base), [])
    }

    func testYAMLSyntaxErrorIsReportedWhereTheParserStopped() {
        XCTAssertEqual(diagnostics("actors:\n  - {id: a, name: \"open\n"),
                       ["m.yaml:3:1: error: YAML syntax error: while scanning a quoted scalar, found unexpected end of stream"])
    }

    func testUnknownKeyInARelationSuggestsTheNearestKey() {
        XCTAssertEqual(withRelations("  - {id: r, type: alliance, participants: [kgz, uzb], staus: agreed, status: agreed, summary: S, evidence: [{source: s1, paragraph: 1}]}"),
                       ["m.yaml:9:55: error: unknown key 'staus' in a relation; did you mean 'status'?"])
    }

    func testMissingRequiredFieldIsReportedAtItsMapping() {
        XCTAssertEqual(withRelations("  - {id: r, type: alliance, participants: [kgz, uzb], status: agreed, evidence: [{source: s1, paragraph: 1}]}"),
                       ["m.yaml:9:5: error: a relation is missing required key 'summary'"])
    }

    func testMistypedFieldsAreReportedAtTheValue() {
        XCTAssertEqual(withRelations("  - {id: r, type: alliance, participants: kgz, status: agreed, summary: [S], evidence: [{source: s1, paragraph: one}]}"),
                       ["m.yaml:9:43: error: 'participants' must be a list, found text",
                        "m.yaml:9:73: error: 'summary' must be text, found a list",
                        "m.yaml:9:113: error: 'paragraph' must be a whole number of at least 0, found 'one'"])
    }

    func testDuplicateSourceAndRelationIdsPointAtTheSecondDefinition() {
        XCTAssertEqual(withFile("""
        sources:
          - {id: s1, title: T, publisher: P, published: "2007", file: b.txt}
        relations:
          - {id: base, type: alliance, participants: [uzb, kgz], status: agreed, summary: S, evidence: [{source: s1, paragraph: 1}]}
        """), [
            "n.yaml:2:5: error: duplicate source id 's1' (first defined at m.yaml:2:5)",
            "n.yaml:4:5: error: duplicate relation id 'base' (first defined at m.yaml:9:5)",
        ])
    }

    func testUnknownActorsAndSourcesAreReportedAtTheReference() {
        XCTAssertEqual(withRelations("""
          - id: r
            type: base-deployment
            participants: [kgz, uzb]
            facility: manaz
            status: ongoing
            summary: S
            evidence: [{source: s2, paragraph: 1}]
        """), [
            "m.yaml:12:15: error: unknown actor 'manaz' as facility; did you mean 'manas'?",
            "m.yaml:15:25: error: unknown source 's2'; did you mean 's1'?",
        ])
    }

    func testUnknownCountryIsReportedAtTheCountryValue() {
        XCTAssertEqual(withFile("actors:\n  - {id: akaev, name: Askar Akaev, kind: person, country: kgzz}\n"),
                       ["n.yaml:2:59: error: unknown actor 'kgzz' as country; did you mean 'kgz'?"])
    }

    func testUnknownTypeAndStatusAreReportedAtTheValue() {
        XCTAssertEqual(withRelations("  - {id: r, type: aliance, participants: [kgz, uzb], status: finished, summary: S, evidence: [{source: s1, paragraph: 1}]}"), [
            "m.yaml:9:19: error: unknown type 'aliance'; did you mean 'alliance'?",
            "m.yaml:9:62: error: unknown status 'finished' (expected one of: \(RelationStatus.allCases.map(\.rawValue).joined(separator: ", ")))",
        ])
    }

    func testImpossibleAndMalformedDatesAreReportedAtTheValue() {
        XCTAssertEqual(withRelations("  - {id: r, type: alliance, participants: [kgz, uzb], start: \"2006-02-29\", end: 2006/07, status: agreed, summary: S, evidence: [{source: s1, paragraph: 1}]}"), [
            "m.yaml:9:62: error: 'start' is not a real date in the form YYYY, YYYY-MM or YYYY-MM-DD: '2006-02-29'",
            "m.yaml:9:81: error: 'end' is not a real date in the form YYYY, YYYY-MM or YYYY-MM-DD: '2006/07'",
        ])
    }

    func testLeapDayAndOverlappingPrecisionsAreAccepted() {
        XCTAssertEqual(withRelations("  - {id: r, type: alliance, participants: [kgz, uzb], start: \"2008-02-29\", end: \"2008-02\", status: ended, summary: S, evidence: [{source: s1, paragraph: 1}]}"), [])
    }

    func testEndBeforeStartIsReportedAtTheEnd() {
        XCTAssertEqual(withRelations("  - {id: r, type: alliance, participants: [kgz, uzb], start: \"2006-05-10\", end: \"2006-04\", status: ended, summary: S, evidence: [{source: s1, paragraph: 1}]}"),
                       ["m.yaml:9:81: error: 'end' 2006-04 is before 'start' 2006-05-10"])
    }

    func testCoordinatesOutOfRangeAreReportedAtTheNumber() {
        let yaml = "actors:\n  - {id: pole, name: Pole, kind: place, location: {lat: -90.5, lon: 180}}\n  - {id: east, name: East, kind: place, location: {lat: 0, lon: 180.01}}\n"
        XCTAssertEqual(withFile(yaml).filter { $0.contains("error:") }, [
            "n.yaml:2:57: error: latitude -90.5 is out of range (-90 to 90)",
            "n.yaml:3:65: error: longitude 180.01 is out of range (-180 to 180)",
        ])
    }

    func testIdsThatAreNotSafeSlugsAreReportedAtTheId() {
        let long = String(repeating: "a", count: 65)
        let yaml = "actors:\n  - {id: Kazakhstan, name: K, kind: organization}\n  - {id: ab_c, name: K, kind: organization}\n  - {id: -ab, name: K, kind: organization}\n  - {id: \(long), name: K, kind: organization}\n"
        let lines = withFile(yaml)
        XCTAssertEqual(lines.count, 4, "\(lines)")
        for (index, line) in lines.enumerated() {
            XCTAssertTrue(line.hasPrefix("n.yaml:\(2 + index):10: error: 'id' '"), line)
            XCTAssertTrue(line.hasSuffix("is not a safe id (lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters)"), line)
        }
    }

    func testEvidenceBeyondTheSourcesParagraphsIsReportedAtTheParagraph() {
        XCTAssertEqual(withRelations("  - {id: r, type: alliance, participants: [kgz, uzb], status: agreed, summary: S, evidence: [{source: s1, paragraph: 6}]}"),
                       ["m.yaml:9:118: error: paragraph 6 does not exist: source 's1' has 5 paragraphs"])
    }

    func testDuplicateKeyIsReportedAtItsRepeatInFlowAndBlockMappings() {
        XCTAssertEqual(withFile("actors:\n  - {id: x, name: X, kind: state, name: Y}\n"),
                       ["n.yaml:2:35: error: duplicate key 'name' in a mapping (first at n.yaml:2:13)"])
        XCTAssertEqual(withFile("actors:\n  - id: x\n    name: X\n    aliases: [a, {name: b}]\n    kind: state\n    \"name\": Y\n"),
                       ["n.yaml:6:5: error: duplicate key 'name' in a mapping (first at n.yaml:3:5)"])
        XCTAssertEqual(withFile("actors: []\nsources: []\nactors: []\n"),
                       ["n.yaml:3:1: error: duplicate key 'actors' in a mapping (first at n.yaml:1:1)"])
    }

    func testAmpersandsAsterisksAndApostrophesInsideTextAreNotAnchorsAliasesOrQuotes() {
        let names = ["AT&T", "Procter & Gamble", "5*3", "O'Hara & co", "Yes!", "Rock 'n' roll *live*"]
        let yaml = "actors:\n" + names.enumerated().map { "  - {id: o\($0.offset), name: \($0.element), kind: organization}\n" }.joined()
        XCTAssertEqual(withFile(yaml), [])
        XCTAssertEqual(withFile("actors:\n  - {id: x, name: \"say \\\"hi\\\" & *bye*\", kind: organization}\n"), [])
    }

    func testAnchorsAliasesAndTagsAreRejectedWhereverANodeBegins() {
        let cases = [
            ("actors:\n  - {id: x, name: *a, kind: organization}\n", "n.yaml:2:19: error: an alias"),
            ("actors:\n  - &a {id: x, name: a, kind: organization}\n", "n.yaml:2:5: error: an anchor"),
            ("actors: [*a]\n", "n.yaml:1:10: error: an alias"),
            ("actors:\t*a\n", "n.yaml:1:9: error: an alias"),
            ("actors: !!seq []\n", "n.yaml:1:9: error: a tag"),
            ("actors:\n  - id: x\n    name:\n      &a X\n", "n.yaml:4:7: error: an anchor"),
        ]
        for (yaml, expected) in cases {
            let lines = withFile(yaml)
            XCTAssertEqual(lines.count, 1, yaml)
            XCTAssertTrue(lines.first?.hasPrefix(expected) ?? false, "\(yaml): \(lines)")
        }
    }

    func testEveryProblemIsReportedNotJustTheFirst() {
        let lines = withFile("""
        actors:
          - {id: x, name: X, kind: stat}
          - {id: y, nmae: Y, kind: person}
        relations:
          - {id: r, type: alliance, participants: [kgz, nobody], status: agreed, summary: S, evidence: [{source: s1, paragraph: 9}]}
        """)
        XCTAssertEqual(lines, [
            "n.yaml:2:28: error: unknown kind 'stat'; did you mean 'state'?",
            "n.yaml:3:5: error: an actor is missing required key 'name'",
            "n.yaml:3:13: error: unknown key 'nmae' in an actor; did you mean 'name'?",
            "n.yaml:5:49: error: unknown actor 'nobody' as participant",
            "n.yaml:5:121: error: paragraph 9 does not exist: source 's1' has 5 paragraphs",
        ])
    }
}
