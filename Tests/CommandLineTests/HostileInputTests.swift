import Foundation
import ModelSynthesis
import XCTest

/// Bad models: each must give located one-line errors (file:line:column) and exit 65, without crashing or
/// hanging, and `relmap build` must leave an existing output folder untouched.
final class HostileInputTests: XCTestCase {
    /// A diagnostic line: `file:line:column: error|warning: message`.
    static let diagnosticLine = try! NSRegularExpression(pattern: #"^.+:[0-9]+:[0-9]+: (error|warning): [^\n]+$"#)

    /// Checks one bad model file with `validate` and, when it is available, with `build`.
    func assertRejected(_ contents: Data, expecting message: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let scratch = try Scratch()
        let model = try scratch.write("model.yaml", contents)
        let result = try Relmap.run(["validate", model])
        XCTAssertFalse(result.timedOut, "validate hung", file: file, line: line)
        XCTAssertFalse(result.crashed, "validate crashed: \(result.stderr.suffix(500))", file: file, line: line)
        XCTAssertEqual(result.status, 65, result.stderr, file: file, line: line)
        let lines = result.stderrLines
        XCTAssertGreaterThanOrEqual(lines.count, 2, result.stderr, file: file, line: line)
        for diagnostic in lines.dropLast() {
            XCTAssertTrue(diagnostic.hasPrefix(model + ":"), diagnostic, file: file, line: line)
            XCTAssertTrue(Self.isDiagnostic(diagnostic), diagnostic, file: file, line: line)
            XCTAssertLessThan(diagnostic.count, 600, "a diagnostic should be one short line", file: file, line: line)
        }
        XCTAssertTrue(lines.contains { $0.contains(": error: ") }, result.stderr, file: file, line: line)
        if let message {
            XCTAssertTrue(result.stderr.contains(message), "expected '\(message)' in:\n\(result.stderr)", file: file, line: line)
        }
        try assertBuildLeavesOutputUntouched(model: model, scratch: scratch, file: file, line: line)
    }

    static func isDiagnostic(_ line: String) -> Bool {
        diagnosticLine.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }

    func assertBuildLeavesOutputUntouched(model: String, scratch: Scratch, file: StaticString, line: UInt) throws {
        guard try Self.buildIsAvailable() else { return }
        let output = scratch.path("output")
        try scratch.write("output/marker.txt", "an earlier site\n")
        try scratch.write("output/index.html", "<p>old</p>\n")
        try scratch.write("output/.relmap-site", "written by relmap\n")
        let before = try DirectorySnapshot(output)
        let result = try Relmap.run(["build", model, "--out", output, "--quiet"])
        XCTAssertFalse(result.timedOut, "build hung", file: file, line: line)
        XCTAssertFalse(result.crashed, "build crashed", file: file, line: line)
        XCTAssertEqual(result.status, 65, result.stderr, file: file, line: line)
        XCTAssertEqual(try DirectorySnapshot(output), before, "build changed the output folder", file: file, line: line)
    }

    static func buildIsAvailable() throws -> Bool {
        try buildAvailability.get()
    }

    /// Asked of the binary once for every test.
    static let buildAvailability = Result { try Relmap.hasSubcommand("build") }

    func testEmptyFile() throws {
        try assertRejected(Data(), expecting: "model.yaml:1:1: error: the file is empty")
    }

    func testBinaryGarbage() throws {
        var generator = SplitMix64(seed: 99)
        let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        try assertRejected(Data(bytes))
    }

    func testNULBytes() throws {
        try assertRejected(Data("actors:\n  - {id: a\0b, name: A, kind: state}\n".utf8), expecting: "model.yaml:2:11: error: the file contains a NUL byte")
    }

    func testInvalidUTF8() throws {
        try assertRejected(Data("actors:\n  - name: ".utf8) + Data([0xFF, 0xFE, 0x41]), expecting: "model.yaml:2:11: error: the file is not valid UTF-8 text")
    }

    func testYAMLSyntaxErrors() throws {
        for text in ["actors:\n  - {id: a, name: \"open\n", "actors: [a, b\n", "actors:\n  - id: a\n   name: b\n  kind: c\n", "actors:\n\t- id: a\n", "a: b: c\n", "}\n"] {
            try assertRejected(Data(text.utf8), expecting: "error: YAML syntax error")
        }
    }

    func testBillionLaughs() throws {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let letters = Array("abcdefghij")
        for level in 1...9 {
            yaml += "\(letters[level]): &\(letters[level]) [" + Array(repeating: "*\(letters[level - 1])", count: 9).joined(separator: ",") + "]\n"
        }
        try assertRejected(Data(yaml.utf8), expecting: "model.yaml:1:4: error: an anchor is not allowed")
    }

    func testFiftyMegabyteString() throws {
        let yaml = "actors:\n  - {id: a, kind: state, name: \"" + String(repeating: "x", count: 50 << 20) + "\"}\n"
        try assertRejected(Data(yaml.utf8), expecting: "model.yaml:1:1: error: the file is larger than 16 MiB")
    }

    func testOverlongFieldWithinTheFileLimit() throws {
        let yaml = "actors:\n  - {id: a, kind: state, name: \"" + String(repeating: "x", count: 1 << 20) + "\"}\n"
        try assertRejected(Data(yaml.utf8), expecting: "model.yaml:2:32: error: 'name' is longer than 10000 characters")
    }

    func testDeepFlowNesting() throws {
        try assertRejected(Data(("actors: " + String(repeating: "[", count: 200_000)).utf8), expecting: "lists and mappings nest deeper than")
    }

    func testDeepBlockNesting() throws {
        var yaml = "actors:\n"
        for depth in 0..<2_000 {
            yaml += String(repeating: " ", count: depth * 2) + "- \n"
        }
        try assertRejected(Data(yaml.utf8), expecting: "lists and mappings nest deeper than")
    }

    func testWrongTypesEverywhere() throws {
        let yaml = """
        sources: a source
        actors: {id: a}
        relations:
          - 1
          - [x]
          - {id: [r], type: {a: b}, participants: x, start: [2006], status: 3, summary: {}, evidence: x}
        """
        try assertRejected(Data(yaml.utf8), expecting: "model.yaml:1:10: error: 'sources' must be a list, found text")
    }

    func testTopLevelListOrScalar() throws {
        try assertRejected(Data("- a\n- b\n".utf8), expecting: "model.yaml:1:1: error: a model file must be a mapping, found a list")
        try assertRejected(Data("just text\n".utf8), expecting: "model.yaml:1:1: error: a model file must be a mapping, found text")
    }

    func testDuplicateIds() throws {
        let yaml = "actors:\n  - {id: a, name: A, kind: organization}\n  - {id: a, name: B, kind: organization}\n"
        try assertRejected(Data(yaml.utf8), expecting: "model.yaml:3:5: error: duplicate actor id 'a'")
    }

    func testDanglingReferences() throws {
        let yaml = """
        actors:
          - {id: a, name: A, kind: organization, country: nowhere}
        relations:
          - {id: r, type: meeting, participants: [a, ghost], place: atlantis, status: ended, summary: S, evidence: [{source: nope, paragraph: 1}]}
        """
        try assertRejected(Data(yaml.utf8), expecting: "unknown actor 'ghost' as participant")
    }

    func testImpossibleDates() throws {
        let yaml = """
        sources:
          - {id: s, title: T, publisher: P, published: "2006-02-29", file: a.txt}
          - {id: t, title: T, publisher: P, published: "0000", file: a.txt}
          - {id: u, title: T, publisher: P, published: "2006-00", file: a.txt}
          - {id: v, title: T, publisher: P, published: "99999999999999999999", file: a.txt}
        """
        try assertRejected(Data(yaml.utf8), expecting: "model.yaml:2:48: error: 'published' is not a real date")
    }

    func testIdsThatTryToEscapeTheOutputFolder() throws {
        for id in ["../../etc/passwd", "/etc/passwd", "a\\0b", "..", "CON", "a/b", "~root"] {
            let yaml = "actors:\n  - {id: \"\(id)\", name: A, kind: organization}\n"
            try assertRejected(Data(yaml.utf8), expecting: "model.yaml:2:10: error: 'id'")
        }
    }

    /// A quantity of 1e20 once passed `validate` and then crashed `relmap dot disputes` and `relmap build`.
    func testANumberTooLargeToShowIsRejected() throws {
        try assertRejected(Data(Self.numbersModel(quantity: "1e20").utf8),
                           expecting: "model.yaml:9:27: error: 'value' 1e20 is too large to show")
    }

    /// The largest numbers a valid model may hold are drawn and exported without a crash.
    func testTheLargestNumbersAValidModelMayHoldAreDrawnAndExported() throws {
        for quantity in ["999999999999999", "-999999999999999.9", "1e-300"] {
            let scratch = try Scratch()
            let model = try scratch.write("model.yaml", Data(Self.numbersModel(quantity: quantity).utf8))
            var commands = [["validate", model], ["dot", "disputes", model], ["dot", "deployments", model], ["dot", "overview", model]]
            commands += ["json", "csv", "graphml"].map { ["export", model, "--format", $0] }
            for arguments in commands {
                let result = try Relmap.run(arguments)
                XCTAssertFalse(result.crashed, "\(arguments) crashed with \(quantity): \(result.stderr.suffix(500))")
                XCTAssertEqual(result.status, 0, "\(arguments) with \(quantity): \(result.stderr)")
            }
        }
    }

    static func numbersModel(quantity: String) -> String {
        """
        sources:
          - {id: s, title: T, publisher: P, published: "2006", file: a.txt}
        actors:
          - {id: a, name: A, kind: state, iso3: AAA, location: {lat: 1, lon: 1}}
          - {id: b, name: B, kind: state, iso3: BBB, location: {lat: 2, lon: 2}}
          - {id: f, name: F, kind: facility, country: b, location: {lat: 2, lon: 3}}
        relations:
          - {id: d, type: dispute, participants: [a, b], status: ongoing, subject: border, summary: S, evidence: [{source: s, paragraph: 999999999999999}],
             quantities: [{value: \(quantity), unit: km, what: border}]}
          - {id: i, type: incident, participants: [a, b], start: "2006", status: ended, dead: 999999999999999, injured: 999999999999999, summary: S, evidence: [{source: s, paragraph: 1}]}
          - {id: p, type: base-deployment, participants: [a, b], facility: f, personnel: 999999999999999, status: ongoing, summary: S, evidence: [{source: s, paragraph: 1}]}
        """
    }

    func testCorpusFileThatIsAPathIsRejected() throws {
        let yaml = "sources:\n  - {id: s, title: T, publisher: P, published: \"2006\", file: ../../etc/passwd}\n"
        try assertRejected(Data(yaml.utf8), expecting: "model.yaml:2:62: error: 'file' must be a plain file name")
    }
}

/// Every file below a folder with its bytes, to compare a folder before and after a command.
struct DirectorySnapshot: Equatable {
    var files: [String: Data]

    init(_ path: String) throws {
        files = [:]
        let root = URL(fileURLWithPath: path)
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = root.appendingPathComponent(relative).path
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
            files[relative] = isDirectory.boolValue ? Data("<dir>".utf8) : try Data(contentsOf: URL(fileURLWithPath: full))
        }
    }
}
