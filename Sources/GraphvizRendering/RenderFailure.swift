/// Why a diagram could not be rendered; `description` names the diagram.
public struct RenderFailure: Error, Sendable, CustomStringConvertible {
    /// Whose fault a failure is.
    public enum Cause: Sendable, Equatable {
        /// The diagram's: Graphviz could not lay it out or draw it.
        case diagram
        /// The system's: no worker process could be started (a process limit, no memory).
        case noWorker
        /// The installation's: Graphviz lacks the plugins to draw anything (`GVBINDIR` pointing nowhere).
        case graphvizUnavailable
    }

    /// The id of the job that failed.
    public var id: String
    /// What went wrong, e.g. Graphviz's "syntax error in line 3 near 'x'".
    public var message: String
    public var cause: Cause

    public init(id: String, message: String, cause: Cause = .diagram) {
        self.id = id
        self.message = message
        self.cause = cause
    }

    public var description: String { "\(id): \(message)" }
}
