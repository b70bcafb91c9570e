import Foundation

/// Writes a site atomically: into `.NAME.tmp-XXXXXX` beside the output (as the build goes, for a staged site),
/// synced to disk, then swapped in by renames, so a failed or killed build leaves the previous site whole. A file
/// whose bytes are unchanged is hard-linked from the current output instead of written again. A `README.md` at the
/// top of an existing output that the site does not generate is the publisher's own and is carried over.
public struct SiteWriter {
    public let output: String

    public init(output: String) {
        self.output = output
    }

    /// The folder beside the output where the render cache lives, outside the published site.
    public var cacheFolder: String { "\(parent)/.relmap-cache" }

    public var parent: String { URL(fileURLWithPath: output).standardizedFileURL.deletingLastPathComponent().path }
    var name: String { URL(fileURLWithPath: output).standardizedFileURL.lastPathComponent }

    /// Makes the folder the output goes in, so a path that cannot hold a site fails before any work is done.
    public func prepare() throws {
        try SiteWriter.makeFolders(parent)
    }

    /// An empty staged site in a new temporary folder beside the output: files added to it go to disk at once.
    /// Hand it to `commit` to publish it, or to `discard` when the build fails.
    public func stage() throws -> Site {
        try prepare()
        removeStaleTemporaries()
        return Site(staging: SiteStaging(folder: try makeTemporaryFolder(), previous: output))
    }

    /// Publishes a staged site: carries over the publisher's README, syncs, and swaps it in for the output.
    public func commit(_ site: Site) throws {
        guard let temporary = site.stagingFolder else { return try write(site) }
        try discarding(site) {
            let keptReadme = "\(output)/README.md"
            if !site.contains("README.md"), let readme = FileManager.default.contents(atPath: keptReadme) {
                try site.add(readme, at: "README.md")
            }
            try SiteWriter.syncFileSystem(of: temporary)
            try swap(in: temporary)
        }
    }

    /// Removes a staged site's temporary folder; the output is untouched.
    public func discard(_ site: Site) {
        guard let temporary = site.stagingFolder else { return }
        FileTree.remove(temporary)
    }

    /// The error with the file named as it would have been in the output, not in the temporary folder.
    public func located(_ error: SiteWriteError, in site: Site) -> SiteWriteError {
        guard let temporary = site.stagingFolder else { return error }
        return SiteWriteError(path: error.path.replacingOccurrences(of: temporary, with: output), reason: error.reason)
    }

    /// Writes a site held in memory: staged file by file, then committed.
    public func write(_ site: Site) throws {
        guard site.stagingFolder == nil else { return try commit(site) }
        let staged = try stage()
        try discarding(staged) {
            for path in site.paths {
                try staged.add(site[path]!, at: path)
            }
        }
        try commit(staged)
    }

    /// Runs `body`; when it fails, removes the staged site and names the file in any `SiteWriteError` as it
    /// would have been in the output.
    private func discarding(_ site: Site, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as SiteWriteError {
            discard(site)
            throw located(error, in: site)
        } catch {
            discard(site)
            throw error
        }
    }

    /// Moves the old output aside, the new one in, then removes the old one.
    private func swap(in temporary: String) throws {
        let old = "\(parent)/.\(name).old"
        FileTree.remove(old)
        let hadOutput = FileManager.default.fileExists(atPath: output)
        if hadOutput { try SiteWriter.rename(output, old) }
        do {
            try SiteWriter.rename(temporary, output)
        } catch {
            if hadOutput { try? SiteWriter.rename(old, output) }
            throw error
        }
        SiteWriter.sync(parent)
        FileTree.remove(old)
    }

    private func makeTemporaryFolder() throws -> String {
        var template = Array("\(parent)/.\(name).tmp-XXXXXX".utf8CString)
        guard let result = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw SiteWriteError(path: parent, reason: String(cString: strerror(errno)))
        }
        return String(cString: result)
    }

    /// Temporary folders of builds that were killed; an old site left by a swap that was cut short is restored.
    private func removeStaleTemporaries() {
        let fileManager = FileManager.default
        let old = "\(parent)/.\(name).old"
        if !fileManager.fileExists(atPath: output), fileManager.fileExists(atPath: old) {
            try? SiteWriter.rename(old, output)
        }
        for entry in (try? fileManager.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(".\(name).tmp-") {
            FileTree.remove("\(parent)/\(entry)")
        }
    }

    /// `mkdir -p` with the system's own error messages ("Not a directory", "No space left on device").
    static func makeFolders(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw SiteWriteError(path: path, reason: String(cString: strerror(ENOTDIR))) }
            return
        }
        let above = (path as NSString).deletingLastPathComponent
        if !above.isEmpty, above != path { try makeFolders(above) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw SiteWriteError(path: path, reason: String(cString: strerror(errno)))
        }
    }

    static func rename(_ from: String, _ to: String) throws {
        guard Foundation.rename(from, to) == 0 else {
            throw SiteWriteError(path: to, reason: "cannot move \(from) here: \(String(cString: strerror(errno)))")
        }
    }

    /// Hard-links `existing` to `target` when it holds exactly `data`; false when it differs, is missing or cannot be linked.
    static func linkUnchanged(_ existing: String, _ data: Data, to target: String) -> Bool {
        linkUnchanged(existing, size: data.count, to: target) { $0 == data }
    }

    /// Hard-links `existing` to `target` when it is a regular file (of `size` bytes, when given) whose bytes
    /// pass `isUnchanged`; false otherwise, or when it cannot be linked.
    static func linkUnchanged(_ existing: String, size: Int? = nil, to target: String, if isUnchanged: (Data) -> Bool) -> Bool {
        var status = stat()
        guard lstat(existing, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, size.map({ $0 == Int(status.st_size) }) ?? true,
              let bytes = FileManager.default.contents(atPath: existing), isUnchanged(bytes) else { return false }
        return link(existing, target) == 0
    }

    /// Flushes every file written so far on the file system that holds `folder` (one `syncfs` instead of an
    /// `fsync` per file), so the swap that follows never publishes a site whose bytes are not on disk.
    static func syncFileSystem(of folder: String) throws {
        let descriptor = open(folder, O_RDONLY)
        guard descriptor >= 0 else { throw SiteWriteError(path: folder, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard syncfs(descriptor) == 0 else { throw SiteWriteError(path: folder, reason: String(cString: strerror(errno))) }
    }

    static func write(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw SiteWriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw SiteWriteError(path: path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }

    static func sync(_ folder: String) {
        let descriptor = open(folder, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}

/// A file or folder of the site that could not be written.
public struct SiteWriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

/// Linux's `syncfs(2)`, which Swift's Glibc module does not export.
@_silgen_name("syncfs")
private func syncfs(_ descriptor: Int32) -> Int32
