import Foundation

/// A last line on stderr when relmap itself traps or crashes (Swift stops a process that runs out of memory with
/// a trap, and a thread that cannot get a stack crashes it), instead of an exit status alone. The handler only
/// writes a line prepared beforehand and exits 70, as a signal handler must; the staged site it leaves is
/// removed by the next build.
enum CrashReport {
    private static let signals: [(Int32, String)] = [
        (SIGILL, "SIGILL"), (SIGTRAP, "SIGTRAP"), (SIGABRT, "SIGABRT"), (SIGSEGV, "SIGSEGV"), (SIGBUS, "SIGBUS"), (SIGFPE, "SIGFPE"),
    ]

    /// The prepared lines, by signal number, in memory the handler may read: filled before any handler is
    /// installed, and never changed after.
    private nonisolated(unsafe) static let lines: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: 65)
        table.initialize(repeating: nil, count: 65)
        return table
    }()

    /// Installs the handlers, once; `command` names the command in the line.
    static func install(command: String) {
        let table = lines
        guard table[Int(SIGILL)] == nil else { return }
        for (number, name) in signals {
            table[Int(number)] = strdup("relmap \(command): error: stopped by \(name): out of memory, or a fault in relmap; the output was left as it was\n")
        }
        for (number, _) in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                let table = CrashReport.lines
                if number >= 0, number < 65, let line = table[Int(number)] {
                    _ = write(STDERR_FILENO, line, strlen(line))
                }
                _exit(70)
            }
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            sigemptyset(&action.sa_mask)
            sigaction(number, &action, nil)
        }
    }
}
