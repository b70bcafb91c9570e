import Foundation
import ModelSynthesis
import XCTest

/// `relmap build --focus-formats` chooses the actor diagrams' files; a bad list is a usage error. A rebuild with
/// nothing changed leaves the site alone; a site edited by hand is rebuilt.
final class BuildOptionsTests: XCTestCase {
    var scratch: Scratch!

    override func setUpWithError() throws {
        try XCTSkipUnless(try Relmap.hasSubcommand("build"), "relmap build not available yet")
        scratch = try makeScratch()
        for file in ModelSynthesizer(actors: 12, relations: 20, seed: 3).files() {
            try scratch.write("model/\(file.name)", file.text)
        }
    }

    func diagramExtensions(in site: String, prefix: String) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: "\(site)/diagrams")
            .filter { $0.hasPrefix(prefix) }.map { ($0 as NSString).pathExtension })
    }

    func testActorDiagramsGetSVGAndDOTByDefaultAndEveryFormatWhenAsked() throws {
        let plain = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("plain"), "--quiet"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertEqual(try diagramExtensions(in: scratch.path("plain"), prefix: "focus-"), ["svg", "dot"])
        let all = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("all"), "--quiet",
                                  "--focus-formats", "svg,png,pdf,dot"])
        XCTAssertEqual(all.status, 0, all.stderr)
        XCTAssertEqual(try diagramExtensions(in: scratch.path("all"), prefix: "focus-"), ["svg", "png", "pdf", "dot"])
    }

    func testTimingsGiveGraphvizSecondsForDiagramsDrawnAndNoneWhenEverythingIsKept() throws {
        func timings(_ result: Relmap.Result) throws -> [String: Double] {
            let line = try XCTUnwrap(result.stderr.split(separator: "\n").last, result.stderr)
            return try JSONDecoder().decode([String: Double].self, from: Data(line.utf8))
        }
        let arguments = ["build", scratch.path("model"), "--out", scratch.path("timed"), "--quiet", "--timings"]
        let first = try Relmap.run(arguments, timeout: 300)
        XCTAssertEqual(first.status, 0, first.stderr)
        let drawn = try timings(first)
        XCTAssertGreaterThan(try XCTUnwrap(drawn["graphviz_seconds"]), 0)
        XCTAssertGreaterThan(try XCTUnwrap(drawn["wall_seconds"]), try XCTUnwrap(drawn["graphviz_seconds"]) / 2)
        let again = try Relmap.run(arguments, timeout: 300)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try timings(again)["graphviz_seconds"], 0)
    }

    func testTwoBuildsWithFreshCachesInTwoWorkersGiveTheSameBytesExceptPNGAndPDF() throws {
        var snapshots: [[String: Data]] = []
        for name in ["first", "second"] {
            let result = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("\(name)/site"), "--quiet",
                                         "--jobs", "2", "--focus-formats", "svg,png,dot"], timeout: 300)
            XCTAssertEqual(result.status, 0, result.stderr)
            snapshots.append(try DirectorySnapshot(scratch.path("\(name)/site")).files.filter { !$0.key.hasSuffix(".pdf") && !$0.key.hasSuffix(".png") })
        }
        XCTAssertGreaterThan(snapshots[0].keys.filter { $0.hasSuffix(".svg") }.count, 12)
        XCTAssertEqual(snapshots[0].keys.sorted(), snapshots[1].keys.sorted())
        for (path, data) in snapshots[0] where snapshots[1][path] != data {
            XCTFail("\(path) differs between two builds")
        }
    }

    func testARebuildAfterOneEditKeepsUnchangedPagesAndEqualsABuildFromScratch() throws {
        let first = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("kept/site"), "--quiet"], timeout: 300)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path("kept/.relmap-cache/pages.json")))
        let relations = scratch.path("model/relations.yaml")
        let text = try String(contentsOfFile: relations, encoding: .utf8)
        var start = try XCTUnwrap(text.range(of: "    summary: ")).upperBound
        if "\"'".contains(text[start]) { start = text.index(after: start) }
        try (text[..<start] + "Edited. " + text[start...]).write(toFile: relations, atomically: true, encoding: .utf8)
        for name in ["kept", "scratch"] {
            let result = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("\(name)/site"), "--quiet"], timeout: 300)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let kept = try DirectorySnapshot(scratch.path("kept/site")).files.filter { !$0.key.hasSuffix(".pdf") && !$0.key.hasSuffix(".png") }
        let fresh = try DirectorySnapshot(scratch.path("scratch/site")).files.filter { !$0.key.hasSuffix(".pdf") && !$0.key.hasSuffix(".png") }
        XCTAssertEqual(kept.keys.sorted(), fresh.keys.sorted())
        for (path, data) in kept where fresh[path] != data {
            XCTFail("\(path) differs from a build from scratch")
        }
        XCTAssertTrue(kept.values.contains { String(decoding: $0, as: UTF8.self).contains("Edited. ") })
    }

    func testFocusFormatsWithoutSVGOrWithAnUnknownFormatAreUsageErrors() throws {
        for list in ["png,dot", "svg,gif"] {
            let result = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("site"), "--quiet", "--focus-formats", list])
            XCTAssertEqual(result.status, 64, list + ": " + result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("site")), list)
        }
    }

    func testARebuildWithNothingChangedLeavesTheSiteAloneAndAHandEditedSiteIsRebuilt() throws {
        let site = scratch.path("site")
        let build = ["build", scratch.path("model"), "--out", site]
        XCTAssertEqual(try Relmap.run(build + ["--quiet"]).status, 0)
        let index = "\(site)/index.html"
        let original = try String(contentsOfFile: index, encoding: .utf8)
        let noop = try Relmap.run(build)
        XCTAssertEqual(noop.status, 0, noop.stderr)
        XCTAssertTrue(noop.stderr.contains("is up to date"), noop.stderr)
        try (original + "edited").write(toFile: index, atomically: false, encoding: .utf8)
        let repaired = try Relmap.run(build)
        XCTAssertEqual(repaired.status, 0, repaired.stderr)
        XCTAssertFalse(repaired.stderr.contains("is up to date"), repaired.stderr)
        XCTAssertEqual(try String(contentsOfFile: index, encoding: .utf8), original)
        let other = try Relmap.run(build + ["--focus-formats", "svg,png"])
        XCTAssertFalse(other.stderr.contains("is up to date"), "other options are another build: " + other.stderr)
    }
}
