import DOT
import DiagramStyle
import RelationModel

/// Collects one diagram's nodes, edges, legend and relations, then assembles the `Diagram`.
struct DiagramBuilder {
    let model: RelationModel
    let links: LinkStyle
    var graph: Graph
    private(set) var actorIDs: [String] = []
    private(set) var relationIDs: [String] = []
    private var nodeNames: Set<String> = []
    private var relationSet: Set<String> = []
    private var nodeLegend: [LegendEntry] = []
    private var edgeLegend: [LegendEntry] = []
    private var areaLegend: [LegendEntry] = []
    /// Sentences added to the caption, such as what was left out.
    var notes: [String] = []
    /// What a view draws under the graph (a map), before the legend's symbols.
    var backdrop = XDotDrawing()
    /// Where the drawing's own data comes from, added to the source line ("map data: Natural Earth").
    var credit: String?
    /// Whether the legend is part of the label. A map laid out by `nop2` draws it as a key of its own under the
    /// map (`MapKey`): `nop2` leaves the drawing where it is, so the label's place is not known before layout.
    var legendInLabel = true
    /// When set, edges between the same two nodes for relations of one type and colour are drawn as one,
    /// labelled by this (given the merged relations); the edges wait in `parallelEdges` until the diagram is built.
    var mergedLabel: (([Relation]) -> String?)?
    private var parallelEdges: [ParallelEdges] = []
    private var parallelIndex: [[String]: Int] = [:]
    /// Whether actors that no edge reaches are left out of the diagram.
    var dropsUnlinkedActors = false
    /// How much larger than usual the title and legend are drawn, for a large network shown smaller.
    var labelScale = 1.0
    /// See `Diagram.startsFromGivenPositions`.
    var startsFromGivenPositions = false

    init(model: RelationModel, links: LinkStyle, id: String) {
        self.model = model
        self.links = links
        graph = Graph(name: id, directed: true, idPrefix: id)
        graph[.fontname] = Fonts.face
        graph.nodeDefaults[.fontname] = Fonts.face
        // At least 12 pt everywhere: at 1,920 px across a slide, a picture up to 1,640 pt wide then shows its
        // smallest text at 14 px, and a page that opens a large map at three quarters of its size shows 12 px.
        graph.nodeDefaults[.fontsize] = 12
        graph.edgeDefaults[.fontname] = Fonts.face
        graph.edgeDefaults[.fontsize] = 12
    }

    func contains(actor id: String) -> Bool { nodeNames.contains(id) }

    /// Each node's box as Graphviz will draw it, by name, estimated from its label, font size and shape.
    var nodeSizes: [String: RadialLayout.Size] {
        var sizes: [String: RadialLayout.Size] = [:]
        for node in graph.allNodes {
            guard case .text(let text)? = node[.label] else { continue }
            let size = node[.fontsize] ?? graph.nodeDefaults[.fontsize] ?? 14
            sizes[node.name] = RadialLayout.size(of: text.components(separatedBy: "\n"), fontSize: size,
                                                 shape: node[.shape] ?? .ellipse)
        }
        return sizes
    }

    /// Pins nodes at positions given in points.
    mutating func pin(_ positions: [String: Position]) {
        for index in graph.statements.indices {
            guard case .node(var node) = graph.statements[index], let position = positions[node.name] else { continue }
            node[.pos] = position
            graph.statements[index] = .node(node)
        }
    }

    /// Adds an actor's node once: shape and fill by kind, tooltip, link to its page.
    mutating func addActor(_ id: String, position: Position? = nil, emphasized: Bool = false,
                           configure: (inout Node) -> Void = { _ in }) {
        guard nodeNames.insert(id).inserted else { return }
        actorIDs.append(id)
        var node = Node(id)
        node[.url] = links.actorPage(id)
        node[.class] = "actor"
        if let actor = model.actor(id) {
            let style = Palette.style(of: actor.kind)
            node[.label] = .text(TextMeasure.wrapped(actor.name, limit: 20).joined(separator: "\n"))
            node[.shape] = style.shape
            node[.fillcolor] = style.fill
            node[.style] = actor.kind == .state ? [.filled, .rounded] : [.filled]
            node[.tooltip] = RelationText.tooltip(actor, in: model)
            node[.class] = "actor kind-\(actor.kind.rawValue)"
            note(LegendEntry(label: style.label, kind: .node(NodeSymbol(shape: style.shape, fill: style.fill,
                                                                        isRounded: actor.kind == .state))))
        } else {
            node[.label] = .text(id)
            node[.shape] = .plaintext
            node[.tooltip] = "\(id) (not in the model)"
        }
        if emphasized {
            node[.penwidth] = 2.5
            node[.fontsize] = 13
        }
        node[.pos] = position
        configure(&node)
        graph.append(node)
    }

