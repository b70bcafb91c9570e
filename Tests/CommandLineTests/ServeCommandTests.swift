import Foundation
import ModelSynthesis
import XCTest

/// `relmap serve` over real HTTP on a free port: pages, live reload after an edit, the errors of a broken model
/// over the last good site, paths that leave the site, a taken port, and Ctrl-C.
final class ServeCommandTests: XCTestCase {
    var scratch: Scratch!

    override func setUpWithError() throws {
        scratch = try makeScratch()
        for file in ModelSynthesizer(actors: 12, relations: 20, seed: 6).files() {
            try scratch.write("model/\(file.name)", file.text)
        }
    }

    /// A running `relmap serve`, stopped (SIGKILL if it must) when the test ends.
    final class Server {
        let process = Process()
        let stderrPath: String
        private(set) var port = 0

        init(_ arguments: [String], scratch: Scratch, environment: [String: String] = [:]) throws {
            stderrPath = scratch.path("serve-\(UUID().uuidString).err")
            _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
            process.executableURL = Relmap.binary
            process.arguments = ["serve"] + arguments
            var variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            variables["NO_COLOR"] = "1"
            process.environment = variables
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
            try process.run()
        }

        deinit {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }

        var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

        /// Waits for the line that says where the site is served, and reads the port from it.
        func waitUntilServing(timeout: TimeInterval = 240) throws {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline, process.isRunning {
                if let range = stderr.range(of: #"at http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                    port = Int(stderr[range].split(separator: ":").last!.dropLast())!
                    return
                }
                usleep(50_000)
            }
            throw HTTPProbe.Failure("serve never said where it serves; stderr:\n\(stderr)")
        }

        /// Waits for the process to end and gives its status.
        func waitForExit(timeout: TimeInterval = 60) -> Int32? {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning, Date() < deadline { usleep(20_000) }
            guard !process.isRunning else { return nil }
            return process.terminationStatus
        }
    }

    func start(_ extra: [String] = [], environment: [String: String] = [:]) throws -> Server {
        let server = try Server([scratch.path("model"), "--out", scratch.path("site"), "--port", "0", "--quiet"] + extra,
                                scratch: scratch, environment: environment)
        try server.waitUntilServing()
        return server
    }

