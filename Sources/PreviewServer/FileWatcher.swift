import Foundation

/// Waits for files to change, with Linux's inotify: the kernel wakes the waiting thread when a watched folder
/// changes, so nothing runs while nothing is saved. A burst of events (an editor writes a temporary file, renames
/// it over the old one, touches a backup) is taken as one change once the folders have been quiet for a moment.
///
/// Not `Sendable`: the watcher belongs to the one thread that waits on it.
public final class FileWatcher {
    /// A folder to watch and the names in it that count.
    public struct Folder: Sendable {
        public var path: String
        /// Whether the folders inside it are watched too, as they appear; those whose name starts with a dot, and
        /// `skipping`, are not.
        public var recursive: Bool
        /// The extensions of the files that count (`yaml`), or nil for any.
        public var extensions: Set<String>?
        /// The only file names that count, or nil for any.
        public var names: Set<String>?
        /// Folders not to descend into (the site and its cache, when they are inside the model's folder).
        public var skipping: Set<String>

        public init(path: String, recursive: Bool = false, extensions: Set<String>? = nil, names: Set<String>? = nil,
                    skipping: Set<String> = []) {
            self.path = path
            self.recursive = recursive
            self.extensions = extensions
            self.names = names
            self.skipping = skipping
        }

        func counts(_ name: String) -> Bool {
            guard !name.hasPrefix("."), names.map({ $0.contains(name) }) ?? true else { return false }
            guard let extensions else { return true }
            return name.split(separator: ".").count > 1 && extensions.contains(String(name.split(separator: ".").last!).lowercased())
        }
    }

    public struct WatchError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): error: cannot watch: \(reason)" }
    }

    private let descriptor: Int32
    /// Each watch's folder, and the watched folder it belongs to.
    private var watches: [Int32: (path: String, folder: Folder)] = [:]

    /// The events that mean a file may have new contents: written and closed, moved in or out, made, removed.
    static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF)

    public init(_ folders: [Folder]) throws(WatchError) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw WatchError(path: "inotify", reason: String(cString: strerror(errno))) }
        do {
            for folder in folders { try watch(folder.path, as: folder) }
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit {
        close(descriptor)
    }

    /// The folders watched now.
    public var watchedFolders: [String] {
        watches.values.map(\.path).sorted()
    }

    /// Watches `path`, and, for a recursive folder, the folders inside it.
    private func watch(_ path: String, as folder: Folder) throws(WatchError) {
        let id = inotify_add_watch(descriptor, path, FileWatcher.mask | UInt32(IN_ONLYDIR))
        guard id >= 0 else {
            // A folder removed before it could be watched has nothing to watch.
            if errno == ENOENT, path != folder.path { return }
            throw WatchError(path: path, reason: errno == ENOSPC ? "the system's limit of inotify watches is reached (fs.inotify.max_user_watches)" : String(cString: strerror(errno)))
        }
        watches[id] = (path, folder)
        guard folder.recursive else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
            let inner = "\(path)/\(name)"
            var status = stat()
            guard lstat(inner, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, !folder.skipping.contains(inner) else { continue }
            try watch(inner, as: folder)
        }
    }

    /// Blocks until a file that counts changes, then until the folders have been quiet for `quiet` (at most
    /// `longest` in all), and returns the changed files' paths, sorted.
    public func waitForChanges(quiet: Duration = .milliseconds(50), longest: Duration = .seconds(2)) -> [String] {
        var changed: Set<String> = []
        while changed.isEmpty {
            guard wait(milliseconds: -1) else { continue }
            changed.formUnion(readEvents())
        }
        let deadline = ContinuousClock.now + longest
        while ContinuousClock.now < deadline {
            let left = deadline - ContinuousClock.now
            guard wait(milliseconds: Int32(max(1, (min(quiet, left) / .milliseconds(1)).rounded(.up)))) else { break }
            changed.formUnion(readEvents())
        }
        return changed.sorted()
    }

    /// Waits for events to read: true when there are some, false when `milliseconds` passed (-1: no limit).
    private func wait(milliseconds: Int32) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&request, 1, milliseconds)
        return ready > 0
    }

    /// Reads the events waiting, watches the folders made inside recursive ones, and returns the paths of the
    /// files that count (a queue overflow counts as a change of the folders watched).
    private func readEvents() -> Set<String> {
        var changed: Set<String> = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return changed }
        var offset = 0
        while offset + 16 <= count {
            let (id, mask, length) = buffer.withUnsafeBytes { bytes in
                (bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                 bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                 Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
            }
            let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            offset += 16 + length
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                changed.formUnion(watches.values.map(\.path))
                continue
            }
            guard let watched = watches[id] else { continue }
            if mask & UInt32(IN_IGNORED) != 0 {
                watches[id] = nil
                continue
            }
            if mask & UInt32(IN_DELETE_SELF) != 0 {
                changed.insert(watched.path)
                continue
            }
            let path = "\(watched.path)/\(name)"
            if mask & UInt32(IN_ISDIR) != 0 {
                guard watched.folder.recursive, !name.hasPrefix("."), !watched.folder.skipping.contains(path) else { continue }
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { try? watch(path, as: watched.folder) }
                // A folder of model files moved in or out, or removed.
                changed.insert(path)
            } else if watched.folder.counts(name) {
                changed.insert(path)
            }
        }
        return changed
    }
}
