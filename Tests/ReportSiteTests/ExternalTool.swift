import Foundation
import TestProcesses
import XCTest

/// A program the site checks run (the Nu HTML Checker, Chromium), found on PATH, or a skip saying how to get it.
struct ExternalTool {
    let path: String

    /// The first of `names` on PATH; otherwise the test is skipped with the install hint.
    init(_ names: [String], install: String) throws {
        guard let path = Subprocess.onPath(names) else {
            throw XCTSkip("\(names[0]) is not installed (\(install)); `make test` installs it")
        }
        self.path = path
    }

    /// Runs the tool and returns its exit status, stdout and stderr; a tool that runs past `timeout` is a skip.
    @discardableResult
    func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> (status: Int32, output: String, errors: String) {
        var tool = Subprocess(path, arguments)
        tool.timeout = timeout
        let result = try tool.run()
        if result.timedOut { throw XCTSkip("\(path) did not finish within \(Int(timeout)) s") }
        return (result.status, result.stdoutText, result.stderrText)
    }
}
