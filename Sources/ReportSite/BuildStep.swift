/// One named stage of a build, printed as `[i/N] name` while it runs.
public struct BuildStep {
    public var name: String
    public var run: (inout BuildContext) throws -> Void

    public init(_ name: String, run: @escaping (inout BuildContext) throws -> Void) {
        self.name = name
        self.run = run
    }
}

/// A failure inside a build step, naming the step and, when known, the file it was making.
public struct BuildError: Error, CustomStringConvertible {
    public var step: String
    public var path: String?
    public var underlying: Error

    public init(step: String, path: String? = nil, underlying: Error) {
        self.step = step
        self.path = path
        self.underlying = underlying
    }

    public var description: String {
        "build step '\(step)' failed\(path.map { " at \($0)" } ?? ""): \(underlying)"
    }
}

/// A failure while making one file, so the step's error can name it.
struct PageError: Error, CustomStringConvertible {
    var path: String
    var underlying: Error
    var description: String { "\(underlying)" }
}
