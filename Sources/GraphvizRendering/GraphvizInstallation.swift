import Crypto
import Foundation
import Hashing

/// The Graphviz this process draws with, as a short fingerprint that the render cache puts in its keys: the
/// library's file, every file of the plugin folder (names, sizes, modification times, `config6a` included),
/// and `GVBINDIR`. Another version, a plugin added or removed, or another plugin folder gives another
/// fingerprint, so a diagram drawn by one is never taken for another's. It is read from the file system
/// alone: a few `stat`s, and no plugin is loaded.
public enum GraphvizInstallation {
    public static let fingerprint: String = {
        var lines: [String] = []
        let library = libraryPath()
        lines.append("library \(library ?? "unknown") \(library.map(describe) ?? "")")
        let environment = ProcessInfo.processInfo.environment["GVBINDIR"]
        lines.append("GVBINDIR \(environment ?? "unset")")
        if let folder = environment ?? library.map({ ($0 as NSString).deletingLastPathComponent + "/graphviz" }) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            lines += names.sorted().map { "plugin \($0) \(describe("\(folder)/\($0)"))" }
        }
        return String(SHA256.hash(data: Data(lines.joined(separator: "\n").utf8)).hexadecimal.prefix(32))
    }()

    /// The real path of the loaded libgvc, from the process's memory map.
    private static func libraryPath() -> String? {
        guard let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) else { return nil }
        for line in maps.split(separator: "\n") {
            guard let slash = line.firstIndex(of: "/") else { continue }
            let path = String(line[slash...])
            if (path as NSString).lastPathComponent.hasPrefix("libgvc.so") { return path }
        }
        return nil
    }

    /// A file's size and modification time, following links; "missing" when it cannot be read.
    private static func describe(_ path: String) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else { return "missing" }
        return "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    }
}
