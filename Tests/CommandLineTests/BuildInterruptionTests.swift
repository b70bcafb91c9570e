import Foundation
import ModelSynthesis
import TestProcesses
import XCTest

/// One build per output at a time, and a build stopped by a signal or killed in the middle of its swap leaves
/// a whole site and nothing of its own.
final class BuildInterruptionTests: XCTestCase {
    var scratch: Scratch!

    override func setUpWithError() throws {
        scratch = try makeScratch()
        for file in ModelSynthesizer(actors: 12, relations: 20, seed: 6).files() {
            try scratch.write("model/\(file.name)", file.text)
        }
    }

    /// Starts `relmap build` into `site` without waiting for it; `environment` is added to the process's.
    func startBuild(_ environment: [String: String] = [:]) throws -> Subprocess.Running {
        var build = Subprocess(Subprocess.relmap, ["build", scratch.path("model"), "--out", scratch.path("site"), "--quiet"])
        for (name, value) in environment { build.environment[name] = value }
        build.stdout = .discarded
        build.stderr = .discarded
        build.timeout = 300
        return try build.start()
    }

    /// Waits until the build has a staging folder beside the site.
    func waitForStaging(of process: Subprocess.Running) throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            if try entries().contains(where: { $0.hasPrefix(".site.tmp-") }) { return }
            usleep(20_000)
        }
        XCTFail("the build never staged a site")
    }

    func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted()
    }

    /// The overview's layout waits this long in the worker, so a build is surely under way for a while.
    let slowOverview = ["RELMAP_RENDER_WORKER_TEST_SLEEP": "overview=3"]

    func testASecondBuildOfTheSameOutputIsRefusedAtOnceAndTheFirstFinishesWhole() throws {
        let first = try startBuild(slowOverview)
        try waitForStaging(of: first)
        let second = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("site"), "--quiet"])
        XCTAssertEqual(second.status, 75, second.stderr)
        XCTAssertEqual(second.stderrLines, ["relmap build: error: another build is writing \(scratch.path("site")) (pid \(first.processIdentifier))"])
        XCTAssertEqual(first.wait().status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path("site/index.html")))
        XCTAssertEqual(try entries(), [".relmap-cache", "model", "site"])
    }

    func testSIGTERMOrSIGINTMidBuildLeavesNoStagingFolderAndTheOldSiteAsItWas() throws {
        let built = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("site"), "--quiet"], timeout: 300)
        XCTAssertEqual(built.status, 0, built.stderr)
        let before = try DirectorySnapshot(scratch.path("site"))
        try FileManager.default.removeItem(atPath: scratch.path(".relmap-cache"))
        for (signal, status) in [(SIGTERM, Int32(143)), (SIGINT, Int32(130))] {
            let build = try startBuild(slowOverview)
            try waitForStaging(of: build)
            build.signal(signal)
            let result = build.wait()
            XCTAssertFalse(result.crashed, "the build exits")
            XCTAssertEqual(result.status, status)
            XCTAssertEqual(try entries(), ["model", "site"], "signal \(signal)")
            XCTAssertEqual(try DirectorySnapshot(scratch.path("site")), before)
        }
    }

    func testAKillBetweenTheStepsOfTheSwapLeavesAWholeSiteAndTheNextBuildCleansUp() throws {
        let clean = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("site"), "--quiet"], timeout: 300)
        XCTAssertEqual(clean.status, 0, clean.stderr)
        let expected = try DirectorySnapshot(scratch.path("site"))
        let hooks: [[String: String]] = [
            ["RELMAP_TEST_KILL_IN_SWAP": "exchanged"],
            ["RELMAP_TEST_KILL_IN_SWAP": "moved-aside", "RELMAP_TEST_NO_RENAME_EXCHANGE": "1"],
        ]
        for hook in hooks {
            // Without the stamp the site is written again, with the same bytes.
            try FileManager.default.removeItem(atPath: scratch.path(".relmap-cache/site-stamp.json"))
            let killed = try startBuild(hook)
            XCTAssertTrue(killed.wait().crashed, "\(hook)")
            if hook["RELMAP_TEST_NO_RENAME_EXCHANGE"] == nil {
                XCTAssertEqual(try DirectorySnapshot(scratch.path("site")), expected, "the exchange put a whole site in place")
            } else {
                XCTAssertTrue(try entries().contains(".site.old"))
            }
            let next = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("site"), "--quiet"], timeout: 300)
            XCTAssertEqual(next.status, 0, next.stderr)
            XCTAssertEqual(try entries(), [".relmap-cache", "model", "site"], "\(hook)")
            XCTAssertEqual(try DirectorySnapshot(scratch.path("site")), expected)
        }
    }
}
