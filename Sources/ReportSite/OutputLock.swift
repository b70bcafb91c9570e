import Foundation
import Synchronization

/// One build per output at a time: an exclusive `flock` on `.NAME.lock` beside the output, held from before the
/// output is looked at until the new site is in place. The kernel lets go of it when the build ends in any way,
/// a kill included, so a lock file left behind never blocks a later build. The file holds the holder's process
/// id, for the message another build gives; it is removed, while still locked, when the build ends.
public final class OutputLock: Sendable {
    /// The lock file.
    public let path: String
    private let descriptor: Int32
    private let released = Mutex(false)

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        release()
    }

    /// Takes the lock of `output` at `path`, or refuses at once, naming the process that holds it. A lock file
    /// that cannot be made is a `SiteWriteError`.
    static func acquire(_ path: String, output: String) throws -> OutputLock {
        // A build that ends removes the file while holding it: a lock taken on a file no longer at `path` is
        // worthless, so it is taken again on the new file.
        for _ in 0..<100 {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o666)
            guard descriptor >= 0 else {
                throw SiteWriteError(path: path, reason: "cannot create the lock file: \(String(cString: strerror(errno)))")
            }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let error = errno
                let holder = OutputLock.holder(descriptor)
                close(descriptor)
                if error == EWOULDBLOCK {
                    throw OutputRefusal(.busy, path: output, reason: "another build is writing \(output)\(holder.map { " (pid \($0))" } ?? "")")
                }
                throw SiteWriteError(path: path, reason: "cannot lock: \(String(cString: strerror(error)))")
            }
            var held = stat(), named = stat()
            guard fstat(descriptor, &held) == 0, lstat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev else {
                close(descriptor)
                continue
            }
            let pid = Array("\(getpid())\n".utf8)
            _ = ftruncate(descriptor, 0)
            _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
            return OutputLock(path: path, descriptor: descriptor)
        }
        throw SiteWriteError(path: path, reason: "cannot lock: the lock file keeps changing")
    }

    /// Removes the lock file and lets go of the lock; a second call does nothing.
    public func release() {
        let first = released.withLock { released in
            defer { released = true }
            return !released
        }
        guard first else { return }
        unlink(path)
        close(descriptor)
    }

    /// The process id written in a lock file, if it holds one.
    private static func holder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
