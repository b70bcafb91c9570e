import Foundation
import RelationModel
import XCTest

/// Pins the located diagnostics the loader gives for bad model files.
final class LoaderDiagnosticsTests: XCTestCase {
    func diagnostics(_ yaml: String, file: String = "m.yaml") -> [String] {
        let loaded = ModelLoader.load([(name: file, data: Data(yaml.utf8))])
        return DiagnosticReport(loaded.diagnostics + Validator.validate(loaded.model)).diagnostics.map(\.description)
    }

    func testFilesParsedOnSeveralThreadsGiveTheModelAndDiagnosticsInFileOrder() {
        let files = (0..<9).map { index in
            (name: "f\(index).yaml", data: Data("""
            actors:
              - {id: a\(index), name: A\(index), kind: state}
              - {id: b\(index), name: B\(index), kind: stat}
            relations:
              - {id: r\(index), type: meeting, participants: [a\(index), b\(index)], status: ended, summary: S, evidence: []}
            """.utf8))
        }
        let serial = ModelLoader.load(files, processors: 1)
        for processors in [2, 4, 9] {
            let parallel = ModelLoader.load(files, processors: processors)
            XCTAssertEqual(parallel.diagnostics, serial.diagnostics, "\(processors)")
            XCTAssertEqual(parallel.model.actors.map(\.id), serial.model.actors.map(\.id))
            XCTAssertEqual(parallel.model.relations.map(\.id), serial.model.relations.map(\.id))
        }
        XCTAssertEqual(serial.model.actors.map(\.id).filter { $0.hasPrefix("a") }, (0..<9).map { "a\($0)" })
        let diagnosedFiles = serial.diagnostics.map(\.location.file)
        XCTAssertEqual(diagnosedFiles, diagnosedFiles.sorted())
        XCTAssertEqual(Set(diagnosedFiles), Set(files.map(\.name)))
    }

    func testAControlCharacterInATextIsAnErrorAtTheValue() {
        let yaml = """
            actors:
              - {id: a, name: A, kind: state}
              - {id: b, name: "B\\x02 2\\x02", kind: state}
            relations:
              - {id: r, type: meeting, participants: [a, b], status: ended, summary: "Tab\\tand line\\nbreaks are text", evidence: []}
            """
        XCTAssertEqual(diagnostics(yaml).filter { $0.contains("control") }, ["m.yaml:3:19: error: 'name' contains the control character U+0002"])
    }

    func testUnknownKeyIsReportedAtTheKeyWithASuggestion() {
        let yaml = """
        actors:
          - id: kyrgyzstan
            nmae: Kyrgyzstan
            name: Kyrgyzstan
            kind: state
        """
        XCTAssertTrue(diagnostics(yaml).contains("m.yaml:3:5: error: unknown key 'nmae' in an actor; did you mean 'name'?"))
    }

    func testUnknownEnumValueSuggestsTheNearestName() {
        let yaml = "actors:\n  - {id: a, name: A, kind: stat}\n"
        XCTAssertEqual(diagnostics(yaml), ["m.yaml:2:28: error: unknown kind 'stat'; did you mean 'state'?"])
    }

    func testImpossibleDateIsAnErrorAtTheValue() {
        let yaml = "sources:\n  - {id: s, title: T, publisher: P, published: \"2006-02-30\", file: a.txt}\n"
        XCTAssertEqual(diagnostics(yaml), ["m.yaml:2:48: error: 'published' is not a real date in the form YYYY, YYYY-MM or YYYY-MM-DD: '2006-02-30'"])
    }

    func testYAMLSyntaxErrorIsLocated() {
        let lines = diagnostics("actors:\n  - id: a\n   name: [x\n")
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(lines[0].hasPrefix("m.yaml:3:"), lines[0])
        XCTAssertTrue(lines[0].contains("error: YAML syntax error"), lines[0])
    }

