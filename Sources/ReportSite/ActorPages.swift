import Foundation
import Mustache
import RelationModel
import SiteLayout

extension PageGenerator {
    /// One page per actor: focus diagram, memberships, relations by type, incidents, network figures and
    /// links to every related actor. The pages are most of a site's, and each shows one diagram of its own, so
    /// each is written as soon as its focus diagram is drawn.
    static let actors = PageGenerator("actor pages", startsBeforeDrawing: true) { context in
        let index = ActorIndex(context: context)
        return context.model.actors.sorted { $0.id < $1.id }.map { actor in
            let path = SitePath.actor(actor.id)
            return Page(path: path, template: "actor", diagrams: context.actorDiagrams[actor.id].map { [$0] } ?? []) {
                let body = ActorBody(actor: actor, context: context, index: index, linker: PageLinker(context: context, path: path))
                let description = "\(actor.name): \(RelationWording.kind(of: actor)) — relations, memberships and incidents with their sources."
                return PageContext(path: path, title: actor.name, description: description, context: context, page: body)
            }
        }
    }
}

struct ActorBody: Encodable {
    struct Fact: Encodable { var label: String; var value: String; var link: ActorLink? }

    var name: String
    var kind: String
    var facts: [Fact]
    var note: String?
    var figure: DiagramFigure?
    /// Memberships first, then each relation type in the vocabulary's order, incidents last.
    var lists: [RowList]
    var degree: Int
    var betweenness: String
    var rank: String
    var bloc: [ActorLink]
    var blocLeader: ActorLink
    var blocSize: Int
    /// The bloc's size in words ("61 actors").
    var blocSizeText: String
    /// How many bloc members are not listed on this page (only the best-connected `blocListLimit` are, except on
    /// the leader's page, which lists them all); nil when all are.
    var blocMoreCount: Int?
    var related: [ActorLink]
    var hasRelations: Bool

    /// The most bloc members a member's page lists: in a large network a bloc can hold thousands of actors, and
    /// listing them all on each of their pages grows the site with the square of the bloc.
    static let blocListLimit = 50

    init(actor: Actor, context: BuildContext, index: ActorIndex, linker: PageLinker) {
        let model = context.model
        name = actor.name
        kind = RelationWording.kind(of: actor)
        var facts: [Fact] = []
        if !actor.aliases.isEmpty { facts.append(Fact(label: "Also written", value: actor.aliases.joined(separator: ", "))) }
        if let office = actor.office { facts.append(Fact(label: "Office", value: office)) }
        if let country = actor.country {
            facts.append(Fact(label: "Country", value: model.actor(country)?.name ?? country,
                              link: model.actor(country) == nil ? nil : linker.actor(country)))
        }
        for claimant in actor.claimedBy {
            facts.append(Fact(label: "Claimed by", value: model.actor(claimant)?.name ?? claimant,
                              link: model.actor(claimant) == nil ? nil : linker.actor(claimant)))
        }
        if let iso3 = actor.iso3 { facts.append(Fact(label: "ISO code", value: iso3)) }
        if let capital = actor.capital { facts.append(Fact(label: "Capital", value: capital)) }
        if let point = actor.coordinate {
            facts.append(Fact(label: "Location", value: String(format: "%.2f, %.2f", point.latitude, point.longitude)))
        }
        self.facts = facts
        note = actor.note
        figure = linker.figure(context.actorDiagrams[actor.id])

        let relations = model.relations(involving: actor.id)
        let memberships = relations.filter { $0.type == .membership }
        var lists = [
            RowList.nonEmpty("Memberships", linker.rows(memberships.filter { $0.participants.first == actor.id }), anchor: "memberships"),
            RowList.nonEmpty("Members", linker.rows(memberships.filter { $0.participants.first != actor.id }), anchor: "members"),
        ]
        for type in RelationType.allCases where type != .membership && type != .incident {
            lists.append(RowList.nonEmpty(type.title, linker.rows(relations.filter { $0.type == type }), anchor: "type-\(type.rawValue)"))
        }
        lists.append(RowList.nonEmpty("Incidents", linker.rows(relations.filter { $0.type == .incident }), anchor: "incidents"))
        // A relation the actor both takes part in and states is listed twice; its anchor stays on the first row.
        var anchored = Set(relations.map(\.id))
        lists.append(RowList.nonEmpty("By \(actor.name)'s account",
                                      linker.rows(model.relations(accordingTo: actor.id)).anchoredOnce(&anchored), anchor: "account"))
        self.lists = lists.compactMap { $0 }
        hasRelations = !relations.isEmpty

        let metrics = context.metrics
        degree = metrics.degree[actor.id] ?? 0
        betweenness = String(format: "%.3f", metrics.betweenness[actor.id] ?? 0)
        rank = "\((index.rank[actor.id] ?? 0) + 1) of \(model.actors.count)"
        let leader = metrics.bloc[actor.id] ?? actor.id
        blocLeader = linker.actor(leader)
        // A bloc of a large network has thousands of members: they are counted, not copied, on every member's page.
        let members = index.blocMembers[leader] ?? []
        let others = members.count - (members.sortedContains(actor.id) ? 1 : 0)
        let listed = leader != actor.id && others > ActorBody.blocListLimit
            ? Array((index.blocByDegree[leader] ?? []).lazy.filter { $0 != actor.id }.prefix(ActorBody.blocListLimit))
            : members.filter { $0 != actor.id }
        bloc = listed.map { linker.actor($0) }.sorted { ($0.name, $0.href) < ($1.name, $1.href) }
        blocMoreCount = listed.count < others ? others - listed.count : nil
        blocSize = others + 1
        blocSizeText = counted(blocSize, "actor")
        related = (metrics.neighbours[actor.id] ?? []).map { linker.actor($0) }.sorted { ($0.name, $0.href) < ($1.name, $1.href) }
    }
}

