import DOT

/// A diagram to draw: its DOT text and everything the pages say beside the picture.
public struct PlannedDiagram: Sendable, Equatable {
    public var id: String
    public var title: String
    public var caption: String
    /// The DOT Graphviz lays out, each tooltip a placeholder (see `TooltipPlaceholders`): the drawing is kept
    /// while only tooltips change.
    public var dot: String
    /// The tooltips the placeholders stand for.
    public var tooltips: [String]
    /// The Graphviz layout engine and one to retry with.
    public var engine: LayoutEngine
    public var fallbackEngine: LayoutEngine?
    public var relationIDs: [String]
    public var actorIDs: [String]
    public var legend: [LegendLine]
    public var truncatedCount: Int
    /// See `Diagram.startsFromGivenPositions`.
    public var startsFromGivenPositions = false
    /// Drawn as SVG and DOT only: a map view's yearly maps in a network of more than
    /// `DiagramDrawing.largeDiagramActors` actors, where slides of every fifth year would double the build.
    public var isVectorOnly = false
    /// Whether the DOT gives every element an id under the diagram's own prefix (as a view's `DOT.Graph` does),
    /// so a page inlines the SVG without prefixing its ids again.
    public var hasOwnIDs = false

    public init(id: String, title: String, caption: String, dot: String, tooltips: [String] = [], engine: LayoutEngine = .dot,
                fallbackEngine: LayoutEngine? = nil, relationIDs: [String] = [], actorIDs: [String] = [], legend: [LegendLine] = [],
                truncatedCount: Int = 0) {
        self.id = id
        self.title = title
        self.caption = caption
        self.dot = dot
        self.tooltips = tooltips
        self.engine = engine
        self.fallbackEngine = fallbackEngine
        self.relationIDs = relationIDs
        self.actorIDs = actorIDs
        self.legend = legend
        self.truncatedCount = truncatedCount
    }
}

extension PlannedDiagram {
    /// The DOT and its tooltips, to put the tooltips into what Graphviz drew.
    var placeholders: TooltipPlaceholders {
        TooltipPlaceholders(dot: dot, tooltips: tooltips)
    }
}

/// Which diagrams the site draws and where each appears.
public struct DiagramPlan: Sendable {
    /// The views with a page of their own, in catalogue order, each with its diagram.
    public var views: [(entry: ViewEntry, diagram: PlannedDiagram)] = []
    /// The id of the view diagram the index shows.
    public var overview: String?
    /// The "as of" map of each year on the timeline.
    public var years: [Int: PlannedDiagram] = [:]
    /// The map views (alliances, deployments, disputes) as of each year on the timeline, in catalogue order.
    public var yearMaps: [Int: [PlannedDiagram]] = [:]
    /// Each actor's focus diagram.
    public var actors: [String: PlannedDiagram] = [:]

    public init() {}

    /// Every diagram once, ordered by id.
    public var all: [PlannedDiagram] {
        var byID: [String: PlannedDiagram] = [:]
        for diagram in views.map(\.diagram) + years.values + yearMaps.values.flatMap({ $0 }) + actors.values { byID[diagram.id] = diagram }
        return byID.keys.sorted().map { byID[$0]! }
    }
}
