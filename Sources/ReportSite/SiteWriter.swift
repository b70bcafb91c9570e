import Crypto
import Foundation
import Hashing
import Synchronization
import SystemIO

/// Writes a site atomically: into `.NAME.tmp-XXXXXX` beside the output (as the build goes, for a staged site),
/// synced to disk, then exchanged with the output in one `renameat2(RENAME_EXCHANGE)` (two renames where the
/// file system cannot exchange), so a failed or killed build leaves the previous site whole. A file whose bytes
/// are unchanged is hard-linked from the current output instead of written again. A `README.md` at the top of an
/// existing output that the site does not generate is the publisher's own and is carried over. Only an output
/// relmap wrote is replaced (see `SiteOwnership`), by one build at a time (see `OutputLock`); the site gets the
/// marker that says relmap wrote it. Folders and files get the permissions the umask allows.
public struct SiteWriter: Sendable {
    public let output: String
    /// The output's lock, when the caller took it (see `lock()`); otherwise `stage` takes it until the site is
    /// committed or discarded.
    public var heldLock: OutputLock?

    public init(output: String) {
        self.output = output
    }

    /// The folder beside the output where the render cache lives, outside the published site.
    public var cacheFolder: String { "\(parent)/.relmap-cache" }

    public var parent: String { URL(fileURLWithPath: output).standardizedFileURL.deletingLastPathComponent().path }
    var name: String { URL(fileURLWithPath: output).standardizedFileURL.lastPathComponent }

    /// The name the files beside the output start with: `.NAME`, or for a name too long to take a suffix within
    /// the system's limit of 255 bytes, a digest of it.
    var sideName: String {
        name.utf8.count <= 200 ? ".\(name)" : ".relmap-" + SHA256.hash(data: Data(name.utf8)).hexadecimal.prefix(24)
    }

    /// Makes the folder the output goes in, so a path that cannot hold a site fails before any work is done.
    /// Returns the folders it made, outermost first.
    @discardableResult
    public func prepare() throws -> [String] {
        try SiteWriter.makeFolders(parent)
    }

    /// Takes the output's lock (see `OutputLock`), making the folder it goes in; an `OutputRefusal` of kind
    /// `.busy` when another build holds it.
    public func lock() throws -> OutputLock {
        try prepare()
        return try OutputLock.acquire("\(parent)/\(sideName).lock", output: output)
    }

    /// An empty staged site in a new temporary folder beside the output: files added to it go to disk at once.
    /// Hand it to `commit` to publish it, or to `discard` when the build fails. Under the output's lock, the
    /// output is checked (see `SiteOwnership`) and what killed builds left beside it is cleared away.
    public func stage() throws -> Site {
        // Checked before the lock's file is made, so a refused output finds nothing new beside it, and again
        // under the lock, which another build may have held while it changed the output.
        try SiteOwnership.check(output, cacheFolder: cacheFolder)
        let ownLock = heldLock == nil ? try lock() : nil
        do {
            try SiteOwnership.check(output, cacheFolder: cacheFolder)
            removeStaleTemporaries()
            let folder = try makeTemporaryFolder(lock: ownLock)
            return Site(staging: SiteStaging(folder: folder, previous: output))
        } catch {
            ownLock?.release()
            throw error
        }
    }

    /// Publishes a staged site: carries over the publisher's README, syncs, and swaps it in for the output.
    public func commit(_ site: Site) throws {
        guard let temporary = site.stagingFolder else { return try write(site) }
        try discarding(site) {
            if !site.contains("README.md") { try carryOverReadme(into: site, staged: temporary) }
            // Beside the site's files rather than one of them, as the README: the pages never list it.
            try SiteWriter.write(Data(SiteOwnership.markerText.utf8), to: "\(temporary)/\(SiteOwnership.markerName)")
            try SiteWriter.syncFileSystem(of: temporary)
            try swap(in: temporary)
        }
    }

