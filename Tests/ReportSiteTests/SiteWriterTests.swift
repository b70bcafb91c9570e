import Foundation
import SiteLayout
import Synchronization
import XCTest
@testable import ReportSite

final class SiteWriterTests: XCTestCase {
    private func site(_ files: [String: String]) -> Site {
        Site(files: files.mapValues { Data($0.utf8) })
    }

    func testWritingReplacesTheOldSiteAndLeavesNoTemporaryFolders() throws {
        let parent = try temporaryFolder()
        let output = parent + "/output"
        try SiteWriter(output: output).write(site(["index.html": "one", "old.html": "gone"]))
        try SiteWriter(output: output).write(site(["index.html": "two", "actors/a.html": "a"]))
        XCTAssertEqual(try String(contentsOfFile: output + "/index.html", encoding: .utf8), "two")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/old.html"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent).sorted(), ["output"])
    }

    func testAFailedWriteLeavesThePreviousSiteWhole() throws {
        let parent = try temporaryFolder()
        let output = parent + "/output"
        try SiteWriter(output: output).write(site(["index.html": "good"]))
        // "a" is a file, so the folder "a/" for "a/b.html" cannot be made: the write fails half-way.
        XCTAssertThrowsError(try SiteWriter(output: output).write(site(["a": "file", "a/b.html": "x", "index.html": "bad"])))
        XCTAssertEqual(try String(contentsOfFile: output + "/index.html", encoding: .utf8), "good")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent).sorted(), ["output"])
    }

    func testAnOldSiteLeftByAKilledSwapIsRestoredAndStaleTemporariesRemoved() throws {
        let parent = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: parent + "/.output.old", withIntermediateDirectories: true)
        try Data("previous".utf8).write(to: URL(fileURLWithPath: parent + "/.output.old/index.html"))
        try FileManager.default.createDirectory(atPath: parent + "/.output.tmp-abc123", withIntermediateDirectories: true)
        try SiteWriter(output: parent + "/output").write(site(["index.html": "new"]))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent).sorted(), ["output"])
        XCTAssertEqual(try String(contentsOfFile: parent + "/output/index.html", encoding: .utf8), "new")
    }

    func testThePublishersReadmeInTheOutputIsKept() throws {
        let parent = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: parent + "/output", withIntermediateDirectories: true)
        try Data("# mine".utf8).write(to: URL(fileURLWithPath: parent + "/output/README.md"))
        try SiteWriter(output: parent + "/output").write(site(["index.html": "x"]))
        XCTAssertEqual(try String(contentsOfFile: parent + "/output/README.md", encoding: .utf8), "# mine")
        XCTAssertTrue(SiteComparison(site: site(["index.html": "x"]), output: parent + "/output").isUpToDate)
    }

    func testAFolderRelmapDidNotWriteIsRefusedByTheWriterAndUntouched() throws {
        let parent = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: parent + "/notes", withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: parent + "/notes/plans.md"))
        XCTAssertThrowsError(try SiteWriter(output: parent + "/notes").write(site(["index.html": "x"]))) { error in
            XCTAssertEqual((error as? OutputRefusal)?.kind, .cannotCreate)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent + "/notes"), ["plans.md"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent), ["notes"])
    }

    func testAWrittenSiteCarriesTheMarkerAndIsReplacedAgain() throws {
        let parent = try temporaryFolder()
        try SiteWriter(output: parent + "/site").write(site(["index.html": "one", "notes.html": "n"]))
        XCTAssertEqual(try String(contentsOfFile: parent + "/site/.relmap-site", encoding: .utf8), SiteOwnership.markerText)
        try SiteWriter(output: parent + "/site").write(site(["index.html": "two"]))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent + "/site").sorted(), [".relmap-site", "index.html"])
    }

    func testCheckListsChangedMissingAndExtraFiles() throws {
        let parent = try temporaryFolder()
        let output = parent + "/output"
        try SiteWriter(output: output).write(site(["index.html": "x", "same.html": "s", "extra.html": "e"]))
        let comparison = SiteComparison(site: site(["index.html": "y", "same.html": "s", "new/page.html": "n"]), output: output)
        XCTAssertFalse(comparison.isUpToDate)
        XCTAssertEqual(comparison.lines, ["changed: index.html", "missing: new/page.html", "extra: extra.html"])
    }

    func testCheckOfAFreshlyWrittenSiteFindsNothingStale() throws {
        let parent = try temporaryFolder()
        let built = try SampleSite.build()
        try SiteWriter(output: parent + "/site").write(built)
        XCTAssertTrue(SiteComparison(site: built, output: parent + "/site").isUpToDate)
        XCTAssertEqual(SiteWriter(output: parent + "/site").cacheFolder, parent + "/.relmap-cache")
    }

    func testAStagedSiteTakesFilesFromManyThreadsAtOnceAndStillRefusesAPathTwice() throws {
        let parent = try temporaryFolder()
        let writer = SiteWriter(output: parent + "/output")
        try writer.write(site(["actors/a0.html": "a0"]))
        let staged = try writer.stage()
        let refusals = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for index in 0..<100 {
                try? staged.add(Data("a\(index)".utf8), at: "actors/a\(index).html")
                do {
                    try staged.add(Data("t\(thread)".utf8), at: "shared.html")
                } catch {
                    refusals.withLock { $0 += 1 }
                }
            }
        }
        XCTAssertEqual(staged.paths, (["shared.html"] + (0..<100).map { "actors/a\($0).html" }).sorted())
        XCTAssertEqual(refusals.withLock { $0 }, 399, "every thread but one is told the path is taken")
        for index in 0..<100 {
            XCTAssertEqual(staged.text(at: "actors/a\(index).html"), "a\(index)")
        }
        writer.discard(staged)
    }

    func testSitePathsThatLeaveTheSiteAreRefused() {
        let site = Site()
        XCTAssertThrowsError(try site.add("x", at: "../escape.html"))
        XCTAssertThrowsError(try site.add("x", at: "/etc/passwd"))
        XCTAssertNoThrow(try site.add("x", at: "actors/a.html"))
        XCTAssertThrowsError(try site.add("y", at: "actors/a.html"))
    }
}
