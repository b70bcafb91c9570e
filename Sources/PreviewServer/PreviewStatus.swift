/// What the preview shows: which build of the site is in place, and the errors of the last build when it
/// failed (the site then stays the last good one, and every page shows them).
public struct PreviewStatus: Sendable, Equatable, Codable {
    /// Counts the sites published while serving; a page of an older build reloads when it learns of a newer one.
    public var build: Int
    /// The step the last build stopped at, when it failed.
    public var failedStep: String?
    /// The last build's error lines (`file:line:column: error: message`); empty when it succeeded.
    public var errors: [String]

    public init(build: Int, failedStep: String? = nil, errors: [String] = []) {
        self.build = build
        self.failedStep = failedStep
        self.errors = errors
    }

    public var hasErrors: Bool { !errors.isEmpty }
}
