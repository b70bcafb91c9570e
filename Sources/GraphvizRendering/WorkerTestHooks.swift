import Foundation

/// Faults a test can inject into `relmap render-worker` through environment variables; inert when they are unset.
///
/// - `RELMAP_RENDER_WORKER_TEST_CRASH`: comma-separated `id` or `id@engine`; the worker dies of SIGSEGV before
///   rendering them. With `+used` after either, only in a worker that has rendered another job before.
/// - `RELMAP_RENDER_WORKER_TEST_SLEEP`: comma-separated `id=seconds` or `id@engine=seconds`; the worker sleeps first.
/// - `RELMAP_RENDER_WORKER_TEST_START_SLEEP`: seconds the worker sleeps before it loads Graphviz.
struct WorkerTestHooks {
    static let crashVariable = "RELMAP_RENDER_WORKER_TEST_CRASH"
    static let sleepVariable = "RELMAP_RENDER_WORKER_TEST_SLEEP"
    static let startSleepVariable = "RELMAP_RENDER_WORKER_TEST_START_SLEEP"

    private var crashes: Set<String> = []
    private var sleeps: [String: Double] = [:]
    private var startSleep: Double?

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        for entry in Self.entries(environment[Self.crashVariable]) {
            crashes.insert(entry)
        }
        for entry in Self.entries(environment[Self.sleepVariable]) {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2, let seconds = Double(parts[1]) { sleeps[parts[0]] = seconds }
        }
        startSleep = environment[Self.startSleepVariable].flatMap(Double.init)
    }

    /// Sleeps as long as the start delay says, if one is set.
    func applyAtStart() {
        if let startSleep { Thread.sleep(forTimeInterval: startSleep) }
    }

    /// Applies the faults configured for `job`, if any; `jobsBefore` is how many jobs the worker rendered before.
    func apply(to job: RenderJob, jobsBefore: Int = 0) {
        var keys = [job.id, "\(job.id)@\(job.engine.rawValue)"]
        if jobsBefore > 0 { keys += keys.map { $0 + "+used" } }
        if let seconds = keys.compactMap({ sleeps[$0] }).first {
            Thread.sleep(forTimeInterval: seconds)
        }
        if keys.contains(where: crashes.contains) {
            signal(SIGSEGV, SIG_DFL)
            raise(SIGSEGV)
        }
    }

    private static func entries(_ value: String?) -> [String] {
        (value ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
