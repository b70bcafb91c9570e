import Foundation

/// Finds the file a request names inside the site folder, and never one outside it: a path with a `.` or `..`
/// segment (after percent-decoding, so `%2e%2e` too) is refused, names starting with a dot (the site's marker)
/// are not served, and a symbolic link is followed only when the file it leads to is inside the site.
public struct SiteFiles: Sendable {
    /// The site's folder (the build's output).
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public enum Lookup: Equatable, Sendable {
        /// A regular file inside the site: its real path and its path in the site.
        case file(String, sitePath: String)
        /// A folder named without its trailing slash: relative links on its index page need one.
        case redirect(String)
        case notFound
        /// A path that tries to leave the site, or that no file can have.
        case badRequest
    }

    /// What `requestPath` (decoded, starting with `/`) names: a folder's `index.html` for a path ending in `/`.
    public func lookup(_ requestPath: String) -> Lookup {
        guard requestPath.hasPrefix("/"), !requestPath.contains("\0") else { return .badRequest }
        let segments = requestPath.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == "." || $0 == ".." }) { return .badRequest }
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        guard let realRoot = SiteFiles.realPath(root) else { return .notFound }
        let relative = segments.joined(separator: "/")
        guard let real = SiteFiles.realPath(relative.isEmpty ? realRoot : "\(realRoot)/\(relative)"),
              real == realRoot || real.hasPrefix(realRoot == "/" ? "/" : realRoot + "/") else { return .notFound }
        var status = stat()
        guard stat(real, &status) == 0 else { return .notFound }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            return .file(real, sitePath: relative)
        case S_IFDIR:
            guard requestPath.hasSuffix("/") else { return .redirect(requestPath + "/") }
            let index = relative.isEmpty ? "index.html" : "\(relative)/index.html"
            guard let realIndex = SiteFiles.realPath("\(realRoot)/\(index)"), realIndex.hasPrefix(realRoot + "/"),
                  stat(realIndex, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return .notFound }
            return .file(realIndex, sitePath: index)
        default:
            return .notFound
        }
    }

    /// The path with every symbolic link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
