import Foundation
import SystemIO

/// What the last successful build was made from and what it left on disk, kept in the render cache folder.
/// When a new build has the same inputs and the site on disk is exactly as that build left it (same paths,
/// sizes, modification times and inodes), there is nothing to do.
public struct BuildStamp: Codable, Equatable {
    /// A hash of everything the site is made from.
    public var inputs: String
    /// One line per file of the output: path, size, modification time in nanoseconds, inode; sorted.
    public var files: [String]

    /// The stamp's file in a cache folder.
    public static func path(in cacheFolder: String) -> String { "\(cacheFolder)/site-stamp.json" }

    /// Hashes the model, the relmap executable (its version, size and modification time), the templates and
    /// assets, and any options that change the output.
    public static func inputs(metadata: SiteMetadata, executable: String, templates: TemplateSet, options: [String]) -> String {
        var parts: [(name: String, data: Data)] = [
            ("model", Data(metadata.modelHash.utf8)), ("relmap", Data(program(version: metadata.relmapVersion, executable: executable).utf8)),
            ("title", Data(metadata.title.utf8)), ("options", Data(options.joined(separator: "\n").utf8)),
        ]
        parts += templates.templates.keys.sorted().map { ("template \($0)", Data(templates.templates[$0]!.utf8)) }
        parts += templates.assets.keys.sorted().map { ("asset \($0)", templates.assets[$0]!) }
        return SiteMetadata.hash(of: parts)
    }

    /// The program that builds: relmap's version and its executable's size and modification time.
    public static func program(version: String, executable: String) -> String {
        var status = stat()
        let binary = stat(executable, &status) == 0 ? "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)" : "unknown"
        return "\(version) \(binary)"
    }

    /// Every regular file under `output`, as stamp lines; nil when the folder cannot be read.
    public static func listing(of output: String) -> [String]? {
        var lines: [String] = []
        let complete = FileTree.walk(output) { relative, status in
            switch status.st_mode & S_IFMT {
            case S_IFDIR: break
            case S_IFREG:
                let nanoseconds = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
                lines.append("\(relative)\t\(status.st_size)\t\(nanoseconds)\t\(status.st_ino)")
            default:
                lines.append("\(relative)\tother")
            }
            return true
        }
        return complete ? lines.sorted() : nil
    }

    public init(inputs: String, files: [String]) {
        self.inputs = inputs
        self.files = files
    }

    /// The stamp saved in `cacheFolder`, if any.
    public static func load(from cacheFolder: String) -> BuildStamp? {
        guard let data = FileManager.default.contents(atPath: path(in: cacheFolder)) else { return nil }
        return try? JSONDecoder().decode(BuildStamp.self, from: data)
    }

    /// Whether a build from `inputs` would leave `output` exactly as it is.
    public func isCurrent(inputs: String, output: String) -> Bool {
        self.inputs == inputs && BuildStamp.listing(of: output) == files
    }

    /// Records the site now in `output` as built from `inputs`; a stamp that cannot be written only costs a rebuild.
    public static func record(inputs: String, output: String, cacheFolder: String) {
        guard let files = listing(of: output) else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(BuildStamp(inputs: inputs, files: files)) else { return }
        try? FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
        try? AtomicFile.replace(path(in: cacheFolder), with: data)
    }

    /// Forgets the last build, before the output is replaced.
    public static func remove(from cacheFolder: String) {
        unlink(path(in: cacheFolder))
    }
}
