import Foundation

/// The calling process's memory use, from `/proc/self/statm`.
enum ProcessMemory {
    /// Resident set size in MiB, or 0 when `/proc` cannot be read.
    static func residentMegabytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / (1024 * 1024)
    }
}
