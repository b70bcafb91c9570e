import DOT
import DiagramStyle
import Geography
import RelationModel

/// Alliances and memberships as a choropleth in small multiples: one map per organization, its member states
/// filled in the organization's colour (solid while in force, light for observers and partners, hatched when
/// planned, cross-hatched when ended), members that are not states listed under the map's title, and a map of
/// the alliances and pacts between states when there are any. One map per bloc, because a state in several
/// blocs (Kyrgyzstan is in five in the bundled model) would need as many colours in one outline, which no
/// hatching keeps readable; every panel shares one window, so the eye compares them. Without located states the
/// view is drawn as a network.
public enum AlliancesView: View {
    public static let id = "alliances"
    public static let title = "Alliances and memberships"

    /// The most organizations drawn as maps; the rest are named in the caption.
    static let maximumPanels = 9

    public static func diagram(of model: RelationModel, options: ViewOptions, links: LinkStyle) -> Diagram? {
        let relations = options.relations(of: model, types: [.membership, .alliance])
        guard !relations.isEmpty else { return nil }
        let everyYear = ViewOptions().relations(of: model, types: [.membership, .alliance])
        let states = everyYear.flatMap(\.participants).filter { model.actor($0)?.kind == .state }
        guard let frame = GeographicDrawing.frame(focus: GeographicDrawing.points(of: states, in: model)) else {
            return network(relations, model: model, options: options, links: links)
        }
        let id = options.diagramID(Self.id)
        var builder = DiagramBuilder(model: model, links: links, id: id)
        // The blocs of every year, so the panels stay in place from year to year; largest first.
        var blocs: [String] = []
        var memberCount: [String: Int] = [:]
        for relation in everyYear where relation.type == .membership && relation.participants.count > 1 {
            let bloc = relation.participants[1]
            if memberCount[bloc] == nil { blocs.append(bloc) }
            memberCount[bloc, default: 0] += 1
        }
        blocs = blocs.enumerated().sorted { (-memberCount[$0.element]!, $0.offset) < (-memberCount[$1.element]!, $1.offset) }.map(\.element)
        let hasAlliances = everyYear.contains { $0.type == .alliance }
        let shown = Array(blocs.prefix(maximumPanels - (hasAlliances ? 1 : 0)))
        let panelCount = shown.count + (hasAlliances ? 1 : 0)
        let columns = panelCount == 1 ? 1 : panelCount <= 4 ? 2 : panelCount <= 9 ? 2 : 3
        let gap = 14.0
        let panelWidth = ((MapFrame.defaultWidth - gap * Double(columns - 1)) / Double(columns)).rounded()
        let panelFrame = frame.resized(width: panelWidth)
        let rows = (panelCount + columns - 1) / columns
        let totalHeight = Double(rows) * panelFrame.height + Double(rows - 1) * gap
        var drawing = MapDrawing()
        var drawn: [String] = []
        var edgeOff: [String] = []
        for index in 0..<panelCount {
            let row = index / columns, column = index % columns
            let origin = PlanePoint(x: Double(column) * (panelWidth + gap),
                                    y: totalHeight - Double(row + 1) * panelFrame.height - Double(row) * gap)
            var panel = MapPanel(frame: panelFrame, origin: origin)
            panel.tintsCountries = false
            if index < shown.count {
                let bloc = shown[index]
                let colour = blocColours[index % blocColours.count]
                let members = relations.filter { $0.type == .membership && $0.participants.count > 1 && $0.participants[1] == bloc }
                drawBloc(bloc, members: members, colour: colour, panel: &panel, model: model, options: options,
                         builder: &builder, drawing: &drawing, drawn: &drawn, offMap: &edgeOff)
            } else {
                drawAlliances(relations.filter { $0.type == .alliance }, panel: &panel, model: model, builder: &builder,
                              drawing: &drawing, drawn: &drawn, offMap: &edgeOff)
            }
        }
        let page = PlaneRect(minX: 0, minY: 0, maxX: MapFrame.defaultWidth, maxY: totalHeight)
        GeographicDrawing.finish(&builder, drawing: drawing, actors: MapActors(panel: MapPanel(frame: frame)), page: page)
        builder.notes.append(GeographicDrawing.projectionNote(panelFrame))
        if blocs.count > shown.count {
            builder.notes.append("Not drawn, to keep the maps legible (\(blocs.count - shown.count) smaller organizations): \(GeographicDrawing.names(Array(blocs.dropFirst(shown.count)), in: model)).")
        }
        if !edgeOff.isEmpty {
            builder.notes.append("Drawn at a map's edge in their direction, being off it: \(GeographicDrawing.names(unique(edgeOff), in: model)).")
        }
        var diagram = builder.diagram(
            id: id, title: options.title(title),
            description: "One map per organization, the member states the sources name filled in its colour: solid while in force, light for observers and partners, hatched when planned or proposed, cross-hatched when ended or withdrawn; members that are not states are listed under the map's title.\(hasAlliances ? " The last map joins the parties to alliances and pacts." : "")\(options.yearSentence)",
            engine: .nop2, fallbackEngine: nil)
        diagram.actorIDs = unique(shown + drawn)
        // The key under the maps draws each fill used, hatched as the maps hatch it.
        for standing in Standing.allCases where relations.contains(where: { $0.type == .membership && standing == Self.standing($0, options: options) }) {
            diagram.legend.append(LegendEntry(label: standing.meaning, kind: .node(NodeSymbol(shape: .box, fill: standing.legendFill))))
        }
        MapKey.add(to: &diagram, hatched: [Standing.planned.meaning: .hatched, Standing.ended.meaning: .crossHatched])
        return diagram
    }

