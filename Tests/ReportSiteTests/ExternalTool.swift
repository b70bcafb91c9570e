import Foundation
import XCTest

/// A program the site checks run (the Nu HTML Checker, Chromium), found on PATH, or a skip saying how to get it.
struct ExternalTool {
    let path: String

    /// The first of `names` on PATH; otherwise the test is skipped with the install hint.
    init(_ names: [String], install: String) throws {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in names {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                path = "\(folder)/\(name)"
                return
            }
        }
        throw XCTSkip("\(names[0]) is not installed (\(install)); `make test` installs it")
    }

    /// Runs the tool and returns its exit status, stdout and stderr.
    @discardableResult
    func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let base = NSTemporaryDirectory() + "relmap-tool-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: base + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: base + ".err", contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: base + ".out")
            try? FileManager.default.removeItem(atPath: base + ".err")
        }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".err"))
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw XCTSkip("\(path) did not finish within \(Int(timeout)) s")
        }
        let outputData = FileManager.default.contents(atPath: base + ".out") ?? Data()
        let errorData = FileManager.default.contents(atPath: base + ".err") ?? Data()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }
}
