import Foundation

/// A program a test runs: the built `relmap`, Graphviz's commands, a browser or a checker. Its output goes to
/// files rather than pipes, so a program that writes a lot never blocks on a full pipe, and one that runs past
/// its time limit is killed instead of hanging the suite.
public struct Subprocess: Sendable {
    /// Where a standard stream goes.
    public enum Stream: Sendable {
        /// Kept, and returned in the result.
        case captured
        case discarded
        /// Written to this file (which must exist), `/dev/full` say.
        case file(String)
    }

    /// How a program ended.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: Data
        public var stderr: Data
        /// True when the program ran past its time limit and was killed.
        public var timedOut: Bool
        /// True when the program ended by a signal (a crash, or the kill after a timeout) rather than by exiting.
        public var crashed: Bool

        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    public var executable: String
    public var arguments: [String]
    /// Variables set for the program on top of this process's environment; a nil value removes one.
    public var environment: [String: String?] = [:]
    /// The program's current folder; this process's when nil.
    public var directory: String?
    /// What the program reads on stdin; nothing (`/dev/null`) when nil.
    public var input: Data?
    public var stdout = Stream.captured
    public var stderr = Stream.captured
    /// How long the program may run before it is killed.
    public var timeout: TimeInterval = 120

    public init(_ executable: String, _ arguments: [String] = []) {
        self.executable = executable
        self.arguments = arguments
    }

    /// The `relmap` the tests run: `RELMAP_BINARY`, or the one SwiftPM built beside the test bundle.
    public static var relmap: String {
        if let path = ProcessInfo.processInfo.environment["RELMAP_BINARY"] { return path }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("relmap").path
    }

    /// The first of `names` found on PATH.
    public static func onPath(_ names: [String]) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in names {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    /// Runs the program to its end, or until its time limit.
    public func run() throws -> Result {
        try start().wait()
    }

    /// Starts the program without waiting for it.
    public func start() throws -> Running {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("relmap-subprocess-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        for (name, value) in self.environment { environment[name] = value }
        process.environment = environment
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if let input {
            try input.write(to: URL(fileURLWithPath: scratch + "/stdin"))
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: scratch + "/stdin"))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        process.standardOutput = try Self.handle(for: stdout, capturedAt: scratch + "/stdout")
        process.standardError = try Self.handle(for: stderr, capturedAt: scratch + "/stderr")
        do {
            try process.run()
        } catch {
            try? FileManager.default.removeItem(atPath: scratch)
            throw error
        }
        return Running(process: process, scratch: scratch, timeout: timeout)
    }

    private static func handle(for stream: Stream, capturedAt path: String) throws -> FileHandle {
        switch stream {
        case .captured:
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            return try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        case .discarded: return FileHandle.nullDevice
        case .file(let file): return try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        }
    }

    /// A program started and not yet waited for.
    public final class Running {
        private let process: Process
        private let scratch: String
        private let deadline: Date

        fileprivate init(process: Process, scratch: String, timeout: TimeInterval) {
            self.process = process
            self.scratch = scratch
            deadline = Date().addingTimeInterval(timeout)
        }

        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            try? FileManager.default.removeItem(atPath: scratch)
        }

        public var processIdentifier: Int32 { process.processIdentifier }
        public var isRunning: Bool { process.isRunning }

        /// Sends `signal` to the program.
        public func signal(_ signal: Int32) {
            kill(process.processIdentifier, signal)
        }

        /// Waits for the program to end, killing it at its time limit, and returns how it ended.
        public func wait() -> Result {
            var timedOut = false
            while process.isRunning {
                if Date() > deadline {
                    timedOut = true
                    kill(process.processIdentifier, SIGKILL)
                    break
                }
                usleep(10_000)
            }
            process.waitUntilExit()
            return Result(status: process.terminationStatus,
                          stdout: FileManager.default.contents(atPath: scratch + "/stdout") ?? Data(),
                          stderr: FileManager.default.contents(atPath: scratch + "/stderr") ?? Data(),
                          timedOut: timedOut, crashed: process.terminationReason == .uncaughtSignal)
        }
    }
}