    /// A member's standing, as the map paints it.
    enum Standing: CaseIterable {
        case member, observer, planned, ended

        var meaning: String {
            switch self {
            case .member: return "Member (solid)"
            case .observer: return "Observer or partner (light)"
            case .planned: return "Planned or proposed (hatched)"
            case .ended: return "Ended or withdrawn (cross-hatched)"
            }
        }

        var legendFill: Color {
            switch self {
            case .member: return Palette.ink.opacity(0.62)
            case .observer: return Palette.ink.opacity(0.25)
            case .planned: return Palette.ink.opacity(0.08)
            case .ended: return Palette.ink.opacity(0.04)
            }
        }

        func style(_ colour: Color) -> MapPanel.AreaStyle {
            switch self {
            case .member: return MapPanel.AreaStyle(color: colour.opacity(0.62))
            case .observer: return MapPanel.AreaStyle(color: colour.opacity(0.25))
            case .planned: return MapPanel.AreaStyle(color: colour, pattern: .hatched, outline: "dashed")
            case .ended: return MapPanel.AreaStyle(color: colour.opacity(0.8), pattern: .crossHatched, outline: "dotted")
            }
        }
    }

    /// How a membership stands: in the year shown, a relation in force counts as it stood then, so a membership
    /// that ended later is still a membership.
    static func standing(_ relation: Relation, options: ViewOptions) -> Standing {
        if relation.details.role == .planned || relation.status == .proposed || relation.status == .planned { return .planned }
        let endedSince = options.asOf.map { year in relation.end.map { $0.year < year } ?? false } ?? true
        if relation.details.role == .withdrawn || relation.status == .rejected || (relation.status == .ended && endedSince) {
            return .ended
        }
        if relation.details.role == .observer || relation.details.role == .partner { return .observer }
        return .member
    }

    /// The organizations' colours, in panel order (Okabe–Ito, which colour-blind readers can tell apart).
    static let blocColours = [Palette.blue, Palette.orange, Palette.bluishGreen, Palette.vermillion, Palette.reddishPurple,
                              Palette.skyBlue]

