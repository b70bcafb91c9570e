import Glibc

/// A system call that failed on a file, with the `errno` it set.
public struct SystemError: Error, CustomStringConvertible {
    /// The file or folder the call was about.
    public var path: String
    public var code: Int32

    public init(path: String, code: Int32 = errno) {
        self.path = path
        self.code = code
    }

    /// The system's own words for the error ("No space left on device").
    public var reason: String { String(cString: strerror(code)) }

    public var description: String { "\(path): \(reason)" }
}