    /// Adds a node that is not an actor (a "+N more" marker, a multilateral relation's hub).
    mutating func addMarker(_ node: Node) {
        guard nodeNames.insert(node.name).inserted else { return }
        graph.append(node)
    }

    /// Counts a relation as drawn without an edge (a map fills a member's country instead), for the diagram's
    /// table and sources.
    mutating func noteRelation(_ relation: Relation) {
        if relationSet.insert(relation.id).inserted { relationIDs.append(relation.id) }
    }

    /// Adds one edge drawing `relation` (a relation may need several), with its tooltip and link; with
    /// `mergedLabel` set, the edge waits to be merged with its parallels.
    mutating func addEdge(_ relation: Relation, from: String, to: String, look: EdgeLook, label: String?,
                          part: String? = nil, group: String? = nil) {
        if relationSet.insert(relation.id).inserted { relationIDs.append(relation.id) }
        let member = ParallelEdges.Member(relation: relation, from: from, to: to, look: look, label: label, part: part,
                                          group: group)
        guard mergedLabel != nil else { return append(member) }
        let key = ParallelEdges.groupKey(of: member)
        if let index = parallelIndex[key] {
            parallelEdges[index].append(member)
        } else {
            parallelIndex[key] = parallelEdges.count
            parallelEdges.append(ParallelEdges(member))
        }
    }

    private mutating func append(_ member: ParallelEdges.Member) {
        let relation = member.relation
        var edge = Edge(from: member.from, to: member.to, key: member.key)
        member.look.apply(to: &edge)
        if let label = member.label, !label.isEmpty { edge[.label] = .text(label) }
        edge[.tooltip] = RelationText.tooltip(relation, in: model)
        edge[.url] = links.relationAnchor(relation)
        edge[.class] = RelationClasses.of([relation], base: "relation")
        graph.append(edge)
        member.look.legendEntries.forEach { note($0) }
    }

    /// How many lines the diagram will draw: those in the graph and one per group of parallels still waiting.
    var lineCount: Int { graph.allEdges.count + parallelEdges.count }

    /// Draws the edges waiting to be merged, one per group of parallels, in the order first asked for.
    private mutating func appendParallelEdges() {
        guard let mergedLabel else { return }
        for group in parallelEdges {
            guard group.members.count > 1 else {
                append(group.first)
                continue
            }
            graph.append(group.edge(label: mergedLabel(group.relations), model: model, links: links))
            group.first.look.legendEntries.forEach { note($0) }
        }
    }

    /// Takes out the actor nodes no edge reaches.
    private mutating func removeUnlinkedActors() {
        let linked = Set(graph.allEdges.flatMap { [$0.from, $0.to] })
        let unlinked = Set(actorIDs).subtracting(linked)
        guard !unlinked.isEmpty, !linked.isEmpty else { return }
        actorIDs.removeAll(where: unlinked.contains)
        graph.statements.removeAll { statement in
            if case .node(let node) = statement { return unlinked.contains(node.name) }
            return false
        }
        let fills = Set(graph.allNodes.compactMap { $0[.fillcolor] })
        nodeLegend.removeAll { entry in
            if case .node(let symbol) = entry.kind { return !fills.contains(symbol.fill) }
            return false
        }
    }

    /// Draws a relation between the actors already in the diagram: one edge for two participants, a small hub
    /// node joined to each participant for more (so a multilateral relation is not mistaken for pairs).
    /// `parties` are the nodes that stand for the participants where a view draws some as others (a map draws
    /// an agency as its state); by default the participants themselves.
    mutating func addRelation(_ relation: Relation, look: EdgeLook, label: String?, parties: [String]? = nil) {
        let present = (parties ?? relation.participants).filter(contains(actor:))
        guard present.count >= 2 else { return }
        if present.count == 2 {
            addEdge(relation, from: present[0], to: present[1], look: look, label: label)
            return
        }
        let hub = "relation-\(relation.id)"
        var node = Node(hub)
        node[.shape] = .point
        node[.width] = 0.12
        node[.color] = look.color
        node[.xlabel] = label.map { .text($0) }
        node[.fontsize] = 12
        node[.tooltip] = RelationText.tooltip(relation, in: model)
        node[.url] = links.relationAnchor(relation)
        node[.class] = RelationClasses.of([relation], base: "relation-hub")
        addMarker(node)
        for (index, actor) in present.enumerated() {
            var part = look
            if index == 0 {
                part.isDirected = false
                addEdge(relation, from: actor, to: hub, look: part, label: nil, part: "1")
            } else {
                addEdge(relation, from: hub, to: actor, look: part, label: nil, part: String(index + 1))
            }
        }
    }

