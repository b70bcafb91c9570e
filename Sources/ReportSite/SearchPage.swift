import Foundation
import Mustache
import RelationModel
import SiteLayout
import Synchronization

extension PageGenerator {
    /// The search page (a full list, grouped by kind, that a script filters), the JSON index it filters over, and
    /// the same index as a script that the search box in every page's header loads (browsers refuse to fetch
    /// JSON from `file://`, but load a script). Entries link to the overview map, so the pages are written,
    /// beside the drawing, once it is drawn.
    static let search = PageGenerator("search page and index", startsBeforeDrawing: true) { context in
        let index = EncodedSearchIndex(context: context)
        let shown = context.overviewDiagram.map { [$0] } ?? []
        var pages = [
            Page(path: SitePath.search, template: "search") {
                let body = SearchBody(entries: index.entries, root: SitePath.root(of: SitePath.search))
                return PageContext(path: SitePath.search, title: "Search", description: "Find actors, relations and sources by name.",
                                   context: context, page: body)
            },
            Page(path: SitePath.searchIndex) { try index.json() + Data("\n".utf8) },
            // JSON is a JavaScript expression whatever the model's text (since ES2019, U+2028 too).
            Page(path: SitePath.searchScript) { Data("window.relmapSearchIndex = ".utf8) + (try index.json()) + Data(";\n".utf8) },
        ]
        for index in pages.indices { pages[index].diagrams = shown }
        return pages
    }
}

/// The search entries, made and encoded once, on whichever thread first writes one of the pages that carry them.
final class EncodedSearchIndex: Sendable {
    private let context: BuildContext
    private let made = Mutex<(entries: [SearchEntry]?, json: Data?)>((nil, nil))

    init(context: BuildContext) {
        self.context = context
    }

    /// Every entry; the overview map must be drawn by then.
    var entries: [SearchEntry] {
        made.withLock { made in
            if let entries = made.entries { return entries }
            let entries = SearchEntry.all(in: context.model, map: OverviewMap(context: context))
            made.entries = entries
            return entries
        }
    }

    func json() throws -> Data {
        let entries = entries
        return try made.withLock { made in
            if let json = made.json { return json }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            let json = try encoder.encode(entries)
            made.json = json
            return json
        }
    }
}

/// Where the overview map is and what it shows, so a search hit can be shown on it: nil when the overview is not
/// drawn inline (a large network is shown as an image, which cannot highlight an actor).
struct OverviewMap {
    var page: String
    var figure: String
    var actors: Set<String>
    var relations: Set<String>

    init?(context: BuildContext) {
        guard let id = context.overviewDiagram, let diagram = context.diagrams[id], diagram.isInline,
              let view = context.views.first(where: { $0.diagram == id }) else { return nil }
        page = SitePath.view(view.id)
        figure = "figure-\(id)"
        actors = Set(diagram.actorIDs)
        relations = Set(diagram.relationIDs)
    }

    /// The overview page with `pin` highlighted on its map.
    func link(pinning pin: String) -> String { "\(page)?pin=\(pin)#\(figure)" }
}

/// One searchable thing: an actor, a relation or a source, with the text a query is matched against.
struct SearchEntry: Codable, Equatable, Sendable {
    var kind: String
    var title: String
    var detail: String
    var text: String
    /// Relative to the site root.
    var url: String
    /// The overview map with this actor or relation highlighted, relative to the site root; nil when the map
    /// does not show it.
    var map: String? = nil

    static func all(in model: RelationModel, map: OverviewMap? = nil) -> [SearchEntry] {
        let actors = model.actors.sorted { ($0.name, $0.id) < ($1.name, $1.id) }.map { actor in
            SearchEntry(kind: "actor", title: actor.name, detail: [RelationWording.kind(of: actor), actor.office].compactMap { $0 }.joined(separator: ", "),
                        text: ([actor.id] + actor.names + [actor.office, actor.note].compactMap { $0 }).joined(separator: " ").lowercased(),
                        url: SitePath.actor(actor.id),
                        map: map.flatMap { $0.actors.contains(actor.id) ? $0.link(pinning: actor.id) : nil })
        }
        let relations = RelationWording.chronological(model.relations).map { relation in
            let names = relation.involvedActors.compactMap { model.actor($0) }
            return SearchEntry(kind: "relation", title: relation.summary,
                               detail: "\(RelationWording.kind(of: relation)), \(relation.period.text): \(names.map(\.name).joined(separator: ", "))",
                               text: ([relation.id, relation.summary, RelationWording.kind(of: relation)] + names.flatMap(\.names)).joined(separator: " ").lowercased(),
                               url: SitePath.relationHome(relation) + "#" + SitePath.relationAnchor(relation.id),
                               map: map.flatMap { $0.relations.contains(relation.id) ? $0.link(pinning: "rel-\(relation.id)") : nil })
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
    /// An entry with its place in the index, which the script matches against.
    struct Item: Encodable {
        var entry: SearchEntry
        var index: Int
        /// The entry's map link from the search page.
        var mapHref: String?
    }

    /// The entries of one kind under a heading.
    struct Group: Encodable {
        var kind: String
        var heading: String
        var items: [Item]
    }

    var groups: [Group]
    var count: Int

    init(entries: [SearchEntry], root: String) {
        let headings = [("actor", "Actors"), ("relation", "Relations and events"), ("source", "Sources")]
        let items = entries.enumerated().map { Item(entry: $1, index: $0, mapHref: $1.map.map { root + $0 }) }
        groups = headings.compactMap { kind, heading in
            let members = items.filter { $0.entry.kind == kind }
            return members.isEmpty ? nil : Group(kind: kind, heading: heading, items: members)
        }
        count = entries.count
    }
}

extension SearchBody: MustacheParent {
    func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .groups: return groups
        case .count: return count
        case nil: return nil
        }
    }
}

extension SearchBody.Group: MustacheParent {
    func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .kind: return kind
        case .heading: return heading
        case .items: return items
        case nil: return nil
        }
    }
}

extension SearchBody.Item: MustacheParent {
    func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .entry: return entry
        case .index: return index
        case .mapHref: return mapHref
        case nil: return nil
        }
    }
}

extension SearchEntry: MustacheParent {
    func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .kind: return kind
        case .title: return title
        case .detail: return detail
        case .text: return text
        case .url: return url
        case .map: return map
        case nil: return nil
        }
    }
}
