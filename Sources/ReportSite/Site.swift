import Foundation

/// A whole report site held in memory: relative file paths mapped to their bytes.
public struct Site: Sendable, Equatable {
    public private(set) var files: [String: Data] = [:]

    public init(files: [String: Data] = [:]) {
        self.files = files
    }

    /// Every path, sorted, so writing and comparing follow one order.
    public var paths: [String] { files.keys.sorted() }

    /// Adds a file; a second file at the same path is a programming error reported as a build failure.
    public mutating func add(_ data: Data, at path: String) throws {
        guard SitePath.isSafe(path) else { throw SiteError.unsafePath(path) }
        guard files[path] == nil else { throw SiteError.duplicatePath(path) }
        files[path] = data
    }

    /// Adds a text file as UTF-8.
    public mutating func add(_ text: String, at path: String) throws {
        try add(Data(text.utf8), at: path)
    }

    public subscript(path: String) -> Data? { files[path] }

    /// The file's text, when it is UTF-8.
    public func text(at path: String) -> String? {
        files[path].flatMap { String(data: $0, encoding: .utf8) }
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
