import Foundation
import ModelSynthesis
import XCTest

/// `relmap build --focus-formats` chooses the actor diagrams' files; a bad list is a usage error.
final class BuildOptionsTests: XCTestCase {
    var scratch: Scratch!

    override func setUpWithError() throws {
        try XCTSkipUnless(try Relmap.hasSubcommand("build"), "relmap build not available yet")
        scratch = try Scratch()
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

    func testFocusFormatsWithoutSVGOrWithAnUnknownFormatAreUsageErrors() throws {
        for list in ["png,dot", "svg,gif"] {
            let result = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("site"), "--quiet", "--focus-formats", list])
            XCTAssertEqual(result.status, 64, list + ": " + result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("site")), list)
        }
    }
}
