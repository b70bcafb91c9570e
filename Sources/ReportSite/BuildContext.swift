import Foundation
import RelationModel

/// Everything a build step can read, and the site it adds files to.
public struct BuildContext: Sendable {
    public let model: RelationModel
    public let metadata: SiteMetadata
    public let templates: TemplateSet
    /// The relation rows rendered so far, shared by every page of the build.
    let renderedRows: RenderedRows
    /// How citations name each source, by source id (see `PageLinker.citationNames`).
    let citationNames: [String: String]
    public let metrics: NetworkMetrics
    /// The diagrams drawn so far, by diagram id; shared by the copies of this context.
    public var diagrams = DrawnDiagrams()
    /// The views that have a page, in catalogue order.
    public var views: [ViewEntry] = []
    /// The id of the diagram the index shows as its overview map.
    public var overviewDiagram: String?
    /// The "as of" diagram of each year, by year.
    public var yearDiagrams: [Int: String] = [:]
    /// The map views' diagrams as of each year, by year, in catalogue order.
    public var yearMapDiagrams: [Int: [String]] = [:]
    /// The focus diagram of each actor, by actor id.
    public var actorDiagrams: [String: String] = [:]
    public var site = Site()
    /// How many processors the build's own work (pages, link checks) may use at once; `relmap build --jobs`.
    public var processors: Int
    /// What the last build rendered its pages from, so unchanged pages are kept; nil renders every page.
    public var pageMemo: PageMemo?
    /// What the last build drew its diagrams from, so unchanged diagrams are kept; nil finishes every diagram.
    public var diagramMemo: DiagramMemo?
    /// The pages the drawing step started, written beside it as their diagrams are drawn; nil before it runs.
    var pagesBesideDrawing: PagesBesideDrawing?

    /// - Parameters:
    ///   - metricsCache: a folder to keep the network figures in between builds; nil computes them afresh.
    ///   - memory: what earlier builds of this process kept for later ones (`relmap serve`).
    public init(model: RelationModel, metadata: SiteMetadata, templates: TemplateSet,
                processors: Int = ProcessInfo.processInfo.activeProcessorCount, metricsCache: String? = nil,
                memory: BuildMemory? = nil) {
        self.model = model
        self.metadata = metadata
        self.templates = templates
        renderedRows = memory?.rows(for: templates) ?? RenderedRows(templates: templates)
        citationNames = PageLinker.citationNames(of: model)
        self.processors = processors
        metrics = metricsCache.map { NetworkMetrics(model: model, processors: processors, cacheFolder: $0) }
            ?? NetworkMetrics(model: model, processors: processors)
    }
}

/// A view that gets its own page: the catalogue's id, title and the diagram drawn for it.
public struct ViewEntry: Sendable, Equatable {
    public var id: String
    public var title: String
    public var diagram: String

    public init(id: String, title: String, diagram: String) {
        self.id = id
        self.title = title
        self.diagram = diagram
    }
}
