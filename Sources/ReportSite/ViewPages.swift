import RelationModel

extension PageGenerator {
    /// One page per view: the diagram, its legend, the relations it shows as a table, and downloads.
    static let views = PageGenerator("view pages") { context in
        context.views.map { view in
            let path = SitePath.view(view.id)
            let linker = PageLinker(context: context, path: path)
            let diagram = context.diagrams[view.diagram]
            let relations = (diagram?.relationIDs ?? []).compactMap(context.model.relation)
            let actors = (diagram?.actorIDs ?? []).filter { context.model.actor($0) != nil }
                .sorted { (context.model.actor($0)!.name, $0) < (context.model.actor($1)!.name, $1) }
            let body = ViewBody(figure: linker.figure(view.diagram), rows: linker.rows(relations),
                                hasRows: !relations.isEmpty, actors: actors.map { linker.actor($0) })
            let description = diagram?.caption ?? view.title
            return Page(path: path, template: "view",
                        context: PageContext(path: path, title: view.title, description: description, context: context, page: body))
        }
    }
}

struct ViewBody: Encodable {
    var figure: DiagramFigure?
    var rows: [RelationRow]
    var hasRows: Bool
    var actors: [ActorLink]
}
