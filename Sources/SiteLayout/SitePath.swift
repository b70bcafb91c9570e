import RelationModel

/// Where each kind of page lives in the site, and how pages link to each other relatively.
public enum SitePath {
    public static let index = "index.html"
    public static let timeline = "timeline.html"
    /// The folder of the timeline's year pages.
    public static let timelineYears = "timeline/"
    public static let conflicts = "conflicts.html"
    public static let search = "search.html"
    public static let searchIndex = "search-index.json"
    /// The search index as a script, which the header's search box loads.
    public static let searchScript = "search-index.js"
    public static let stylesheet = "assets/style.css"
    public static let script = "assets/site.js"

    public static func view(_ id: String) -> String { "views/\(id).html" }
    public static func actor(_ id: String) -> String { "actors/\(id).html" }
    public static func source(_ id: String) -> String { "sources/\(id).html" }
    public static func timelineYear(_ year: Int) -> String { timelineYears + "\(year).html" }
    public static func diagram(_ id: String, extension fileExtension: String) -> String { "diagrams/\(id).\(fileExtension)" }

    /// The page links to a relation lead to: the timeline page of its year, or the timeline when it is undated.
    public static func relationHome(_ relation: Relation) -> String { relation.timelineYear.map(timelineYear) ?? timeline }
    /// The anchor a relation's row carries on every page that lists it.
    public static func relationAnchor(_ id: String) -> String { "rel-\(id)" }
    /// The anchor of a paragraph's section on a source page.
    public static func paragraphAnchor(_ paragraph: Int) -> String { "p\(paragraph)" }
    /// The anchor of a year's section on the timeline.
    public static func yearAnchor(_ year: Int) -> String { "y\(year)" }

    /// The prefix that leads from a page back to the site's root: `""` or `"../"` per folder level.
    public static func root(of page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }

    /// True for a plain relative path that stays inside the site: no `..`, no absolute path, no empty part.
    public static func isSafe(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.isEmpty && !path.hasPrefix("/") && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
