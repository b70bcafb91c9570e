import Foundation
import ModelSynthesis
import TestProcesses
import XCTest

/// Command lines a careful operator tries: each gets one clear line on stderr and its documented exit status,
/// and none hangs, traps or leaves files behind.
final class CommandLineEdgeTests: XCTestCase {
    var scratch: Scratch!

    override func setUpWithError() throws {
        scratch = try makeScratch()
        for file in ModelSynthesizer(actors: 12, relations: 20, seed: 8).files() {
            try scratch.write("model/\(file.name)", file.text)
        }
    }

    var model: String { scratch.path("model") }

    /// Runs relmap with stdout and stderr going to the given files (`/dev/full`, say) and extra environment.
    func run(_ arguments: [String], stdout: String = "/dev/null", stderr: String? = nil,
             environment: [String: String] = [:], directory: URL? = nil) throws -> (status: Int32, stderr: String) {
        var relmap = Relmap.command(arguments)
        for (name, value) in environment { relmap.environment[name] = value }
        relmap.stdout = .file(stdout)
        relmap.stderr = stderr.map { .file($0) } ?? .captured
        relmap.directory = directory?.path
        let result = try relmap.run()
        XCTAssertFalse(result.crashed, "relmap \(arguments) was killed by a signal")
        return (result.status, result.stderrText)
    }