    /// Rewrites the model's relations file with `change` applied.
    func editRelations(_ change: (String) -> String) throws {
        let path = scratch.path("model/relations.yaml")
        try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: false, encoding: .utf8)
    }

    let actorPage = "/actors/vaobland-security-service-8.html"
    let summary = "Synthetic membership: Vaobland Security Service, Council of Uris."
    let edited = "Edited while serving: the service leaves the working group of the council."

    func testAnEditedSummaryIsOnThePageAfterAReloadEventAndTheBuiltSiteHasNoReloadScript() throws {
        let server = try start()
        let index = try HTTPProbe.get("/", port: server.port)
        XCTAssertEqual(index.status, 200)
        XCTAssertEqual(index.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertTrue(index.text.contains("<script>"), "the live script is injected")
        XCTAssertTrue(index.text.contains("/_relmap/events"))
        let before = try HTTPProbe.get(actorPage, port: server.port)
        XCTAssertEqual(before.status, 200)
        XCTAssertTrue(before.text.contains(summary))

        let events = try HTTPProbe.EventStream(port: server.port)
        XCTAssertTrue(try events.wait(timeout: 30) { $0.contains("event: status\n") }, events.text)
        try editRelations { $0.replacingOccurrences(of: summary, with: edited) }
        XCTAssertTrue(try events.wait { $0.contains("event: reload\n") }, "no reload event; stderr:\n\(server.stderr)")
        let after = try HTTPProbe.get(actorPage, port: server.port)
        XCTAssertTrue(after.text.contains(edited))
        XCTAssertFalse(after.text.contains(summary))
        XCTAssertTrue(server.stderr.contains("relmap serve: rebuilt after a change to \(scratch.path("model/relations.yaml"))"), server.stderr)

        // The reload script exists only in what the server sends: the site on disk is what `relmap build` writes.
        let onDisk = try String(contentsOfFile: scratch.path("site/actors/vaobland-security-service-8.html"), encoding: .utf8)
        XCTAssertTrue(onDisk.contains(edited))
        XCTAssertFalse(onDisk.contains("_relmap"))
        let check = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("site"), "--check"], timeout: 300)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }

    func testAnIdleServerWithAPageOpenWakesNoThreadAfterARebuild() throws {
        let server = try start()
        XCTAssertEqual(try HTTPProbe.get("/", port: server.port).status, 200)
        let events = try HTTPProbe.EventStream(port: server.port)
        XCTAssertTrue(try events.wait(timeout: 30) { $0.contains("event: status\n") }, events.text)
        try editRelations { $0.replacingOccurrences(of: summary, with: edited) }
        XCTAssertTrue(try events.wait { $0.contains("event: reload\n") }, "no reload event; stderr:\n\(server.stderr)")
        usleep(1_500_000)
        // Every time a thread is switched in or out counts; libdispatch's pool monitor alone would add one a second.
        func switches() -> [String: Int] {
            let tasks = "/proc/\(server.process.processIdentifier)/task"
            var counts: [String: Int] = [:]
            for thread in (try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? [] {
                guard let status = try? String(contentsOfFile: "\(tasks)/\(thread)/status", encoding: .utf8) else { continue }
                let lines = status.split(separator: "\n")
                let name = lines.first { $0.hasPrefix("Name:") }.map { $0.dropFirst(5).trimmingCharacters(in: .whitespaces) } ?? "?"
                counts["\(thread) \(name)"] = lines.filter { $0.contains("ctxt_switches:") }
                    .compactMap { Int($0.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)) }.reduce(0, +)
            }
            return counts
        }
        let before = switches()
        usleep(3_500_000)
        let after = switches()
        XCTAssertFalse(before.isEmpty)
        XCTAssertEqual(after, before, "threads woke while the server was idle")
    }

    func testABrokenModelKeepsTheLastGoodSiteWithItsLocatedErrorsOverEveryPageUntilItIsFixed() throws {
        let server = try start()
        let events = try HTTPProbe.EventStream(port: server.port)
        XCTAssertTrue(try events.wait(timeout: 30) { $0.contains("event: status\n") })
        try editRelations { $0.replacingOccurrences(of: "type: alliance", with: "type: alliancee") }
        XCTAssertTrue(try events.wait { $0.components(separatedBy: "event: status\n").count > 2 }, server.stderr)
        XCTAssertEqual(events.count(of: "reload"), 0)
        XCTAssertTrue(events.text.contains(#""failedStep":"Read the model""#), events.text)

        let relations = scratch.path("model/relations.yaml")
        for path in ["/", actorPage, "/no-such-page.html"] {
            let page = try HTTPProbe.get(path, port: server.port)
            let overlay = try XCTUnwrap(page.text.range(of: #"<div id="relmap-serve-overlay"[\s\S]*?</div>"#, options: .regularExpression),
                                        "no overlay on \(path)")
            XCTAssertNotNil(page.text[overlay].range(of: #"\#(relations):\d+:\d+: error: unknown type 'alliancee'"#,
                                                     options: .regularExpression), String(page.text[overlay]))
        }
        // The old site is still served, whole.
        XCTAssertTrue(try HTTPProbe.get(actorPage, port: server.port).text.contains(summary))
        XCTAssertTrue(server.stderr.contains("relmap serve: the build stopped at 'Read the model'"), server.stderr)

        try editRelations { $0.replacingOccurrences(of: "type: alliancee", with: "type: alliance") }
        XCTAssertTrue(try events.wait { $0.contains("event: reload\n") }, server.stderr)
        XCTAssertFalse(try HTTPProbe.get(actorPage, port: server.port).text.contains("<div id=\"relmap-serve-overlay\""))
    }

    func testPathsThatLeaveTheSiteAreRefusedAndFilesGetTheirMediaTypes() throws {
        let server = try start()
        try "secret".write(toFile: scratch.path("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("site/escape.txt"), withDestinationPath: scratch.path("secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: scratch.path("site/escape"), withDestinationPath: scratch.url.path)
        for target in ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/etc/passwd", "/assets/..%2f..%2fsecret.txt",
                       "/actors/%2e%2e/%2e%2e/secret.txt", "/..", "/escape.txt", "/escape/secret.txt", "/.relmap-site",
                       "/%2e%2e%2fsecret.txt", "/assets/%00style.css"] {
            let response = try HTTPProbe.get(target, port: server.port)
            XCTAssertTrue([400, 404].contains(response.status), "\(target) got \(response.status)")
            XCTAssertFalse(response.text.contains("secret") && !response.text.contains("secret.txt"), target)
        }
        XCTAssertEqual(try HTTPProbe.get("/", port: server.port, method: "POST").status, 405)
        XCTAssertEqual(try HTTPProbe.get("/", port: server.port, host: "attacker.example").status, 403)
        XCTAssertEqual(try HTTPProbe.get("/", port: server.port, host: "localhost:\(server.port)").status, 200)

        let diagrams = try FileManager.default.contentsOfDirectory(atPath: scratch.path("site/diagrams"))
        let overview = try XCTUnwrap(diagrams.first { $0.hasSuffix(".png") }).dropLast(4)
        let expected = ["svg": "image/svg+xml", "png": "image/png", "pdf": "application/pdf", "dot": "text/vnd.graphviz; charset=utf-8"]
        for (format, type) in expected {
            let response = try HTTPProbe.get("/diagrams/\(overview).\(format)", port: server.port)
            XCTAssertEqual(response.status, 200, format)
            XCTAssertEqual(response.headers["content-type"], type, format)
            XCTAssertEqual(response.body, FileManager.default.contents(atPath: scratch.path("site/diagrams/\(overview).\(format)")),
                           "\(format) is sent as it is on disk")
        }
        XCTAssertEqual(try HTTPProbe.get("/assets/style.css", port: server.port).headers["content-type"], "text/css; charset=utf-8")
        let folder = try HTTPProbe.get("/actors", port: server.port)
        XCTAssertEqual(folder.status, 301)
        XCTAssertEqual(folder.headers["location"], "/actors/")
    }

    func testJSONFilesOfTheSiteAreSentAsJSON() throws {
        let server = try start()
        try #"{"a": 1}"#.write(toFile: scratch.path("site/data.json"), atomically: true, encoding: .utf8)
        let response = try HTTPProbe.get("/data.json", port: server.port)
        XCTAssertEqual(response.headers["content-type"], "application/json")
        XCTAssertEqual(response.text, #"{"a": 1}"#)
    }

    func testASecondServeOnATakenPortSaysSoAndExits69OrTakesAFreePortWhenAsked() throws {
        let first = try start()
        let taken = try Relmap.run(["serve", scratch.path("model"), "--out", scratch.path("other"), "--port", "\(first.port)", "--quiet"], timeout: 60)
        XCTAssertEqual(taken.status, 69, taken.stderr)
        XCTAssertEqual(taken.stderrLines.last,
                       "relmap serve: error: port \(first.port) on 127.0.0.1 is taken by another program; choose another with --port, or --port 0 for any free port")
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("other/index.html")), "nothing is built before the port is known")

        let second = try Server([scratch.path("model"), "--out", scratch.path("other"), "--port", "\(first.port)", "--free-port", "--quiet"],
                                scratch: scratch)
        try second.waitUntilServing()
        XCTAssertNotEqual(second.port, first.port)
        XCTAssertTrue(second.stderr.contains("relmap serve: port \(first.port) is taken; serving on a free port"), second.stderr)
        XCTAssertEqual(try HTTPProbe.get("/", port: second.port).status, 200)
    }

    func testASecondServeOrBuildOfTheSameOutputIsRefusedWhileServing() throws {
        let server = try start()
        let build = try Relmap.run(["build", scratch.path("model"), "--out", scratch.path("site"), "--quiet"])
        XCTAssertEqual(build.status, 75, build.stderr)
        XCTAssertEqual(build.stderrLines, ["relmap build: error: another build is writing \(scratch.path("site")) (pid \(server.process.processIdentifier))"])
    }

    func testALoopbackHostIsTheDefaultAndAnyOtherIsServedWithAWarning() throws {
        let bad = try Relmap.run(["serve", scratch.path("model"), "--host", "example.com"])
        XCTAssertEqual(bad.status, 64, bad.stderr)
        let server = try Server([scratch.path("model"), "--out", scratch.path("site"), "--port", "0", "--host", "0.0.0.0", "--quiet"],
                                scratch: scratch)
        let deadline = Date().addingTimeInterval(240)
        while !server.stderr.contains("serving "), Date() < deadline, server.process.isRunning { usleep(50_000) }
        XCTAssertTrue(server.stderr.hasPrefix("relmap serve: warning: serving on 0.0.0.0: any machine that can reach this one can read the site"),
                      server.stderr)
    }

    func testCtrlCStopsServingMidBuildWithNoWorkerProcessOrStagedSiteLeft() throws {
        let server = try start(environment: ["RELMAP_RENDER_WORKER_TEST_SLEEP": "focus-vaobland-security-service-8=4"])
        // A new start date redraws the diagrams that show it, in workers (a reworded summary alone redraws
        // nothing, and starts none), the edited actor's slowly.
        try editRelations { $0.replacingOccurrences(of: summary, with: edited).replacingOccurrences(of: #"start: "2011-03""#, with: #"start: "2012-03""#) }
        var workers: [Int32] = []
        let deadline = Date().addingTimeInterval(120)
        while workers.isEmpty, Date() < deadline {
            workers = ServeCommandTests.children(of: server.process.processIdentifier)
            usleep(20_000)
        }
        XCTAssertFalse(workers.isEmpty, "no render worker was seen; stderr:\n\(server.stderr)")
        kill(server.process.processIdentifier, SIGINT)
        XCTAssertEqual(server.waitForExit(), 130, server.stderr)
        XCTAssertTrue(server.stderr.hasSuffix("relmap serve: stopped by SIGINT\n"), server.stderr)
        for worker in workers {
            XCTAssertNotEqual(kill(worker, 0), 0, "worker \(worker) is still running")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".site") }
        XCTAssertEqual(left, [], "a staging folder or the lock is left")
        XCTAssertTrue(try String(contentsOfFile: scratch.path("site/actors/vaobland-security-service-8.html"), encoding: .utf8).contains(summary),
                      "the last published site stays")
    }

    /// The process ids whose parent is `pid`.
    static func children(of pid: Int32) -> [Int32] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.flatMap { task in
            ((try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? "")
                .split(separator: " ").compactMap { Int32($0) }
        }
    }
}
