import RelationModel
import SiteLayout

/// How a diagram links to the report site's pages (laid out by `SitePath`), relative to the page the diagram
/// sits on.
public struct LinkStyle: Sendable, Hashable {
    /// The way back to the site's root from the diagram's page: "" or "../".
    public var root: String

    public init(root: String = "../") {
        self.root = root
    }

    /// The actor's page: "../actors/kyrgyzstan.html".
    public func actorPage(_ id: String) -> String { root + SitePath.actor(id) }

    /// The relation's row on the timeline: "../timeline/2001.html#rel-us-manas-air-base", or
    /// "../timeline.html#rel-…" when it is undated.
    public func relationAnchor(_ relation: Relation) -> String {
        root + SitePath.relationHome(relation) + "#" + SitePath.relationAnchor(relation.id)
    }
}