    func assertOneLine(_ arguments: [String], status: Int32, containing text: String,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try run(arguments)
        XCTAssertEqual(result.status, status, result.stderr, file: file, line: line)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(text), "expected '\(text)' in: \(result.stderr)", file: file, line: line)
    }

    func testBadOptionsAreOneLineUsageErrors() throws {
        try assertOneLine(["build", model, "--jobs", "-1"], status: 64, containing: "--jobs must be at least 1")
        try assertOneLine(["render", "overview", "--model", model, "--jobs", "-1"], status: 64, containing: "--jobs must be at least 1")
        try assertOneLine(["dot", "overview", model, "--as-of", "99999"], status: 64, containing: "--as-of must be a year from 1 to 9999")
        try assertOneLine(["render", "overview", "--model", model, "--as-of", "0"], status: 64, containing: "--as-of must be a year")
        try assertOneLine(["build", model, "--out", ""], status: 64, containing: "--out needs a folder name")
        try assertOneLine(["help", "check"], status: 64, containing: "no subcommand 'check'")
        try assertOneLine(["build", model, "--focus-formats", "svg,gif"], status: 64, containing: "unknown format 'gif'")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted(), ["model"])
    }

    func testTooManyJobsAreCappedWithAWarning() throws {
        let result = try run(["build", model, "--out", scratch.path("site"), "--quiet", "--jobs", "100000"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let limit = 4 * ProcessInfo.processInfo.activeProcessorCount
        XCTAssertEqual(result.stderr, "relmap build: warning: --jobs 100000 is more than this machine can use; using \(limit) (4 per processor)\n")
    }

    func testOutputThatCannotBeWrittenToStdoutIsAnIOErrorAndNeverATrap() throws {
        for arguments in [["dot", "overview", model], ["export", model, "--format", "json"], ["synth", "--actors", "20", "--relations", "30"]] {
            let result = try run(arguments, stdout: "/dev/full")
            XCTAssertEqual(result.status, 74, "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stderr, "relmap: error: cannot write to stdout: No space left on device\n")
        }
    }

    func testAnUnwritableStderrKeepsTheDocumentedStatus() throws {
        try scratch.write("bad.yaml", "actors: [\n")
        XCTAssertEqual(try run(["validate", scratch.path("bad.yaml")], stderr: "/dev/full").status, 65)
        XCTAssertEqual(try run(["validate", scratch.path("absent.yaml")], stderr: "/dev/full").status, 66)
        // A build that succeeded but could not report its progress says so by its status.
        let built = try run(["build", model, "--out", scratch.path("site")], stderr: "/dev/full")
        XCTAssertEqual(built.status, 74)
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path("site/index.html")))
    }

    func testAnOutputNameOf250CharactersIsBuiltAndLeavesNothingBeside() throws {
        let name = String(repeating: "s", count: 250)
        let result = try run(["build", model, "--out", scratch.path(name), "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path("\(name)/index.html")))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted(), [".relmap-cache", "model", name])
    }

    func testAPathThroughALinkToAnotherFileSystemIsResolvedBeforeTheBuild() throws {
        let other = "/dev/shm/relmap-test-\(UUID().uuidString)"
        var here = stat(), there = stat()
        try XCTSkipUnless(mkdir(other, 0o755) == 0, "no /dev/shm here")
        defer { try? FileManager.default.removeItem(atPath: other) }
        try XCTSkipUnless(stat(scratch.url.path, &here) == 0 && stat(other, &there) == 0 && here.st_dev != there.st_dev,
                          "/dev/shm is on the same file system as the temporary folder")
        try FileManager.default.createDirectory(atPath: other + "/inner", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link"), withDestinationPath: other + "/inner")
        let result = try run(["build", model, "--out", "link/../site", "--quiet"], directory: scratch.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: other + "/site/index.html"))
    }

    func testACopiedBinaryBuildsFromAnyFolderWithTheTemplatesBuiltIntoIt() throws {
        try FileManager.default.createDirectory(atPath: scratch.path("bin"), withIntermediateDirectories: true)
        let copy = scratch.path("bin/relmap")
        if link(Relmap.binary.path, copy) != 0 { try FileManager.default.copyItem(atPath: Relmap.binary.path, toPath: copy) }
        var copied = Subprocess(copy, ["build", "model", "--out", "site", "--quiet"])
        copied.directory = scratch.url.path
        copied.environment["RELMAP_TEMPLATES"] = .some(nil)
        XCTAssertEqual(try copied.run().status, 0)
        let original = try run(["build", model, "--out", scratch.path("original"), "--quiet"])
        XCTAssertEqual(original.status, 0, original.stderr)
        for page in ["index.html", "assets/style.css", "assets/site.js"] {
            XCTAssertEqual(FileManager.default.contents(atPath: scratch.path("site/\(page)")),
                           FileManager.default.contents(atPath: scratch.path("original/\(page)")), page)
        }
    }

    func testGraphvizWithoutPluginsIsOneLine() throws {
        let result = try run(["build", model, "--out", scratch.path("site"), "--quiet"], environment: ["GVBINDIR": scratch.path("nowhere")])
        XCTAssertEqual(result.status, 69, result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("Graphviz plugins not found"), result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted(), ["model"])
    }

    /// Under a process limit a worker cannot start: exit 71 with a message, never a hang. The limit does not
    /// bind root, so the build runs as `nobody`.
    func testAProcessLimitGivesAnOSErrorAndNoHang() throws {
        try XCTSkipUnless(getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                          "needs root and setpriv to run the build as another user under ulimit -u")
        chmod(scratch.url.path, 0o777)
        // `nobody` may not reach the build folder (a clone in a private temporary folder), so it runs a copy.
        let binary = scratch.path("bin/relmap")
        try FileManager.default.createDirectory(atPath: scratch.path("bin"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Subprocess.relmap, toPath: binary)
        chmod(scratch.path("bin"), 0o755)
        chmod(binary, 0o755)
        var limited = Subprocess("/usr/bin/setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "/bin/bash", "-c",
                                                      "ulimit -u 5; exec \"$@\"", "bash",
                                                      binary, "build", model, "--out", scratch.path("site"), "--quiet"])
        limited.stdout = .discarded
        limited.timeout = 60
        let result = try limited.run()
        XCTAssertFalse(result.timedOut, "the build hung under ulimit -u")
        let text = result.stderrText
        XCTAssertEqual(result.status, 71, text)
        XCTAssertEqual(text.split(separator: "\n").count, 1, text)
        XCTAssertTrue(text.contains("Resource temporarily unavailable"), text)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted(), ["bin", "model"])
    }
}
