import Foundation
import SystemIO
import Synchronization

/// The staging folders of this process that are neither published nor discarded, with the output locks taken
/// for them, so that a build stopped by a signal can remove them (`SiteWriter.discardUnpublished`).
enum Unpublished {
    struct Entry: Sendable {
        let folder: String
        let lock: OutputLock?

        /// Removes the folder and lets go of the lock. A signal stops a build from another thread while the
        /// build's threads may still be writing pages into the folder, so it is renamed first, which fails their
        /// next file, and removed again for as long as a file that was being made appears in it.
        func remove() {
            let removing = folder + "-removed"
            let target = rename(folder, removing) == 0 ? removing : folder
            for _ in 0..<200 {
                FileTree.remove(target)
                var status = stat()
                guard lstat(target, &status) == 0 else { break }
                usleep(5_000)
            }
            lock?.release()
        }
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var closed = false
    }

    private static let state = Mutex(State())

    /// Runs `make`, which creates a staging folder and returns it (nil when it cannot), and registers the folder
    /// with `lock`; refuses once the process is stopping.
    static func staging(lock: OutputLock?, _ make: () -> String?) throws -> String? {
        try state.withLock { state throws -> String? in
            guard !state.closed else { throw SiteWriteError(path: "", reason: "the build is stopping") }
            guard let folder = make() else { return nil }
            state.entries[folder] = Entry(folder: folder, lock: lock)
            return folder
        }
    }

    /// Deregisters `folder` and returns its entry, if it was registered.
    static func forget(_ folder: String) -> Entry? {
        state.withLock { $0.entries.removeValue(forKey: folder) }
    }

    /// Every entry, deregistered; nothing is registered from now on.
    static func closeAndTakeAll() -> [Entry] {
        state.withLock { state in
            state.closed = true
            defer { state.entries = [:] }
            return Array(state.entries.values)
        }
    }

    /// Runs `swap`, which puts `folder` in place of the output, under the registry's lock, so a signal cannot
    /// remove what is staged half-way through. `swap` returns whether the folder now holds the old site (it
    /// stays registered until removed, and is returned), or false when the folder became the output. The lock
    /// taken for it is let go of once it is published.
    static func publishing(_ folder: String, _ swap: () throws -> Bool) throws -> Entry? {
        let (exchanged, entry): (Bool, Entry?) = try state.withLock { state throws -> (Bool, Entry?) in
            guard !state.closed, state.entries[folder] != nil else {
                throw SiteWriteError(path: folder, reason: "the build is stopping")
            }
            let exchanged = try swap()
            return exchanged ? (true, state.entries[folder]) : (false, state.entries.removeValue(forKey: folder))
        }
        if exchanged { return entry }
        entry?.lock?.release()
        return nil
    }
}
