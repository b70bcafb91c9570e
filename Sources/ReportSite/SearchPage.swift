import Foundation
import RelationModel

extension PageGenerator {
    /// The search page (a full list that a script filters) and the JSON index it filters over.
    static let search = PageGenerator("search page and index") { context in
        let entries = SearchEntry.all(in: context.model)
        return [
            Page(path: SitePath.search, template: "search") {
                let body = SearchBody(entries: entries.enumerated().map { SearchBody.Item(entry: $1, index: $0) }, count: entries.count)
                return PageContext(path: SitePath.search, title: "Search", description: "Find actors, relations and sources by name.",
                                   context: context, page: body)
            },
            Page(path: SitePath.searchIndex) {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
                return try encoder.encode(entries) + Data("\n".utf8)
            },
        ]
    }
}

/// One searchable thing: an actor, a relation or a source, with the text a query is matched against.
struct SearchEntry: Codable, Equatable {
    var kind: String
    var title: String
    var detail: String
    var text: String
    /// Relative to the site root.
    var url: String

    static func all(in model: RelationModel) -> [SearchEntry] {
        let actors = model.actors.sorted { ($0.name, $0.id) < ($1.name, $1.id) }.map { actor in
            SearchEntry(kind: "actor", title: actor.name, detail: [RelationWording.kind(of: actor), actor.office].compactMap { $0 }.joined(separator: ", "),
                        text: ([actor.id] + actor.names + [actor.office, actor.note].compactMap { $0 }).joined(separator: " ").lowercased(),
                        url: SitePath.actor(actor.id))
        }
        let relations = RelationWording.chronological(model.relations).map { relation in
            let names = relation.involvedActors.compactMap { model.actor($0) }
            return SearchEntry(kind: "relation", title: relation.summary,
                               detail: "\(RelationWording.kind(of: relation)), \(RelationWording.period(of: relation)): \(names.map(\.name).joined(separator: ", "))",
                               text: ([relation.id, relation.summary, RelationWording.kind(of: relation)] + names.flatMap(\.names)).joined(separator: " ").lowercased(),
                               url: SitePath.relationHome(relation) + "#" + SitePath.relationAnchor(relation.id))
        }
        let sources = model.sources.sorted { ($0.published, $0.id) < ($1.published, $1.id) }.map { source in
            SearchEntry(kind: "source", title: source.title, detail: "\(source.publisher), \(source.published)",
                        text: [source.id, source.title, source.publisher, source.author ?? ""].joined(separator: " ").lowercased(),
                        url: SitePath.source(source.id))
        }
        return actors + relations + sources
    }
}

struct SearchBody: Encodable {
    struct Item: Encodable { var entry: SearchEntry; var index: Int }
    var entries: [Item]
    var count: Int
}
