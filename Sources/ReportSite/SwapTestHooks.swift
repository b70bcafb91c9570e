import Foundation

/// Faults a test can inject into the swap of a site through environment variables; inert when they are unset.
///
/// - `RELMAP_TEST_NO_RENAME_EXCHANGE`: set, the swap takes its two-rename way, as on a file system that
///   cannot exchange two names.
/// - `RELMAP_TEST_KILL_IN_SWAP`: `exchanged` or `moved-aside`; the process kills itself (SIGKILL) right after
///   that step of the swap.
enum SwapTestHooks {
    static let mayExchange = ProcessInfo.processInfo.environment["RELMAP_TEST_NO_RENAME_EXCHANGE"] == nil
    private static let killAt = ProcessInfo.processInfo.environment["RELMAP_TEST_KILL_IN_SWAP"]

    /// Kills the process when the test asked to die at `step`.
    static func reached(_ step: String) {
        if killAt == step { kill(getpid(), SIGKILL) }
    }
}
