import CGraphviz
import Foundation
import Synchronization

/// Collects what Graphviz reports through `agerr`, so nothing reaches stderr raw.
///
/// Graphviz calls the handler once per fragment ("Error", ": ", text); the fragments are
/// accumulated and split into messages afterwards. Used only under `GraphvizSession`'s lock.
enum GraphvizMessages {
    private static let text = Mutex("")

    private static let handler: agusererrf = { fragment in
        if let fragment {
            let piece = String(cString: fragment)
            GraphvizMessages.text.withLock { $0 += piece }
        }
        return 0
    }

    /// Routes Graphviz's messages here from now on; idempotent.
    static let install: Void = {
        _ = agseterrf(handler)
        _ = agseterr(AGWARN)
    }()

    /// Forgets what was collected and Graphviz's error count.
    static func reset() {
        text.withLock { $0 = "" }
        _ = agreseterrors()
    }

    /// The messages collected since the last reset, split into errors and warnings, without the "Error: " / "Warning: " labels.
    static func collected() -> (errors: [String], warnings: [String]) {
        var errors: [String] = []
        var warnings: [String] = []
        var current: (isError: Bool, lines: [String])?
        func flush() {
            guard let finished = current else { return }
            let message = finished.lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if !message.isEmpty {
                if finished.isError { errors.append(message) } else { warnings.append(message) }
            }
            current = nil
        }
        for line in text.withLock({ $0 }).split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
            if line.hasPrefix("Error: ") {
                flush()
                current = (true, [String(line.dropFirst("Error: ".count))])
            } else if line.hasPrefix("Warning: ") {
                flush()
                current = (false, [String(line.dropFirst("Warning: ".count))])
            } else if current != nil {
                current!.lines.append(line)
            } else {
                current = (false, [line])
            }
        }
        flush()
        return (errors, warnings)
    }

    /// Whether Graphviz counted an error since the last reset (warnings do not count).
    static var hasErrors: Bool { agerrors() > 0 }
}