    private static func drawBloc(_ bloc: String, members: [Relation], colour: Color, panel: inout MapPanel, model: RelationModel,
                                 options: ViewOptions, builder: inout DiagramBuilder, drawing: inout MapDrawing,
                                 drawn: inout [String], offMap: inout [String]) {
        let blocName = model.actor(bloc)?.name ?? bloc
        var placer = MapLabelPlacer(bounds: panel.pageRect.insetBy(2))
        let titleSpot = addTitle(bloc, name: blocName, panel: panel, builder: &builder, placer: &placer)
        var others: [(String, Standing)] = []
        var states: [(id: String, standing: Standing, relation: Relation)] = []
        for relation in members {
            let member = relation.participants[0]
            let standing = Self.standing(relation, options: options)
            if model.actor(member)?.kind == .state, MapActors.coordinate(of: member, in: model) != nil {
                states.append((member, standing, relation))
            } else {
                others.append((member, standing))
            }
            builder.noteRelation(relation)
        }
        var named: Set<Int> = []
        for state in states {
            guard let actor = model.actor(state.id) else { continue }
            if let country = MapPanel.countryIndex(iso3: actor.iso3, name: actor.name),
               panel.layer.countries.contains(where: { $0.index == country }) {
                panel.areas[country] = state.standing.style(colour)
                named.insert(country)
            }
        }
        // Member names: at the country's label point when it is on the map, else at the capital or the edge.
        for state in states {
            guard let actor = model.actor(state.id), let coordinate = MapActors.coordinate(of: state.id, in: model) else { continue }
            let country = MapPanel.countryIndex(iso3: actor.iso3, name: actor.name)
            let shape = panel.layer.countries.first { $0.index == country }
            var anchor: PlanePoint
            var name = actor.name
            if let point = shape?.labelPoint {
                anchor = panel.shifted(point)
            } else if panel.shows(coordinate), let point = panel.pagePoint(coordinate) {
                anchor = point
            } else {
                anchor = panel.edgePoint(toward: coordinate)
                name += " (\(panel.frame.distanceAndDirection(to: coordinate)))"
                offMap.append(state.id)
            }
            let size = MapLabelPlacer.size(of: [name], fontSize: 11)
            let rect = MapLabelPlacer.rect(centre: anchor, width: size.width, height: size.height)
            let spot = placer.isFree(rect) ? (centre: anchor, needsLeader: false)
                : placer.place(width: size.width, height: size.height, near: anchor, clearance: 2)
            if placer.isFree(rect) { placer.reserve(rect) }
            var node = Node("\(bloc)--\(state.id)")
            node[.shape] = .plaintext
            node[.label] = .text(name)
            node[.fontsize] = 11
            node[.fontcolor] = Palette.ink
            node[.width] = 0.1
            node[.height] = 0.1
            node[.margin] = 0.01
            node[.pos] = Position(x: (spot.centre.x * 10).rounded() / 10, y: (spot.centre.y * 10).rounded() / 10)
            node[.url] = builder.links.actorPage(state.id)
            node[.tooltip] = "\(actor.name): \(state.standing.meaning.split(separator: " (").first!.lowercased()) of \(blocName). "
                + RelationText.tooltip(state.relation, in: model)
            node[.class] = "actor member"
            builder.addMarker(node)
            drawn.append(state.id)
        }
        // Members that are not states (or have no place) are listed under the title.
        var line = titleSpot.y - 18
        for (member, standing) in others {
            var node = Node("\(bloc)--\(member)")
            node[.shape] = .plaintext
            let words = standing == .member ? "" : " (\(standing.meaning.split(separator: " (").first!.lowercased()))"
            node[.label] = .text("also: " + (model.actor(member)?.name ?? member) + words)
            node[.fontsize] = 11
            node[.fontcolor] = Palette.ink
            node[.width] = 0.1
            node[.height] = 0.1
            node[.margin] = 0.01
            let width = MapLabelPlacer.size(of: ["also: " + (model.actor(member)?.name ?? member) + words], fontSize: 11).width
            node[.pos] = Position(x: ((panel.origin.x + 8 + width / 2) * 10).rounded() / 10, y: (line * 10).rounded() / 10)
            node[.url] = builder.links.actorPage(member)
            node[.tooltip] = model.actor(member).map { RelationText.tooltip($0, in: model) } ?? member
            node[.class] = "actor member"
            builder.addMarker(node)
            drawn.append(member)
            line -= 13
        }
        if states.isEmpty && others.isEmpty, let year = options.asOf {
            let text = "No membership in force in \(year)"
            var note = Node("\(bloc)--none")
            note[.shape] = .plain
            note[.label] = .text(text)
            note[.fontsize] = 11
            note[.fontcolor] = Palette.grey
            let centre = panel.shifted(PlanePoint(x: panel.frame.width / 2, y: panel.frame.height / 2))
            note[.pos] = Position(x: (centre.x * 10).rounded() / 10, y: (centre.y * 10).rounded() / 10)
            builder.addMarker(note)
            let size = MapLabelPlacer.size(of: [text], fontSize: 11)
            placer.reserve(MapLabelPlacer.rect(centre: centre, width: size.width, height: size.height))
        }
        panel.draw(into: &drawing, placer: placer, unnamed: named, nameSize: 10, names: &builder, prefix: "\(bloc)--")
    }

    /// The organization's name as the panel's title, a link to its page, in its top-left corner.
    private static func addTitle(_ id: String, name: String, panel: MapPanel, builder: inout DiagramBuilder,
                                 placer: inout MapLabelPlacer, isActor: Bool = true) -> PlanePoint {
        let size = MapLabelPlacer.size(of: [name], fontSize: 12)
        let width = min(size.width + 8, panel.frame.width - 8)
        let centre = PlanePoint(x: panel.origin.x + 4 + width / 2, y: panel.pageRect.maxY - 4 - size.height / 2)
        var node = Node("\(id)--title")
        node[.shape] = .box
        node[.style] = [.filled]
        node[.fillcolor] = Color(hex: "#FFFFFFE0")!
        node[.color] = Palette.grey
        node[.penwidth] = 0.6
        node[.label] = .text(name)
        node[.fontsize] = 12
        node[.fontcolor] = Palette.ink
        node[.width] = width / 72
        node[.height] = size.height / 72
        node[.fixedsize] = true
        node[.pos] = Position(x: (centre.x * 10).rounded() / 10, y: (centre.y * 10).rounded() / 10)
        if isActor {
            node[.url] = builder.links.actorPage(id)
            node[.tooltip] = builder.model.actor(id).map { RelationText.tooltip($0, in: builder.model) } ?? id
        }
        node[.class] = isActor ? "actor organization-title" : "panel-title"
        builder.addMarker(node)
        placer.reserve(MapLabelPlacer.rect(centre: centre, width: width + 4, height: size.height + 4))
        return centre
    }

    /// The alliances and pacts between states: a line between their capitals, styled as elsewhere.
    private static func drawAlliances(_ alliances: [Relation], panel: inout MapPanel, model: RelationModel,
                                      builder: inout DiagramBuilder, drawing: inout MapDrawing, drawn: inout [String],
                                      offMap: inout [String]) {
        var placer = MapLabelPlacer(bounds: panel.pageRect.insetBy(2))
        _ = addTitle("alliances-and-pacts", name: "Alliances and pacts", panel: panel, builder: &builder, placer: &placer,
                     isActor: false)
        var nodes: [String: String] = [:]
        let parties = unique(alliances.flatMap(\.participants))
        for party in parties {
            guard let coordinate = MapActors.coordinate(of: party, in: model) else { continue }
            var point = panel.pagePoint(coordinate) ?? panel.edgePoint(toward: coordinate)
            var name = model.actor(party)?.name ?? party
            if !panel.shows(coordinate) {
                point = panel.edgePoint(toward: coordinate)
                name += " (\(panel.frame.distanceAndDirection(to: coordinate)))"
                offMap.append(party)
            }
            placer.reserve(marker: point, radius: 4)
            var marker = Node("alliances--\(party)")
            marker[.shape] = .circle
            marker[.style] = [.filled]
            marker[.fillcolor] = Palette.style(of: model.actor(party)?.kind ?? .state).fill
            marker[.color] = Palette.ink
            marker[.label] = .text("")
            marker[.fixedsize] = true
            marker[.width] = 0.11
            marker[.pos] = Position(x: (point.x * 10).rounded() / 10, y: (point.y * 10).rounded() / 10)
            marker[.url] = builder.links.actorPage(party)
            marker[.tooltip] = model.actor(party).map { RelationText.tooltip($0, in: model) } ?? party
            marker[.class] = "actor"
            builder.addMarker(marker)
            let size = MapLabelPlacer.size(of: [name], fontSize: 11)
            let spot = placer.place(width: size.width, height: size.height, near: point, clearance: 4)
            var label = Node("alliances--\(party)-label")
            label[.shape] = .plaintext
            label[.label] = .text(name)
            label[.fontsize] = 11
            label[.width] = 0.1
            label[.height] = 0.1
            label[.margin] = 0.01
            label[.pos] = Position(x: (spot.centre.x * 10).rounded() / 10, y: (spot.centre.y * 10).rounded() / 10)
            label[.url] = builder.links.actorPage(party)
            label[.tooltip] = marker[.tooltip]
            label[.class] = "actor-label"
            builder.addMarker(label)
            nodes[party] = marker.name
            drawn.append(party)
        }
        for relation in alliances {
            let present = relation.participants.compactMap { nodes[$0] }
            guard present.count >= 2 else { continue }
            for index in 1..<present.count {
                builder.addEdge(relation, from: present[0], to: present[index], look: EdgeLook(relation: relation), label: nil,
                                part: present.count > 2 ? String(index) : nil)
            }
        }
        panel.draw(into: &drawing, placer: placer, unnamed: [], nameSize: 10, names: &builder, prefix: "alliances--")
    }

    /// Memberships and alliances among actors none of whom has a place: members point to their organizations,
    /// ranked by dot.
    static func network(_ relations: [Relation], model: RelationModel, options: ViewOptions, links: LinkStyle) -> Diagram {
        let id = options.diagramID(Self.id)
        var builder = DiagramBuilder(model: model, links: links, id: id)
        builder.graph[.rankdir] = .leftToRight
        builder.graph[.nodesep] = 0.25
        builder.graph[.ranksep] = 1.2
        for relation in relations { relation.participants.forEach { builder.addActor($0) } }
        for relation in relations { builder.addRelation(relation, look: EdgeLook(relation: relation), label: label(relation)) }
        let organizations = relations.filter { $0.type == .membership }.compactMap { $0.participants.dropFirst().first }
        if !organizations.isEmpty {
            var rank = Subgraph("organizations", isCluster: false)
            rank[.rank] = .max
            var seen: Set<String> = []
            for organization in organizations where seen.insert(organization).inserted { rank.append(Node(organization)) }
            builder.graph.append(rank)
        }
        builder.notes.append(GeographicDrawing.noLocationNote)
        let choice = EngineChoice.layered(nodeCount: builder.actorIDs.count, edgeCount: relations.count)
        return builder.diagram(
            id: id, title: options.title(title),
            description: "Members point to the organizations they belong to (open arrows); alliances and pacts join their parties. Labels give the role or alliance type and the years.\(options.yearSentence)\(EngineChoice.layeredNote(nodeCount: builder.actorIDs.count, edgeCount: relations.count))",
            engine: choice.engine, fallbackEngine: choice.fallback)
    }

    static func label(_ relation: Relation) -> String {
        var parts: [String] = []
        if let role = relation.details.role, role != .member { parts.append(role.rawValue) }
        if let type = relation.details.allianceType { parts.append(type.words) }
        if relation.status == .rejected || relation.status == .proposed { parts.append(relation.status.rawValue) }
        if let years = relation.period.years { parts.append(years) }
        return parts.joined(separator: ", ")
    }

    static func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}
