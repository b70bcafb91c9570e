import Foundation
import Synchronization

/// Prints `[i/N] step` lines to stderr: one live, rewritten line on a terminal, plain lines otherwise,
/// nothing when quiet. The step's thread and the drawing's threads report at once, so the line is kept behind
/// a lock and each report is written whole.
public final class BuildProgress: Sendable {
    public enum Style: Sendable { case live, plain, quiet }

    private struct State {
        var current = ""
        var hasLiveLine = false
    }

    private let style: Style
    private let write: @Sendable (String) -> Void
    private let state = Mutex(State())

    public init(style: Style, write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.style = style
        self.write = write
    }

    /// Live on a terminal (unless `TERM=dumb` or `CI` is set), plain otherwise.
    public static func style(quiet: Bool, isTerminal: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> Style {
        if quiet { return .quiet }
        let dumb = environment["TERM"] == "dumb" || environment["CI"].map { !$0.isEmpty } == true
        return isTerminal && !dumb ? .live : .plain
    }

    /// Announces step `index` (from 1) of `count`.
    public func step(_ index: Int, of count: Int, _ name: String) {
        state.withLock { state in
            state.current = "[\(index)/\(count)] \(name)"
            show(state.current, final: false, &state)
        }
    }

    /// Updates the live line with how far the current step has got; plain output prints only every
    /// tenth of the way, so CI logs stay short.
    public func detail(done: Int, total: Int) {
        state.withLock { state in
            switch style {
            case .live: show("\(state.current) (\(done)/\(total))", final: false, &state)
            case .plain:
                let stride = max(1, total / 10)
                if done == total || done % stride == 0 { write("\(state.current) (\(done)/\(total))\n") }
            case .quiet: break
            }
        }
    }

    /// Ends the live line with a summary.
    public func finish(_ summary: String) {
        state.withLock { show(summary, final: true, &$0) }
    }

    /// A line that must stay visible even when quiet (a warning), printed above the live line.
    public func note(_ line: String) {
        state.withLock { state in
            if style == .live, state.hasLiveLine { write("\r\u{1B}[K") }
            write(line + "\n")
            if style == .live, state.hasLiveLine { write(state.current) }
        }
    }

    private func show(_ line: String, final: Bool, _ state: inout State) {
        switch style {
        case .quiet: return
        case .plain: write(line + "\n")
        case .live:
            write("\r\u{1B}[K" + line + (final ? "\n" : ""))
            state.hasLiveLine = !final
        }
    }
}
