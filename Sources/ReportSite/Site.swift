import Foundation
import ParallelWork
import SiteLayout
import SystemIO
import Synchronization

/// A report site: relative file paths mapped to their bytes. Held in memory, or staged: each file written to
/// disk as it is added (into a folder a `SiteWriter` swaps in at the end), so a large site never sits in memory.
/// Copies of a site share its files, and any thread may add files to it.
public struct Site: Sendable {
    private let memory: SiteMemory?
    private let staging: SiteStaging?

    public init(files: [String: Data] = [:]) {
        memory = SiteMemory(files: files)
        staging = nil
    }

    /// A site whose files go straight into `staging`.
    init(staging: SiteStaging) {
        memory = nil
        self.staging = staging
    }

    /// A site of its own with this one's files, for an in-memory site; a staged site is its folder, so the same.
    func copy() -> Site {
        guard let memory else { return self }
        return Site(files: memory.files)
    }

    /// The folder the files are written into, for a staged site.
    var stagingFolder: String? { staging?.folder }

    /// Starts writing a staged site's files to disk on a thread of its own, so the flush before the swap (see
    /// `SiteWriter.commit`) waits only for what is written after: the diagrams, most of a site's bytes, go to
    /// disk while the pages are written. Nothing is waited for and nothing fails here; the flush before the swap
    /// still reports any error.
    public func startFlushing() {
        guard let folder = staging?.folder else { return }
        try? Scheduler.start { try? Folder.syncFileSystem(of: folder) }
    }

    /// Every path, sorted, so writing and comparing follow one order.
    public var paths: [String] { staging?.paths ?? memory!.paths }

    /// Every file with its bytes (a staged site reads them back from disk).
    public var files: [String: Data] {
        guard staging != nil else { return memory!.files }
        return Dictionary(uniqueKeysWithValues: paths.compactMap { path in self[path].map { (path, $0) } })
    }

    /// Adds a file; a second file at the same path is a programming error reported as a build failure.
    public func add(_ data: Data, at path: String) throws {
        guard SitePath.isSafe(path) else { throw SiteError.unsafePath(path) }
        if let staging {
            try staging.write(data, at: path)
        } else {
            try memory!.add(data, at: path)
        }
    }

    /// Adds the file the site being replaced has at `path`, when its bytes have the SHA-256 `digest`, and
    /// returns whether it did; an in-memory site has no previous files.
    func addPrevious(at path: String, digest: String) throws -> Bool {
        guard SitePath.isSafe(path), let staging else { return false }
        return try staging.linkPrevious(at: path, digest: digest)
    }

    /// Takes back a file added by `addPrevious`, leaving its path free to be added again.
    func withdraw(_ path: String) throws {
        guard SitePath.isSafe(path) else { throw SiteError.unsafePath(path) }
        try staging?.withdraw(path)
    }

    /// The bytes of the file at `path` in the site being replaced, for a staged site.
    func previousFile(at path: String) -> Data? {
        guard SitePath.isSafe(path) else { return nil }
        return staging?.readPrevious(path)
    }

    /// Adds a text file as UTF-8.
    public func add(_ text: String, at path: String) throws {
        try add(Data(text.utf8), at: path)
    }

    public subscript(path: String) -> Data? { staging.map { $0.read(path) } ?? memory![path] }

    /// Whether the site has a file at `path`, without reading it.
    public func contains(_ path: String) -> Bool { staging?.contains(path) ?? (memory![path] != nil) }

    /// The file's text, when it is UTF-8.
    public func text(at path: String) -> String? {
        self[path].flatMap { String(data: $0, encoding: .utf8) }
    }
}

extension Site: Equatable {
    public static func == (left: Site, right: Site) -> Bool {
        left.paths == right.paths && left.paths.allSatisfy { left[$0] == right[$0] }
    }
}

/// The files of an in-memory site, behind a lock.
final class SiteMemory: Sendable {
    private let stored: Mutex<[String: Data]>

    init(files: [String: Data]) {
        stored = Mutex(files)
    }

    var paths: [String] { files.keys.sorted() }

    var files: [String: Data] {
        stored.withLock { $0 }
    }

    subscript(path: String) -> Data? {
        stored.withLock { $0[path] }
    }

    func add(_ data: Data, at path: String) throws {
        try stored.withLock { stored throws(SiteError) in
            guard stored[path] == nil else { throw SiteError.duplicatePath(path) }
            stored[path] = data
        }
    }
}

/// The folder a staged site is written into, and what is in it. A file whose bytes equal the current output's
/// is hard-linked from there instead of written again (files are never changed in place, so sharing is safe).
final class SiteStaging: Sendable {
    private struct Claims {
        /// The paths written or being written.
        var written: Set<String> = []
        /// The folders made so far.
        var folders: Set<String>
    }

    let folder: String
    private let previous: String
    private let claims: Mutex<Claims>

    init(folder: String, previous: String) {
        self.folder = folder
        self.previous = previous
        claims = Mutex(Claims(folders: [folder]))
    }

    var paths: [String] {
        claims.withLock { $0.written.sorted() }
    }

    func contains(_ path: String) -> Bool {
        claims.withLock { $0.written.contains(path) }
    }

    func read(_ path: String) -> Data? {
        guard contains(path) else { return nil }
        return FileManager.default.contents(atPath: "\(folder)/\(path)")
    }

    func readPrevious(_ path: String) -> Data? {
        FileManager.default.contents(atPath: "\(previous)/\(path)")
    }

    /// Writes `data` at `path`, or hard-links the current output's file when it holds the same bytes. Threads
    /// write different paths at once: only claiming the path holds the lock.
    func write(_ data: Data, at path: String) throws {
        let target = try claim(path)
        if !SiteWriter.linkUnchanged("\(previous)/\(path)", data, to: target) {
            try SiteWriter.write(data, to: target)
        }
    }

    /// Hard-links the previous site's file at `path` when its bytes have the SHA-256 `digest`; false otherwise,
    /// leaving the path free for the file to be written.
    func linkPrevious(at path: String, digest: String) throws -> Bool {
        let target = try claim(path)
        guard SiteWriter.linkUnchanged("\(previous)/\(path)", to: target, if: { PageMemo.outputDigest($0) == digest }) else {
            _ = claims.withLock { $0.written.remove(path) }
            return false
        }
        return true
    }

    /// Removes the file at `path` and its claim, so the path can be written again.
    func withdraw(_ path: String) throws {
        try claims.withLock { claims in
            guard claims.written.remove(path) != nil else { return }
            let target = "\(folder)/\(path)"
            guard unlink(target) == 0 || errno == ENOENT else {
                throw SiteWriteError(path: target, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Notes `path` as written and returns its place in the staging folder, its folder made; a path claimed
    /// twice is an error.
    private func claim(_ path: String) throws -> String {
        try claims.withLock { claims in
            guard !claims.written.contains(path) else { throw SiteError.duplicatePath(path) }
            let target = "\(folder)/\(path)"
            let parent = (target as NSString).deletingLastPathComponent
            if !claims.folders.contains(parent) {
                try SiteWriter.makeFolders(parent, inside: folder)
                claims.folders.insert(parent)
            }
            claims.written.insert(path)
            return target
        }
    }
}

/// Problems with the site's own file layout.
public enum SiteError: Error, CustomStringConvertible, Equatable {
    case duplicatePath(String)
    case unsafePath(String)

    public var description: String {
        switch self {
        case .duplicatePath(let path): return "two pages would be written to \(path)"
        case .unsafePath(let path): return "refusing to write outside the site: \(path)"
        }
    }
}
