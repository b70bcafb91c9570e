import Foundation
import TestProcesses
import XCTest

/// Runs the built `relmap` binary (see `Subprocess`), with a time limit so that a hang fails instead of blocking.
enum Relmap {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
        /// True when the process ended by a signal (a crash) rather than by exiting.
        var crashed: Bool

        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// The binary: `RELMAP_BINARY`, or `relmap` beside the test bundle in the build products directory.
    static var binary: URL { URL(fileURLWithPath: Subprocess.relmap) }

    /// relmap with `arguments`, without colour.
    static func command(_ arguments: [String]) -> Subprocess {
        var command = Subprocess(Subprocess.relmap, arguments)
        command.environment["NO_COLOR"] = "1"
        return command
    }

    static func run(_ arguments: [String], timeout: TimeInterval = 60, directory: URL? = nil) throws -> Result {
        var command = command(arguments)
        command.timeout = timeout
        command.directory = directory?.path
        let result = try command.run()
        return Result(status: result.status, stdout: result.stdoutText, stderr: result.stderrText, timedOut: result.timedOut,
                      crashed: result.crashed)
    }

    /// Whether the binary offers a subcommand (other engineers' commands land at different times).
    static func hasSubcommand(_ name: String) throws -> Bool {
        let help = try run(["--help"])
        return help.stdout.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(name + " ") }
    }

    /// Runs another program, its output discarded, and returns its exit status.
    static func runTool(_ path: String, _ arguments: [String]) throws -> Int32 {
        var tool = Subprocess(path, arguments)
        tool.stdout = .discarded
        tool.stderr = .discarded
        return try tool.run().status
    }
}

extension XCTestCase {
    /// A scratch folder removed when this test ends, wherever the test keeps it: XCTest keeps every test case
    /// alive until the run ends and never releases them, so a folder kept in a property would outlive the run.
    func makeScratch() throws -> Scratch {
        let scratch = try Scratch()
        addTeardownBlock { [url = scratch.url] in try? FileManager.default.removeItem(at: url) }
        return scratch
    }
}

/// A temporary directory for one test, removed afterwards.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("relmap-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes a file (creating its folder) and returns its path.
    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }
}
