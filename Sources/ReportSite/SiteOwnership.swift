import Foundation
import SystemIO

/// Which folders relmap may replace with a site: only one it wrote, so that a mistyped `--out` never deletes
/// somebody's files. Every site relmap writes carries a marker file at its top; a site written before there
/// was a marker is known by the build stamp beside it, which lists its files, or by the generator line of its
/// `index.html`.
public enum SiteOwnership {
    /// The marker's name at the top of a site.
    public static let markerName = ".relmap-site"

    /// The marker's bytes: the same in every site, so builds stay byte-identical.
    public static let markerText = """
        This folder is a site written by relmap build, which replaces it whole at the next build: only a
        README.md at its top is carried over, anything else put here is deleted then.

        """

    /// The line relmap's pages carry in their head, which marks a site written before there was a marker.
    static let generatorLine = "<meta name=\"generator\" content=\"relmap "

    /// Refuses `output` unless a site may be written there: nothing, an empty folder, a folder holding only the
    /// publisher's `README.md` (which is carried over), or a site relmap wrote. `cacheFolder` is where a stamp
    /// of an older build would be.
    public static func check(_ output: String, cacheFolder: String) throws(OutputRefusal) {
        var status = stat()
        // Nothing there (or a path that cannot be reached, which writing will report): nothing to lose.
        guard lstat(output, &status) == 0 else { return }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK:
            throw OutputRefusal(.cannotCreate, path: output, reason: "the output is a symbolic link; name the folder it points to")
        default:
            throw OutputRefusal(.cannotCreate, path: output,
                                reason: "refusing to replace a file with a site; choose a new or empty folder for --out")
        }
        guard let entries = FileTree.names(in: output) else {
            throw OutputRefusal(.cannotCreate, path: output, reason: "cannot read the folder: \(String(cString: strerror(errno)))")
        }
        let others = entries.filter { !($0 == "README.md" && isPublishersReadme("\(output)/\($0)")) }
        if others.isEmpty || isRegularFile("\(output)/\(markerName)") || stampListsEverything(in: output, cacheFolder: cacheFolder)
            || hasGeneratedIndex(output) {
            return
        }
        let named = others.sorted().prefix(2).joined(separator: ", ") + (others.count > 2 ? " and \(others.count - 2) more" : "")
        throw OutputRefusal(.cannotCreate, path: output,
                            reason: "refusing to replace a folder relmap did not write (it holds \(named)); choose a new or empty folder for --out")
    }

    /// Whether `path` is a README a publisher put in the output, which is carried over: a file or a symbolic link.
    static func isPublishersReadme(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT == S_IFREG || status.st_mode & S_IFMT == S_IFLNK)
    }

    static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    /// Whether the build stamp beside the output lists every file in it (a site of an earlier relmap).
    private static func stampListsEverything(in output: String, cacheFolder: String) -> Bool {
        guard let stamp = BuildStamp.load(from: cacheFolder), let listing = BuildStamp.listing(of: output) else { return false }
        let written = Set(stamp.files.map { $0.split(separator: "\t", maxSplits: 1).first.map(String.init) ?? $0 })
        return listing.allSatisfy { line in
            let path = line.split(separator: "\t", maxSplits: 1).first.map(String.init) ?? line
            return path == "README.md" || written.contains(path)
        }
    }

    /// Whether the folder's `index.html` is one relmap generated (a site of an earlier relmap).
    private static func hasGeneratedIndex(_ output: String) -> Bool {
        let index = "\(output)/index.html"
        guard isRegularFile(index), let handle = FileHandle(forReadingAtPath: index) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        return String(decoding: head, as: UTF8.self).contains(generatorLine)
    }
}