    /// Adds a legend entry the diagram's edges and nodes do not add themselves.
    mutating func addLegendEntry(_ entry: LegendEntry) { note(entry) }

    private mutating func note(_ entry: LegendEntry) {
        switch entry.kind {
        case .node: if !nodeLegend.contains(entry) { nodeLegend.append(entry) }
        case .edge: if !edgeLegend.contains(where: { $0.label == entry.label }) { edgeLegend.append(entry) }
        }
    }

    /// Notes a map's area fill (a bloc, a host state) for the legend, drawn as a swatch of its colour.
    mutating func noteArea(_ entry: LegendEntry) {
        if !areaLegend.contains(entry) { areaLegend.append(entry) }
    }

    /// The legend: node kinds, then a map's areas, then edge colours, then line styles, each as first used.
    var legend: [LegendEntry] {
        let colours = edgeLegend.filter { if case .edge(let line) = $0.kind { return line.style.items == [.solid] && !line.isDoubleLine } else { return false } }
        let styles = edgeLegend.filter { !colours.contains($0) }
        return nodeLegend + areaLegend + colours + styles
    }

    /// Assembles the diagram: caption with sources, title, caption and legend drawn inside the picture.
    func diagram(id: String, title: String, description: String, engine: LayoutEngine, fallbackEngine: LayoutEngine?,
                 truncatedCount: Int = 0) -> Diagram {
        var builder = self
        builder.appendParallelEdges()
        if dropsUnlinkedActors { builder.removeUnlinkedActors() }
        return builder.assembled(id: id, title: title, description: description, engine: engine,
                                 fallbackEngine: fallbackEngine, truncatedCount: truncatedCount)
    }

    private func assembled(id: String, title: String, description: String, engine: LayoutEngine, fallbackEngine: LayoutEngine?,
                           truncatedCount: Int) -> Diagram {
        let sources = RelationText.citedSources(relationIDs, in: model)
        let sentences = [description] + notes
        let caption = sentences.joined(separator: " ") + " Sources: "
            + (sources.isEmpty ? "none cited." : RelationText.sourceNames(sources, in: model) + ".")
            + (credit.map { " " + $0.capitalizedFirst + "." } ?? "")
        var pictureSources = sources.count <= 4 ? RelationText.sourceNames(sources, in: model)
            : RelationText.sourceNames(Array(sources.prefix(3)), in: model) + " and \(sources.count - 3) more (listed with the diagram)"
        if sources.isEmpty { pictureSources = "none cited" }
        if let credit { pictureSources += "; " + credit }
        var graph = graph
        let block = GraphLabel.table(title: title, text: sentences.joined(separator: " "),
                                     sources: pictureSources, legend: legendInLabel ? legend : [], scale: labelScale)
        graph[.label] = .html(block.label)
        // The label and its legend go at the bottom left, where `LegendDrawing` draws the symbols; a map's title goes
        // above it, its key below.
        graph[.labelloc] = legendInLabel ? .bottom : .top
        graph[.labeljust] = .left
        if !block.symbols.isEmpty || !backdrop.isEmpty {
            var background = XDotDrawing()
            background.append(backdrop)
            background.append(block.symbols)
            graph[.background] = background.text
        }
        var diagram = Diagram(id: id, title: title, caption: caption, graph: graph, engine: engine, fallbackEngine: fallbackEngine,
                              relationIDs: relationIDs, actorIDs: actorIDs, legend: legend, truncatedCount: truncatedCount)
        diagram.startsFromGivenPositions = startsFromGivenPositions
        return diagram
    }
}

/// The font every diagram uses; DejaVu Sans covers Latin, Cyrillic and Arabic on Debian.
enum Fonts {
    static let face = "DejaVu Sans"
}
