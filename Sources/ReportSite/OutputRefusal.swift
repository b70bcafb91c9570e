/// Why a site will not be written at a path, given before anything there is touched.
public struct OutputRefusal: Error, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The path cannot hold a site relmap may replace (a file, a folder relmap did not write): sysexits'
        /// CANTCREAT.
        case cannotCreate
        /// Another build is writing the same output now: sysexits' TEMPFAIL, worth trying again later.
        case busy
    }

    public var kind: Kind
    public var path: String
    public var reason: String

    public init(_ kind: Kind, path: String, reason: String) {
        self.kind = kind
        self.path = path
        self.reason = reason
    }

    /// The one-line message, `path: error: reason`.
    public var description: String { "\(path): error: \(reason)" }
}