    func testAnchorsAndAliasesAreRejectedBeforeExpansion() {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...9 {
            yaml += "\(Character(UnicodeScalar(97 + level)!)): &\(Character(UnicodeScalar(97 + level)!)) [" + Array(repeating: "*\(Character(UnicodeScalar(96 + level)!))", count: 9).joined(separator: ",") + "]\n"
        }
        XCTAssertEqual(diagnostics(yaml), ["m.yaml:1:4: error: an anchor is not allowed: a relation model is plain data without anchors, aliases or tags"])
    }

    func testAnAliasIsLocatedByCharactersNotBytesAndAmpersandsInTextOrQuotesAreText() {
        let yaml = "actors:\n- {id: ö, note: \"AT&T *\", name: O'Hara & co, kind: *x}\n"
        XCTAssertEqual(diagnostics(yaml), ["m.yaml:2:52: error: an alias is not allowed: a relation model is plain data without anchors, aliases or tags"])
    }

    func testDeepNestingIsRejectedWithoutRecursion() {
        let yaml = "actors: " + String(repeating: "[", count: 100_000)
        XCTAssertEqual(diagnostics(yaml), ["m.yaml:1:41: error: lists and mappings nest deeper than 32 levels"])
    }

    func testInvalidUTF8IsLocatedAtTheFirstBadByte() {
        var data = Data("actors:\n  - id: a\n    name: ".utf8)
        data += [0xC3, 0x28]
        let loaded = ModelLoader.load([(name: "m.yaml", data: data)])
        XCTAssertEqual(loaded.diagnostics.map(\.description), ["m.yaml:3:11: error: the file is not valid UTF-8 text"])
    }

    func testEmptyFileIsAnError() {
        XCTAssertEqual(diagnostics(""), ["m.yaml:1:1: error: the file is empty; expected a mapping with sources, actors or relations"])
    }

    func testEndBeforeStartIsAnError() {
        let yaml = """
        relations:
          - id: r
            type: alliance
            participants: [a, b]
            status: ended
            start: "2006"
            end: "2005-12"
            summary: S
            evidence: [{source: s, paragraph: 1}]
        """
        XCTAssertTrue(diagnostics(yaml).contains("m.yaml:7:10: error: 'end' 2005-12 is before 'start' 2006"))
    }

    func testDuplicateIdsNameTheFirstDefinition() {
        let yaml = "actors:\n  - {id: a, name: A, kind: organization}\n  - {id: a, name: B, kind: organization}\n"
        XCTAssertEqual(diagnostics(yaml), ["m.yaml:3:5: error: duplicate actor id 'a' (first defined at m.yaml:2:5)"])
    }

    func testIdsThatEscapeTheOutputFolderAreRejected() {
        for id in ["../../etc/passwd", "/etc/passwd", "a\\u0000b"] {
            let yaml = "actors:\n  - {id: \"\(id)\", name: A, kind: organization}\n"
            XCTAssertEqual(diagnostics(yaml).count, 1, id)
            XCTAssertTrue(diagnostics(yaml)[0].hasPrefix("m.yaml:2:"), id)
        }
    }
}

/// Pins that reference errors point at the reference itself, not at the start of its relation.
final class ReferencePositionTests: XCTestCase {
    func testUnknownParticipantIsReportedAtItsListItem() {
        let yaml = """
        actors:
          - {id: kyrgyzstan, name: Kyrgyzstan, kind: state, iso3: KGZ, location: {lat: 42.87, lon: 74.59}}
        sources:
          - {id: s, title: T, publisher: P, published: "2006", file: a.txt}
        relations:
          - id: r
            type: cooperation
            participants: [kyrgyzstan, uzbekistn]
            status: agreed
            summary: S
            evidence: [{source: s, paragraph: 1}]
        """
        let loaded = ModelLoader.load([(name: "m.yaml", data: Data(yaml.utf8))])
        let lines = DiagnosticReport(loaded.diagnostics + Validator.validate(loaded.model)).diagnostics.map(\.description)
        XCTAssertEqual(lines, ["m.yaml:8:32: error: unknown actor 'uzbekistn' as participant"])
    }
}
