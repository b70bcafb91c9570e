import Foundation
import ModelSynthesis
import XCTest

/// `relmap build --out` replaces only a folder relmap wrote: anything else there is refused with one line and
/// left exactly as it was, and so is a path that holds the current folder or the model.
final class OutputOwnershipTests: XCTestCase {
    var scratch: Scratch!

    override func setUpWithError() throws {
        scratch = try makeScratch()
        for file in ModelSynthesizer(actors: 12, relations: 20, seed: 5).files() {
            try scratch.write("model/\(file.name)", file.text)
        }
    }

    /// The names in the scratch folder, hidden ones included.
    func scratchEntries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted()
    }

    func testAFolderRelmapDidNotWriteIsRefusedAndUntouched() throws {
        try scratch.write("notes/plans.md", "# my plans\n")
        try scratch.write("notes/deep/draft.txt", "draft\n")
        let before = try DirectorySnapshot(scratch.path("notes"))
        let result = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("notes"), "--quiet"])
        XCTAssertEqual(result.status, 73, result.stderr)
        XCTAssertEqual(result.stderrLines.count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("relmap did not write"), result.stderr)
        XCTAssertEqual(try DirectorySnapshot(scratch.path("notes")), before)
        XCTAssertEqual(try scratchEntries(), ["model", "notes"], "nothing may be created beside the folder")
    }

    func testAFileAtTheOutputIsRefusedAndUntouched() throws {
        try scratch.write("notes.txt", "mine\n")
        let result = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("notes.txt"), "--quiet"])
        XCTAssertEqual(result.status, 73, result.stderr)
        XCTAssertEqual(result.stderrLines.count, 1, result.stderr)
        XCTAssertEqual(try String(contentsOfFile: scratch.path("notes.txt"), encoding: .utf8), "mine\n")
        XCTAssertEqual(try scratchEntries(), ["model", "notes.txt"])
    }

    func testTheCurrentFolderAnAncestorOfTheModelAndAnEmptyNameAreUsageErrors() throws {
        let before = try DirectorySnapshot(scratch.url.path)
        for out in [".", scratch.url.path, scratch.path("model"), "/", ""] {
            let result = try Relmap.run(["build", scratch.path("model"), "--out", out, "--quiet"], directory: scratch.url)
            XCTAssertEqual(result.status, 64, "--out '\(out)': \(result.stderr)")
            XCTAssertEqual(result.stderrLines.count, 1, result.stderr)
        }
        XCTAssertEqual(try DirectorySnapshot(scratch.url.path), before)
    }

    func testARelmapSiteIsReplacedWithoutForceAndThePublishersReadmeKept() throws {
        try scratch.write("site/README.md", "# published by us\n")
        let first = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("site"), "--quiet"], timeout: 300)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path("site/.relmap-site")))
        try FileManager.default.removeItem(atPath: scratch.path(".relmap-cache"))
        let second = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("site"), "--quiet"], timeout: 300)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(try String(contentsOfFile: scratch.path("site/README.md"), encoding: .utf8), "# published by us\n")
        XCTAssertEqual(try scratchEntries(), [".relmap-cache", "model", "site"])
    }

    func testASiteOfAnEarlierRelmapWithoutMarkerIsReplaced() throws {
        let first = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("site"), "--quiet"], timeout: 300)
        XCTAssertEqual(first.status, 0, first.stderr)
        // Known by the stamp beside it, and with the cache gone, by its index page.
        for removed in [".relmap-site", "../.relmap-cache"] {
            try FileManager.default.removeItem(atPath: scratch.path("site/\(removed)"))
            let again = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("site"), "--quiet"], timeout: 300)
            XCTAssertEqual(again.status, 0, again.stderr)
            try FileManager.default.removeItem(atPath: scratch.path("site/.relmap-site"))
        }
    }

    func testTheSiteGetsThePermissionsTheUmaskAllows() throws {
        let previous = umask(0o027)
        defer { umask(previous) }
        let result = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("site"), "--quiet"], timeout: 300)
        XCTAssertEqual(result.status, 0, result.stderr)
        for (path, mode) in [("site", 0o750), ("site/actors", 0o750), ("site/index.html", 0o640), ("site/.relmap-site", 0o640)] {
            var status = stat()
            XCTAssertEqual(stat(scratch.path(path), &status), 0)
            XCTAssertEqual(Int(status.st_mode & 0o777), mode, path)
        }
    }

    func testAReadmeLinkIsCarriedOverAsTheLinkAndNeverFollowed() throws {
        try scratch.write("secret.txt", "private\n")
        try FileManager.default.createDirectory(atPath: scratch.path("site"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("site/README.md"), withDestinationPath: "../secret.txt")
        let result = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("site"), "--quiet"], timeout: 300)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("site/README.md")), "../secret.txt")
    }

    func testAnOutputLinkIsKeptAndTheSiteWrittenWhereItPoints() throws {
        try FileManager.default.createDirectory(atPath: scratch.path("www"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("site"), withDestinationPath: "www/report")
        for _ in 0..<2 {
            let result = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("site"), "--quiet"], timeout: 300)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("site")), "www/report")
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path("www/report/index.html")))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path("www")).sorted(), [".relmap-cache", "report"])
    }
}
