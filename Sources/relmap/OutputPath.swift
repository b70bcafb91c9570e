import Foundation

/// Where `relmap build --out` writes, as the kernel sees it, and the places a site must never replace.
///
/// The path is resolved physically: `link/../site` is the folder beside the link's target, as `rename` will
/// see it, not the one beside the link; and an output that is a symbolic link is kept, the site going to
/// the folder it points to.
struct OutputPath {
    /// The path as given, for messages.
    var given: String
    /// The absolute, physical path the site goes to.
    var resolved: String

    /// A path a site may not be written to, with the reason, for exit 64.
    struct Refusal: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): error: \(reason)" }
    }

    /// Resolves `given` and refuses an empty path, the root, and any folder that holds the current folder or
    /// one of `protected` (the model, the templates): replacing it would delete them.
    init(_ given: String, protecting protected: [(what: String, path: String)]) throws(Refusal) {
        self.given = given
        guard !given.isEmpty else {
            throw Refusal(path: "--out", reason: "the output folder's name is empty")
        }
        resolved = OutputPath.physical(given)
        guard resolved != "/" else {
            throw Refusal(path: given, reason: "refusing to write a site over the root folder")
        }
        let holders = [("the current folder", FileManager.default.currentDirectoryPath)] + protected.map { ($0.what, $0.path) }
        for (what, path) in holders {
            let inside = OutputPath.physical(path)
            if inside == resolved || inside.hasPrefix(resolved + "/") {
                let place = inside == resolved ? "is" : "holds"
                throw Refusal(path: given, reason: "refusing to replace this folder: it \(place) \(what); choose a folder of its own for --out")
            }
        }
    }

    /// The absolute path with every symbolic link resolved, its own last component included, as far as it exists;
    /// the rest is appended as written.
    static func physical(_ path: String, depth: Int = 0) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        if !path.hasPrefix("/") { path = FileManager.default.currentDirectoryPath + "/" + path }
        if let real = realPath(path) { return real }
        var status = stat()
        if depth < 40, lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK,
           let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
            // A link to nowhere yet: the site is written where it points.
            let directory = (path as NSString).deletingLastPathComponent
            return physical(target.hasPrefix("/") ? target : directory + "/" + target, depth: depth + 1)
        }
        let name = (path as NSString).lastPathComponent
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty, parent != path, name != "..", name != "." else { return (path as NSString).standardizingPath }
        let resolvedParent = physical(parent, depth: depth + 1)
        return resolvedParent == "/" ? "/" + name : resolvedParent + "/" + name
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
