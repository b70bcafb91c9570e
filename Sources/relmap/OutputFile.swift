import Foundation
import SystemIO

/// Writes the files a command is asked to write all at once (see `AtomicFile`), synced to disk, and reports
/// what cannot be written in the command's one-line form.
enum OutputFile {
    /// A file that could not be written, with the system's reason.
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): error: cannot write: \(reason)" }
    }

    static func writeAtomically(_ text: String, to path: String) throws {
        do {
            try AtomicFile.replace(path, with: Array(text.utf8), sync: true)
        } catch {
            throw WriteError(path: path, reason: error.reason)
        }
    }

    /// Creates a directory and its parents unless it exists.
    static func makeDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            var isDirectory: ObjCBool = false
            let reason = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
                ? "a file of that name is in the way" : "cannot create the directory"
            throw WriteError(path: path, reason: reason)
        }
    }
}
