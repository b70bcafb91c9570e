import Foundation
import TestProcesses

/// Runs a Graphviz layout program on DOT text and reports its exit status and complaints, or what it drew.
enum GraphvizRun {
    static func layout(_ dot: String, engine: String) throws -> (status: Int32, stderr: String)? {
        var graphviz = Subprocess("/usr/bin/env", ["dot", "-K\(engine)", "-Tsvg", "-o", "/dev/null"])
        graphviz.input = Data(dot.utf8)
        graphviz.stdout = .discarded
        guard let result = try? graphviz.run() else { return nil }
        return (result.status, result.stderrText)
    }

    /// What `dot` draws from `dot` in `format` ("plain", "svg"), or nil when it cannot run or fails.
    static func output(_ dot: String, format: String) -> String? {
        var graphviz = Subprocess("/usr/bin/env", ["dot", "-T\(format)"])
        graphviz.input = Data(dot.utf8)
        guard let result = try? graphviz.run(), result.status == 0 else { return nil }
        return result.stdoutText
    }
}
