/// Why a diagram could not be rendered; `description` names the diagram.
public struct RenderFailure: Error, Sendable, CustomStringConvertible {
    /// The id of the job that failed.
    public var id: String
    /// What went wrong, e.g. Graphviz's "syntax error in line 3 near 'x'".
    public var message: String

    public init(id: String, message: String) {
        self.id = id
        self.message = message
    }

    public var description: String { "\(id): \(message)" }
}
