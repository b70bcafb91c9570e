import Foundation

/// The drawn diagrams of a build, by id, as pages read them. The drawing step adds each diagram as it is drawn
/// while pages that show diagrams already drawn are written beside it, so the copies of a build context share
/// one table, behind a lock.
public final class DrawnDiagrams: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: SiteDiagram]

    public init(_ entries: [String: SiteDiagram] = [:]) {
        self.entries = entries
    }

    public subscript(id: String) -> SiteDiagram? {
        get { lock.withLock { entries[id] } }
        set { lock.withLock { entries[id] = newValue } }
    }

    /// A table of its own with the same diagrams.
    func copy() -> DrawnDiagrams {
        DrawnDiagrams(lock.withLock { entries })
    }
}
