import RelationModel

/// How a diagram links to the report site's pages, relative to the page the diagram sits on.
public struct LinkStyle: Sendable, Hashable {
    /// The way back to the site's root from the diagram's page: "" or "../".
    public var root: String
    /// The timeline, which lists the undated relations.
    public var timeline: String
    /// The folder of the timeline's year pages: a dated relation's row is on the page of its `timelineYear`.
    public var timelineYears: String
    /// What a relation's id is prefixed with to make its row's anchor.
    public var relationAnchorPrefix: String

    public init(root: String = "../", timeline: String = "timeline.html", timelineYears: String = "timeline/",
                relationAnchorPrefix: String = "rel-") {
        self.root = root
        self.timeline = timeline
        self.timelineYears = timelineYears
        self.relationAnchorPrefix = relationAnchorPrefix
    }

    /// The actor's page: "../actors/kyrgyzstan.html".
    public func actorPage(_ id: String) -> String { root + "actors/\(id).html" }

    /// The relation's row on the timeline: "../timeline/2001.html#rel-us-manas-air-base", or
    /// "../timeline.html#rel-…" when it is undated.
    public func relationAnchor(_ relation: Relation) -> String {
        let page = relation.timelineYear.map { "\(timelineYears)\($0).html" } ?? timeline
        return root + page + "#" + relationAnchorPrefix + relation.id
    }
}
