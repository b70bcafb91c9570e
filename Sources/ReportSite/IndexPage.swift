import RelationModel
import SiteLayout

extension PageGenerator {
    /// The front page: what the report covers, the overview map, a card per view, every actor and source; written,
    /// beside the drawing, once the views' diagrams are drawn (the cards quote their captions).
    static let index = PageGenerator("index page", startsBeforeDrawing: true) { context in
        let path = SitePath.index
        let shown = context.views.map(\.diagram) + (context.overviewDiagram.map { [$0] } ?? [])
        return [Page(path: path, template: "index", diagrams: shown) { indexPage(context: context, path: path) }]
    }

    /// The front page's context, once the diagrams it shows are drawn.
    private static func indexPage(context: BuildContext, path: String) -> any Encodable & Sendable {
        let linker = PageLinker(context: context, path: path)
        let model = context.model
        let kinds = ActorKind.allCases.compactMap { kind -> IndexBody.ActorGroup? in
            let actors = model.actors.filter { $0.kind == kind }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
            guard !actors.isEmpty else { return nil }
            return .init(title: RelationWording.plural(kind), count: actors.count, actors: actors.map { linker.actor($0.id) })
        }
        let types = RelationType.allCases.compactMap { type -> IndexBody.TypeCount? in
            let count = model.relations.filter { $0.type == type }.count
            return count == 0 ? nil : .init(title: type.title, count: count)
        }
        let sources = model.sources.sorted { ($0.published, $0.id) < ($1.published, $1.id) }.map {
            IndexBody.SourceItem(title: $0.title, href: SitePath.source($0.id), publisher: $0.publisher, date: $0.published.description)
        }
        let cards = context.views.map { view -> IndexBody.ViewCard in
            let diagram = context.diagrams[view.diagram]
            let caption = diagram?.caption.components(separatedBy: " Sources: ").first ?? ""
            return .init(title: view.title, caption: caption, href: SitePath.view(view.id))
        }
        let overviewPage = context.views.first { $0.diagram == context.overviewDiagram }.map { SitePath.view($0.id) }
        let body = IndexBody(
            period: model.period.map { "\($0.lowerBound)–\($0.upperBound)" },
            actorCount: counted(model.actors.count, "actor"), relationCount: counted(model.relations.count, "dated relation and incident", "dated relations and incidents"),
            sourceCount: counted(model.sources.count, "source"),
            conflictCount: model.relations.contains(where: \.isDisputedBetweenSources) ? model.relations.filter(\.isDisputedBetweenSources).count : nil,
            actorGroups: kinds, relationTypes: types, sources: sources,
            overview: linker.figure(context.overviewDiagram, viewPage: overviewPage), views: cards,
            newestSource: model.sources.map(\.published).max()?.description,
            modelHash: context.metadata.modelHash, modelHashShort: String(context.metadata.modelHash.prefix(12)))
        let description = "A report on \(model.actors.count) actors and \(model.relations.count) relations drawn from \(model.sources.count) sources."
        return PageContext(path: path, title: context.metadata.title, description: description, context: context, page: body)
    }
}

struct IndexBody: Encodable {
    struct ActorGroup: Encodable { var title: String; var count: Int; var actors: [ActorLink] }
    struct TypeCount: Encodable { var title: String; var count: Int }
    struct SourceItem: Encodable { var title: String; var href: String; var publisher: String; var date: String }
    struct ViewCard: Encodable { var title: String; var caption: String; var href: String }

    var period: String?
    /// "94 actors", "1 actor".
    var actorCount: String
    var relationCount: String
    var sourceCount: String
    /// Nil when no source contradicts another.
    var conflictCount: Int?
    var actorGroups: [ActorGroup]
    var relationTypes: [TypeCount]
    var sources: [SourceItem]
    var overview: DiagramFigure?
    var views: [ViewCard]
    var newestSource: String?
    var modelHash: String
    var modelHashShort: String
}

/// A count with its noun in the singular or plural.
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
