/// How a diagram links to the report site's pages, relative to the page the diagram sits on.
public struct LinkStyle: Sendable, Hashable {
    /// The way back to the site's root from the diagram's page: "" or "../".
    public var root: String
    /// The page listing relations, whose rows carry `relationAnchorPrefix` + id anchors.
    public var relationPage: String
    public var relationAnchorPrefix: String

    public init(root: String = "../", relationPage: String = "timeline.html", relationAnchorPrefix: String = "rel-") {
        self.root = root
        self.relationPage = relationPage
        self.relationAnchorPrefix = relationAnchorPrefix
    }

    /// The actor's page: "../actors/kyrgyzstan.html".
    public func actorPage(_ id: String) -> String { root + "actors/\(id).html" }

    /// The relation's row: "../timeline.html#rel-us-manas-air-base".
    public func relationAnchor(_ id: String) -> String { root + relationPage + "#" + relationAnchorPrefix + id }
}
