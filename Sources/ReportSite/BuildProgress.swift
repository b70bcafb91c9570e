import Foundation

/// Prints `[i/N] step` lines to stderr: one live, rewritten line on a terminal, plain lines otherwise,
/// nothing when quiet.
public final class BuildProgress {
    public enum Style { case live, plain, quiet }

    private let style: Style
    private let write: (String) -> Void
    private var current = ""
    private var hasLiveLine = false

    public init(style: Style, write: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
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
        current = "[\(index)/\(count)] \(name)"
        show(current, final: false)
    }

    /// Updates the live line with how far the current step has got; plain output prints only every
    /// tenth of the way, so CI logs stay short.
    public func detail(done: Int, total: Int) {
        switch style {
        case .live: show("\(current) (\(done)/\(total))", final: false)
        case .plain:
            let stride = max(1, total / 10)
            if done == total || done % stride == 0 { write("\(current) (\(done)/\(total))\n") }
        case .quiet: break
        }
    }

    /// Ends the live line with a summary.
    public func finish(_ summary: String) {
        show(summary, final: true)
    }

    /// A line that must stay visible even when quiet (a warning), printed above the live line.
    public func note(_ line: String) {
        if style == .live, hasLiveLine { write("\r\u{1B}[K") }
        write(line + "\n")
        if style == .live, hasLiveLine { write(current) }
    }

    private func show(_ line: String, final: Bool) {
        switch style {
        case .quiet: return
        case .plain: write(line + "\n")
        case .live:
            write("\r\u{1B}[K" + line + (final ? "\n" : ""))
            hasLiveLine = !final
        }
    }
}
