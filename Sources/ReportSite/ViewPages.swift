import Mustache
import RelationModel
import SiteLayout

extension PageGenerator {
    /// One page per view: the diagram, its legend, the relations it shows as a table, and downloads. Each is
    /// written, beside the drawing, once its diagram is drawn.
    static let views = PageGenerator("view pages", startsBeforeDrawing: true) { context in
        context.views.map { view in
            let path = SitePath.view(view.id)
            return Page(path: path, template: "view", diagrams: [view.diagram]) {
                let linker = PageLinker(context: context, path: path)
                let diagram = context.diagrams[view.diagram]
                let relations = (diagram?.relationIDs ?? []).compactMap(context.model.relation)
                let actors = (diagram?.actorIDs ?? []).filter { context.model.actor($0) != nil }
                    .sorted { (context.model.actor($0)!.name, $0) < (context.model.actor($1)!.name, $1) }
                let body = ViewBody(figure: linker.figure(view.diagram), rows: linker.rows(relations),
                                    hasRows: !relations.isEmpty, actors: actors.map { linker.actor($0) })
                let description = diagram?.caption ?? view.title
                return PageContext(path: path, title: view.title, description: description, context: context, page: body)
            }
        }
    }
}

struct ViewBody: Encodable {
    var figure: DiagramFigure?
    var rows: [RelationRow]
    var hasRows: Bool
    var actors: [ActorLink]
}

extension ViewBody: MustacheParent {
    func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .figure: return figure
        case .rows: return rows
        case .hasRows: return hasRows
        case .actors: return actors
        case nil: return nil
        }
    }
}
