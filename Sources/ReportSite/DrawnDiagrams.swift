import Synchronization

/// The drawn diagrams of a build, by id, as pages read them. The drawing step adds each diagram as it is drawn
/// while pages that show diagrams already drawn are written beside it, so the copies of a build context share
/// one table, behind a lock.
public final class DrawnDiagrams: Sendable {
    private let entries: Mutex<[String: SiteDiagram]>

    public init(_ entries: [String: SiteDiagram] = [:]) {
        self.entries = Mutex(entries)
    }

    public subscript(id: String) -> SiteDiagram? {
        get { entries.withLock { $0[id] } }
        set { entries.withLock { $0[id] = newValue } }
    }

    /// A table of its own with the same diagrams.
    func copy() -> DrawnDiagrams {
        DrawnDiagrams(entries.withLock { $0 })
    }
}
