import Foundation
import RelationModel
import Synchronization
import SystemIO

/// Writes messages to stderr, coloured only on a terminal and when `NO_COLOR` is unset.
///
/// Writes go straight to the descriptor and never trap: a message that cannot be written (`2>/dev/full`, a log
/// on a full disk) is dropped and remembered, and the command's exit status then says what happened (74 when
/// the command had succeeded, see `Relmap.main`). Lines are written whole, one thread at a time.
enum Terminal {
    private struct State {
        var silenced = false
        var lost = false
    }

    private static let state = Mutex(State())

    static let usesColor: Bool = {
        ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true && isatty(STDERR_FILENO) != 0
    }()

    static func error(_ line: String) {
        write(line)
    }

    static func diagnostic(_ diagnostic: Diagnostic) {
        write(text(of: diagnostic))
    }

    /// A diagnostic's line, its severity coloured when messages are.
    static func text(of diagnostic: Diagnostic) -> String {
        guard usesColor else { return diagnostic.description }
        let color = diagnostic.severity == .error ? "\u{1B}[31m" : "\u{1B}[33m"
        return "\(diagnostic.location): \(color)\(diagnostic.severity.rawValue)\u{1B}[0m: \(diagnostic.message)"
    }

    static func write(_ line: String) {
        writeText(line + "\n")
    }

    /// Writes text as it is (progress lines rewrite themselves with `\r`).
    static func writeText(_ text: String) {
        state.withLock { state in
            guard !state.silenced else { return }
            if !StandardStream.write(text, to: STDERR_FILENO) { state.lost = true }
        }
    }

    /// Drops every message from now on: the process is stopping and other threads' errors would only mislead.
    static func silence() {
        state.withLock { $0.silenced = true }
    }

    /// Writes a line even after `silence`: the last word of a stopping process.
    static func writeAfterSilence(_ line: String) {
        _ = StandardStream.write(line + "\n", to: STDERR_FILENO)
    }

    /// Whether a message could not be written.
    static var lostMessages: Bool {
        state.withLock { $0.lost }
    }
}

/// Data a command prints on stdout, written at once to the descriptor, so a failed write (a full disk) is
/// known and the command exits 74 instead of 0. A reader that went away (EPIPE) ends the output quietly.
enum StandardOutput {
    static func write(_ text: String) throws {
        guard StandardStream.write(text, to: STDOUT_FILENO) || errno == EPIPE else {
            let reason = String(cString: strerror(errno))
            Terminal.error("relmap: error: cannot write to stdout: \(reason)")
            throw SysExit.ioError
        }
    }
}

enum StandardStream {
    /// Writes all of `text` to `descriptor`; false with `errno` set when it cannot.
    static func write(_ text: String, to descriptor: Int32) -> Bool {
        var text = text
        return text.withUTF8 { Descriptor.writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
    }

    /// Opens `/dev/null` on stdin, stdout or stderr when the caller closed them (`2>&-`), so the next file
    /// this process opens does not take their number and receive its messages.
    static func reopenClosedStandardDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) < 0 && errno == EBADF {
            let null = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if null >= 0, null != descriptor {
                dup2(null, descriptor)
                close(null)
            }
        }
    }
}
