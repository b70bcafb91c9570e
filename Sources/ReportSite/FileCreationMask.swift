import Foundation

/// The process's file creation mask, read without changing it: `umask(2)` can only be read by setting it,
/// which would give files made meanwhile on other threads the wrong permissions.
enum FileCreationMask {
    static let current: mode_t = {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let mask = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) {
            return mask
        }
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()
}
