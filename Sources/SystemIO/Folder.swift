import Foundation

/// Folders and the names in them: made, synced, and swapped whole.
public enum Folder {
    /// `mkdir -p` with the system's own error messages ("Not a directory", "No space left on device"); returns
    /// the folders it made, outermost first.
    @discardableResult
    public static func make(_ path: String) throws(SystemError) -> [String] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw SystemError(path: path, code: ENOTDIR) }
            return []
        }
        let above = (path as NSString).deletingLastPathComponent
        var made: [String] = []
        if !above.isEmpty, above != path { made = try make(above) }
        guard mkdir(path, 0o777) == 0 || errno == EEXIST else { throw SystemError(path: path) }
        return made + [path]
    }

    /// Makes `path` and the folders above it up to `root`, which must be there already: a folder taken away
    /// from under its writers (a stopped build's staging folder) is not made again by one of them.
    public static func make(_ path: String, inside root: String) throws(SystemError) -> [String] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw SystemError(path: path, code: ENOTDIR) }
            return []
        }
        guard path.hasPrefix(root + "/") else { throw SystemError(path: path, code: ENOENT) }
        let made = try make((path as NSString).deletingLastPathComponent, inside: root)
        guard mkdir(path, 0o777) == 0 || errno == EEXIST else { throw SystemError(path: path) }
        return made + [path]
    }

    /// A new, empty folder named from `template` (ending in `XXXXXX`, which `mkdtemp` fills in), with the
    /// permissions the umask allows rather than its owner's alone; nil with `errno` set when it cannot be made.
    public static func makeUnique(_ template: String) -> String? {
        var name = Array(template.utf8CString)
        guard let result = name.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else { return nil }
        let folder = String(cString: result)
        chmod(folder, 0o777 & ~FileCreationMask.current)
        return folder
    }

    /// Swaps the names of two folders (or files) in one step, with `renameat2(RENAME_EXCHANGE)`; false with
    /// `errno` set when they cannot be swapped (`EINVAL` where the file system cannot exchange).
    public static func exchange(_ first: String, _ second: String) -> Bool {
        renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
    }

    /// `renameat2`'s flag that swaps two names atomically.
    private static let renameExchange: UInt32 = 2

    /// Flushes every file written so far on the file system that holds `folder` (one `syncfs` instead of an
    /// `fsync` per file).
    public static func syncFileSystem(of folder: String) throws(SystemError) {
        let descriptor = open(folder, O_RDONLY)
        guard descriptor >= 0 else { throw SystemError(path: folder) }
        defer { close(descriptor) }
        guard syncfs(descriptor) == 0 else { throw SystemError(path: folder) }
    }

    /// Flushes the folder's own entries (a rename in it), as far as the system lets.
    public static func sync(_ folder: String) {
        let descriptor = open(folder, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}

/// The process's file creation mask, read without changing it: `umask(2)` can only be read by setting it,
/// which would give files made meanwhile on other threads the wrong permissions.
public enum FileCreationMask {
    public static let current: mode_t = {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let mask = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) {
            return mask
        }
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()
}

/// Linux's `syncfs(2)`, which Swift's Glibc module does not export.
@_silgen_name("syncfs")
private func syncfs(_ descriptor: Int32) -> Int32

/// Linux's `renameat2(2)`, which Swift's Glibc module does not export.
@_silgen_name("renameat2")
private func renameat2(_ fromFolder: Int32, _ from: UnsafePointer<CChar>, _ toFolder: Int32, _ to: UnsafePointer<CChar>, _ flags: UInt32) -> Int32
