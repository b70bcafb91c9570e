import Foundation
import Synchronization

/// Replaces a file all at once: the bytes go to a temporary file beside it, which is then renamed over it, so a
/// reader never sees half a file and a failed write (a full disk, say) leaves the old file as it was. The
/// temporary files being written are known, so a process stopped by a signal can remove them.
public enum AtomicFile {
    /// Writes `data` to `path`, replacing whatever is there. The file gets the permissions the umask allows;
    /// with `sync`, its bytes are on disk before it takes the name.
    public static func replace(_ path: String, with data: some ContiguousBytes, sync: Bool = false) throws(SystemError) {
        try replacing(path) { temporary throws(SystemError) in try File.create(temporary, with: data, sync: sync) }
    }

    /// Writes to `path` the bytes `write` makes a piece at a time, replacing whatever is there: `write` is handed
    /// a function that appends bytes to the file and answers whether they were written, and answers false itself
    /// to give up, leaving the old file. For files too large to hold twice in memory.
    public static func replace(_ path: String, writing write: (_ append: (UnsafeRawBufferPointer) -> Bool) -> Bool) throws(SystemError) {
        try replacing(path) { temporary throws(SystemError) in
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else { throw SystemError(path: temporary) }
            var error: Int32 = 0
            let written = write { bytes in
                guard error == 0 else { return false }
                if !Descriptor.writeAll(bytes, to: descriptor) { error = errno }
                return error == 0
            }
            guard close(descriptor) == 0, written, error == 0 else { throw SystemError(path: path, code: error != 0 ? error : (written ? errno : ECANCELED)) }
        }
    }

    /// Makes the file at a temporary name beside `path` with `create`, then renames it to `path`; removes it when
    /// anything fails.
    private static func replacing(_ path: String, create: (String) throws(SystemError) -> Void) throws(SystemError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(UUID().uuidString).tmp"
        beingWritten.withLock { _ = $0.insert(temporary) }
        defer { beingWritten.withLock { _ = $0.remove(temporary) } }
        do throws(SystemError) {
            try create(temporary)
            guard rename(temporary, path) == 0 else { throw SystemError(path: path) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    private static let beingWritten = Mutex<Set<String>>([])

    /// Removes the temporary files this process is writing: it is stopping, and a whole file is all it leaves.
    public static func removeFilesBeingWritten() {
        beingWritten.withLock { $0.forEach { unlink($0) } }
    }
}

/// Files made with one system call each step, reporting the system's own error.
public enum File {
    /// Creates (or truncates) `path` with the permissions the umask allows and writes `data` to it; with `sync`,
    /// its bytes are on disk when this returns.
    public static func create(_ path: String, with data: some ContiguousBytes, sync: Bool = false) throws(SystemError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw SystemError(path: path) }
        let written = data.withUnsafeBytes { Descriptor.writeAll($0, to: descriptor) } && (!sync || fsync(descriptor) == 0)
        let error = errno
        guard close(descriptor) == 0, written else { throw SystemError(path: path, code: written ? errno : error) }
    }
}