/// What every actor page looks up, computed once per build rather than once per page: each actor's place by
/// betweenness (from 0), and the members of each bloc, sorted by id and by degree (most connected first, then
/// by id). An actor's relations come from the model's own index.
struct ActorIndex {
    var rank: [String: Int] = [:]
    var blocMembers: [String: [String]] = [:]
    var blocByDegree: [String: [String]] = [:]

    init(context: BuildContext) {
        let metrics = context.metrics
        let ranked = context.model.actors.map(\.id)
            .sorted { (-(metrics.betweenness[$0] ?? 0), $0) < (-(metrics.betweenness[$1] ?? 0), $1) }
        for (place, id) in ranked.enumerated() where rank[id] == nil { rank[id] = place }
        for (member, leader) in metrics.bloc { blocMembers[leader, default: []].append(member) }
        blocMembers = blocMembers.mapValues { $0.sorted() }
        let degree = metrics.degree
        blocByDegree = blocMembers.mapValues { members in
            members.map { (connections: -(degree[$0] ?? 0), id: $0) }.sorted { ($0.connections, $0.id) < ($1.connections, $1.id) }.map(\.id)
        }
    }
}

extension Array where Element: Comparable {
    /// Whether a sorted array holds `element`, by binary search.
    func sortedContains(_ element: Element) -> Bool {
        var low = startIndex, high = endIndex
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < element { low = middle + 1 } else { high = middle }
        }
        return low < endIndex && self[low] == element
    }
}

extension ActorBody: MustacheParent {
    func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .name: return self.name
        case .kind: return kind
        case .facts: return facts
        case .note: return note
        case .figure: return figure
        case .lists: return lists
        case .degree: return degree
        case .betweenness: return betweenness
        case .rank: return rank
        case .bloc: return bloc
        case .blocLeader: return blocLeader
        case .blocSize: return blocSize
        case .blocSizeText: return blocSizeText
        case .blocMoreCount: return blocMoreCount
        case .related: return related
        case .hasRelations: return hasRelations
        case nil: return nil
        }
    }
}

extension ActorBody.Fact: MustacheParent {
    func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .label: return label
        case .value: return value
        case .link: return link
        case nil: return nil
        }
    }
}