    /// Copies the publisher's `README.md` from the output into the staged site; a symbolic link is copied as the
    /// link, never followed.
    private func carryOverReadme(into site: Site, staged temporary: String) throws {
        let readme = "\(output)/README.md"
        var status = stat()
        guard lstat(readme, &status) == 0 else { return }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            guard let data = FileManager.default.contents(atPath: readme) else {
                throw SiteWriteError(path: readme, reason: "cannot read the README to carry it over")
            }
            try site.add(data, at: "README.md")
        case S_IFLNK:
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(readme, &target, target.count - 1)
            guard length >= 0, symlink(target, "\(temporary)/README.md") == 0 else {
                throw SiteWriteError(path: readme, reason: "cannot carry over the link: \(String(cString: strerror(errno)))")
            }
        default:
            return
        }
    }

    /// Removes a staged site's temporary folder; the output is untouched.
    public func discard(_ site: Site) {
        guard let temporary = site.stagingFolder else { return }
        Unpublished.forget(temporary)?.remove()
    }

    /// Removes every staged folder of this process that is not published, and lets go of the locks taken for
    /// them; from then on nothing more is staged. For a build that is stopped by a signal: a swap under way
    /// finishes first, so the output is the old site or the new one, whole.
    public static func discardUnpublished() {
        Unpublished.closeAndTakeAll().forEach { $0.remove() }
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

    /// Exchanges the staged site with the output in one system call, then removes the old site (which a killed
    /// build leaves in its staging folder for the next build to remove). Where the file system cannot exchange
    /// (or there is no output yet), the output is moved aside and the new site moved in: a build killed between
    /// the two leaves `.NAME.old`, which the next build moves back before anything else. The registry's lock
    /// is held throughout, so a signal waits for a whole site in place before it removes what is staged.
    private func swap(in temporary: String) throws {
        let old = "\(parent)/\(sideName).old"
        let leftover = try Unpublished.publishing(temporary) {
            var status = stat()
            let hadOutput = lstat(output, &status) == 0
            if hadOutput, SwapTestHooks.mayExchange, Folder.exchange(temporary, output) {
                SwapTestHooks.reached("exchanged")
                Folder.sync(parent)
                return true
            }
            if hadOutput, errno != EINVAL, errno != ENOSYS, errno != ENOTSUP, SwapTestHooks.mayExchange {
                throw SiteWriteError(path: output, reason: "cannot replace it with \(temporary): \(String(cString: strerror(errno)))")
            }
            FileTree.remove(old)
            if hadOutput { try SiteWriter.rename(output, old) }
            SwapTestHooks.reached("moved-aside")
            do {
                try SiteWriter.rename(temporary, output)
            } catch {
                if hadOutput { try? SiteWriter.rename(old, output) }
                throw error
            }
            Folder.sync(parent)
            return false
        }
        if let leftover {
            leftover.remove()
            _ = Unpublished.forget(temporary)
        }
        FileTree.remove(old)
    }

    /// A new staging folder beside the output, with the permissions the umask allows (a published site is read
    /// by others, a web server).
    private func makeTemporaryFolder(lock: OutputLock?) throws -> String {
        let folder = try Unpublished.staging(lock: lock) { Folder.makeUnique("\(parent)/\(sideName).tmp-XXXXXX") }
        guard let folder else {
            throw SiteWriteError(path: parent, reason: String(cString: strerror(errno)))
        }
        return folder
    }

    /// What killed builds left: their staging folders, and the old site of a swap cut between its two renames,
    /// which is moved back when the output is missing. Called under the output's lock, so no live build owns them.
    private func removeStaleTemporaries() {
        let old = "\(parent)/\(sideName).old"
        var status = stat()
        if lstat(output, &status) != 0, lstat(old, &status) == 0 {
            try? SiteWriter.rename(old, output)
        }
        FileTree.remove(old)
        for entry in FileTree.names(in: parent) ?? [] where entry.hasPrefix("\(sideName).tmp-") {
            FileTree.remove("\(parent)/\(entry)")
        }
    }

    /// `mkdir -p` with the system's own error messages ("Not a directory", "No space left on device"); returns
    /// the folders it made, outermost first.
    @discardableResult
    static func makeFolders(_ path: String) throws -> [String] {
        do {
            return try Folder.make(path)
        } catch {
            throw SiteWriteError(error)
        }
    }

    /// The folders from `root`, which must be there, down to `path`: a writer still at work when its build is
    /// stopped does not make the staging folder again.
    static func makeFolders(_ path: String, inside root: String) throws {
        do {
            _ = try Folder.make(path, inside: root)
        } catch {
            throw SiteWriteError(error)
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
        do {
            try Folder.syncFileSystem(of: folder)
        } catch {
            throw SiteWriteError(error)
        }
    }

    static func write(_ data: Data, to path: String) throws {
        do {
            try File.create(path, with: data)
        } catch {
            throw SiteWriteError(error)
        }
    }
}

/// A file or folder of the site that could not be written.
public struct SiteWriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

extension SiteWriteError {
    /// The system's error, in its own words.
    init(_ error: SystemError) {
        self.init(path: error.path, reason: error.reason)
    }
}
