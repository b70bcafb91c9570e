import Foundation

/// The calling process's memory use.
enum ProcessMemory {
    /// The most memory the process has held resident so far, in MiB (a worker's leaked layouts only add to
    /// it, so for a worker it is what it holds now): one `getrusage` call, where reading `/proc/self/statm`
    /// after every job cost a few percent of a small diagram's time.
    static func residentMegabytes() -> Int {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return usage.ru_maxrss / 1024
    }
}
