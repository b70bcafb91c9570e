import Foundation
import ModelSynthesis
import XCTest

/// A missing or unreadable model, an unwritable output folder and a full disk give clear I/O errors (66/74)
/// and leave existing output as it was.
final class InputOutputErrorTests: XCTestCase {
    var scratch: Scratch!
    var mountPoint: String?

    override func setUpWithError() throws {
        scratch = try Scratch()
    }

    override func tearDownWithError() throws {
        if let mountPoint {
            _ = try? Relmap.runTool("/bin/umount", [mountPoint])
        }
        scratch = nil
    }

    /// A small valid model directory.
    func goodModel(actors: Int = 40, relations: Int = 80) throws -> String {
        for file in ModelSynthesizer(actors: actors, relations: relations, seed: 4).files() {
            try scratch.write("model/\(file.name)", file.text)
        }
        return scratch.path("model")
    }

    func testMissingModelIsANoInputError() throws {
        let result = try Relmap.run(["validate", scratch.path("absent.yaml")])
        XCTAssertEqual(result.status, 66)
        XCTAssertEqual(result.stderrLines, ["\(scratch.path("absent.yaml")): error: no such file or directory"])
    }

    func testUnreadableModelFileIsANoInputError() throws {
        let model = try goodModel()
        try FileManager.default.createDirectory(atPath: "\(model)/broken.yaml", withIntermediateDirectories: true)
        let result = try Relmap.run(["validate", model])
        XCTAssertEqual(result.status, 66, result.stderr)
        XCTAssertEqual(result.stderrLines, ["\(model)/broken.yaml: error: cannot read the file (permission denied or not a regular file)"])
    }

    func testExportIntoAPathBelowAFileIsAnIOError() throws {
        let model = try goodModel()
        try scratch.write("plain-file", "not a folder\n")
        let result = try Relmap.run(["export", model, "--format", "json", "--out", scratch.path("plain-file/model.json")])
        XCTAssertEqual(result.status, 74, result.stderr)
        XCTAssertEqual(result.stderrLines, ["\(scratch.path("plain-file/model.json")): error: cannot write: Not a directory"])
    }

    func testSynthIntoAPathBelowAFileIsAnIOError() throws {
        try scratch.write("plain-file", "not a folder\n")
        let result = try Relmap.run(["synth", "--actors", "20", "--relations", "10", "--out", scratch.path("plain-file/model")])
        XCTAssertEqual(result.status, 74, result.stderr)
        XCTAssertEqual(result.stderrLines.count, 1, result.stderr)
    }

    func testBuildIntoAPathBelowAFileIsAnIOError() throws {
        try XCTSkipUnless(try Relmap.hasSubcommand("build"), "relmap build not available yet")
        let model = try goodModel()
        try scratch.write("plain-file", "not a folder\n")
        let result = try Relmap.run(["build", model, "--out", scratch.path("plain-file/site"), "--quiet"])
        XCTAssertEqual(result.status, 74, result.stderr)
        XCTAssertEqual(result.stderrLines.count, 1, result.stderr)
        XCTAssertEqual(try String(contentsOfFile: scratch.path("plain-file"), encoding: .utf8), "not a folder\n")
    }

    /// Mounts a 64 KiB tmpfs, or skips when this machine does not allow mounting.
    func smallDisk() throws -> String {
        let point = scratch.path("disk")
        try FileManager.default.createDirectory(atPath: point, withIntermediateDirectories: true)
        let mount = try Relmap.runTool("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", point])
        try XCTSkipUnless(mount == 0, "cannot mount a small tmpfs here (needs root and mount permission); full-disk cases not run")
        mountPoint = point
        return point
    }

    func testExportToAFullDiskIsAnIOErrorAndKeepsTheOldFile() throws {
        let disk = try smallDisk()
        let model = try goodModel(actors: 400, relations: 800)
        let target = "\(disk)/model.json"
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
        let result = try Relmap.run(["export", model, "--format", "json", "--out", target])
        XCTAssertEqual(result.status, 74, result.stderr)
        XCTAssertEqual(result.stderrLines, ["\(target): error: cannot write: No space left on device"])
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "old\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: disk), ["model.json"], "no temporary file may be left")
    }

    func testBuildToAFullDiskIsAnIOErrorAndLeavesTheOldSite() throws {
        try XCTSkipUnless(try Relmap.hasSubcommand("build"), "relmap build not available yet")
        let disk = try smallDisk()
        let model = try goodModel(actors: 12, relations: 20)
        let output = "\(disk)/output"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try Data("an earlier site\n".utf8).write(to: URL(fileURLWithPath: "\(output)/marker.txt"))
        try Data("written by relmap\n".utf8).write(to: URL(fileURLWithPath: "\(output)/.relmap-site"))
        let before = try DirectorySnapshot(output)
        let result = try Relmap.run(["build", model, "--out", output, "--quiet"], timeout: 300)
        XCTAssertEqual(result.status, 74, result.stderr)
        XCTAssertFalse(result.crashed)
        XCTAssertTrue(result.stderr.contains("No space left on device") || result.stderr.contains("space"), result.stderr)
        XCTAssertEqual(try DirectorySnapshot(output), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: disk), ["output"], "no half-written site may be left")
    }
}

/// Pins `relmap build --check`, the CI guard for teams that commit their site.
final class BuildCheckTests: XCTestCase {
    func testCheckExitsZeroForAFreshSiteAndOneListingTheFilesForAStaleOne() throws {
        let scratch = try Scratch()
        for file in ModelSynthesizer(actors: 12, relations: 20, seed: 9).files() {
            try scratch.write("model/\(file.name)", file.text)
        }
        let model = scratch.path("model"), output = scratch.path("site")
        XCTAssertEqual(try Relmap.run(["build", model, "--out", output, "--quiet"], timeout: 300).status, 0)
        let fresh = try Relmap.run(["build", model, "--out", output, "--quiet", "--check"], timeout: 300)
        XCTAssertEqual(fresh.status, 0, fresh.stderr)
        XCTAssertEqual(fresh.stdout, "")

        try Data("tampered\n".utf8).write(to: URL(fileURLWithPath: output + "/index.html"))
        try FileManager.default.removeItem(atPath: output + "/timeline.html")
        let before = try DirectorySnapshot(output)
        let stale = try Relmap.run(["build", model, "--out", output, "--quiet", "--check"], timeout: 300)
        XCTAssertEqual(stale.status, 1, stale.stderr)
        XCTAssertTrue(stale.stdout.contains("index.html"), stale.stdout)
        XCTAssertTrue(stale.stdout.contains("timeline.html"), stale.stdout)
        XCTAssertEqual(try DirectorySnapshot(output), before, "--check writes nothing")
    }
}
