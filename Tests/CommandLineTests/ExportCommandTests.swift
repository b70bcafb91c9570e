import Foundation
import ModelSynthesis
import XCTest

/// Pins `relmap export` on the command line: stdout by default, `--out` atomically, nothing for a bad model.
final class ExportCommandTests: XCTestCase {
    func testOutFileHoldsExactlyWhatStdoutGets() throws {
        let scratch = try Scratch()
        let model = try scratch.write("model.yaml", ModelSynthesizer(actors: 30, relations: 60, seed: 3).singleFile())
        let formats = ["json", "csv", "actors-csv", "links-csv", "graphml", "gexf"]
        for format in formats {
            let printed = try Relmap.run(["export", model, "--format", format])
            XCTAssertEqual(printed.status, 0, printed.stderr)
            let written = try Relmap.run(["export", model, "--format", format, "--out", scratch.path("out.\(format)")])
            XCTAssertEqual(written.status, 0, written.stderr)
            XCTAssertEqual(written.stdout, "")
            XCTAssertEqual(try String(contentsOfFile: scratch.path("out.\(format)"), encoding: .utf8), printed.stdout, format)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted(),
                       (["model.yaml"] + formats.map { "out.\($0)" }).sorted(), "no temporary file may be left")
    }

    func testExportIsTheSameBytesEachRun() throws {
        let scratch = try Scratch()
        let model = try scratch.write("model.yaml", ModelSynthesizer(actors: 30, relations: 60, seed: 8).singleFile())
        let first = try Relmap.run(["export", model, "--format", "graphml"])
        let second = try Relmap.run(["export", model, "--format", "graphml"])
        XCTAssertEqual(first.stdout, second.stdout)
        XCTAssertFalse(first.stdout.isEmpty)
    }

    func testBadModelExportsNothingAndExits65() throws {
        let scratch = try Scratch()
        let model = try scratch.write("model.yaml", "actors:\n  - {id: a, name: A, kind: stat}\n")
        let result = try Relmap.run(["export", model, "--format", "json", "--out", scratch.path("out.json")])
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderrLines, ["\(model):2:28: error: unknown kind 'stat'; did you mean 'state'?"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("out.json")))
    }

    func testGraphOptionsOnATableOfRelationsAreAUsageError() throws {
        let result = try Relmap.run(["export", "--format", "csv", "--hubs"])
        XCTAssertEqual(result.status, 64, result.stderr)
        XCTAssertTrue(result.stderr.contains("--hubs and --undirected apply to the graph formats"), result.stderr)
    }

    func testSchemaPrintsTheCommittedSchemasAndRefusesAnythingElse() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for subject in ["model", "export"] {
            let printed = try Relmap.run(["schema", subject])
            XCTAssertEqual(printed.status, 0, printed.stderr)
            let committed = try String(contentsOf: repository.appendingPathComponent("docs/schemas/\(subject).schema.json"), encoding: .utf8)
            XCTAssertEqual(printed.stdout, committed, subject)
        }
        XCTAssertEqual(try Relmap.run(["schema", "site"]).status, 64)
    }

    func testUnknownFormatIsAUsageError() throws {
        let result = try Relmap.run(["export", "--format", "xlsx"])
        XCTAssertEqual(result.status, 64, result.stderr)
    }
}
