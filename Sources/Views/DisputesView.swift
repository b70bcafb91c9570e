import DOT
import DiagramStyle
import Geography
import RelationModel

/// Disputes and incidents on the map: the border between two neighbours in dispute drawn over the land with what
/// they dispute, contested places (enclaves, districts, villages) at their place with their territory outlined and
/// lines from each claimant, incidents at their place with year and casualties, and disputes between actors that
/// share no border as lines between them. Without any located actor, the view is drawn as a network.
public enum DisputesView: View {
    public static let id = "disputes"
    public static let title = "Disputes and incidents"

    public static func diagram(of model: RelationModel, options: ViewOptions, links: LinkStyle) -> Diagram? {
        let relations = options.relations(of: model, types: [.dispute, .incident])
        guard !relations.isEmpty else { return nil }
        let everyYear = ViewOptions().relations(of: model, types: [.dispute, .incident])
        guard let frame = GeographicDrawing.frame(focus: focus(of: everyYear, in: model)) else {
            return network(relations, model: model, options: options, links: links)
        }
        let id = options.diagramID(Self.id)
        var builder = DiagramBuilder(model: model, links: links, id: id)
        // Several relations between the same two ends are one line; its words are set beside it by the placer.
        builder.mergedLabel = { _ in nil }
        var panel = MapPanel(frame: frame)
        let layer = panel.layer
        let shownCountries = Set(layer.countries.map(\.index))

        // Disputes between two neighbouring states without a place of their own go to their common border.
        var borderDisputes: [[Int]: [Relation]] = [:]
        var borderOrder: [[Int]] = []
        var others: [Relation] = []
        for relation in relations {
            if isAboutTheBorder(relation), let pair = neighbours(relation, in: model),
               shownCountries.contains(pair[0]) || shownCountries.contains(pair[1]) {
                if borderDisputes[pair] == nil { borderOrder.append(pair) }
                borderDisputes[pair, default: []].append(relation)
            } else {
                others.append(relation)
            }
        }

        // Places first (their labels list what happened there), then the parties, each drawn as the actor the
        // map shows for it (an agency as its state).
        var placeLines: [String: [String]] = [:]
        var placeOrder: [String] = []
        var parties: [String] = []
        for relation in others {
            let drawnParties = MapActors.drawnAs(relation.participants, in: model)
            if let place = mapPlace(of: relation, in: model) {
                if placeLines[place] == nil { placeOrder.append(place) }
                placeLines[place, default: []].append(placeLine(relation, in: model))
            } else if drawnParties.count == 1, let party = drawnParties.first {
                placeLines[party, default: []].append(placeLine(relation, in: model))
            }
            for actor in drawnParties where !parties.contains(actor) { parties.append(actor) }
        }
        for pair in borderOrder {
            for relation in borderDisputes[pair]! {
                for actor in relation.participants where !parties.contains(actor) { parties.append(actor) }
            }
        }
        // An actor with no place has no line across the map: its box says what it took part in.
        let unlocated = Set((placeOrder + parties).filter { MapActors.coordinate(of: $0, in: model) == nil })
        for relation in others {
            let drawnParties = MapActors.drawnAs(relation.participants, in: model)
            guard drawnParties.count > 1 || mapPlace(of: relation, in: model) != nil else { continue }
            for party in drawnParties where unlocated.contains(party) {
                placeLines[party, default: []] += GraphLabel.wrapped(besideLine(relation, for: party, in: model), width: 34)
                    .split(separator: "\n").map(String.init)
            }
        }
        let placeIDs = placeOrder.filter { !parties.contains($0) }
        let places = (placeIDs + parties).map { actorID in
            MapActors.Place(id: actorID, coordinate: MapActors.coordinate(of: actorID, in: model),
                            lines: [model.actor(actorID)?.name ?? actorID] + (placeLines[actorID] ?? []))
        }

        // Contested territory: the basemap part a disputed place lies in, when it is small (an enclave).
        // A place is contested when a dispute is about it or the model names several claimants of it.
        let contested = others.compactMap { relation -> String? in
            guard let place = relation.details.place else { return nil }
            return relation.type == .dispute || (model.actor(place)?.claimedBy.count ?? 0) > 1 ? place : nil
        }
        for place in unique(contested) {
            guard let coordinate = MapActors.coordinate(of: place, in: model),
                  let point = frame.pagePoint(coordinate), let ring = smallestPart(containing: point, in: layer) else { continue }
            let kilometres = abs(PlaneGeometry.doubleSignedArea(ring)) / 2 * frame.kilometresPerPoint * frame.kilometresPerPoint
            guard kilometres < 5_000 else { continue }
            panel.overlays.append(MapPanel.Overlay(lines: [ring + [ring[0]]] + MapPanel.hatching(ring, spacing: 3, crossed: false),
                                                   color: Palette.vermillion, width: 1.2, style: "solid",
                                                   classes: "contested-territory"))
        }
        var borderLabels: [(pair: [Int], lines: [[PlanePoint]])] = []
        for pair in borderOrder {
            let arcs = Basemap.naturalEarth.sharedArcs(pair[0], pair[1])
            let lines = arcs.compactMap { layer.arcs[$0] }.flatMap { PlaneGeometry.clippedLine($0, to: frame.page) }
            guard !lines.isEmpty else { continue }
            panel.overlays.append(MapPanel.Overlay(lines: lines, color: Palette.vermillion, width: 3, style: "dashed",
                                                   classes: "disputed-border"))
            borderLabels.append((pair, lines))
        }

        var actors = MapActors(panel: panel)
        actors.draw(places, on: panel, lines: others.flatMap { lineEnds($0, unlocated: unlocated, in: model) }, in: &builder)
        actors.drawUnlocated(places, beside: panel, in: &builder)
        // The words of a line between two parties, beside it; several relations of one pair share them.
        var pairs: [[String]: [Relation]] = [:]
        var pairOrder: [[String]] = []
        for relation in others where mapPlace(of: relation, in: model) == nil {
            let ends = lineEnds(relation, unlocated: unlocated, in: model)
            guard ends.count == 1 else { continue }
            let key = [ends[0].0, ends[0].1].sorted()
            if pairs[key] == nil { pairOrder.append(key) }
            pairs[key, default: []].append(relation)
        }
        for (index, key) in pairOrder.enumerated() {
            let group = pairs[key]!
            let text = group.count == 1 ? label(group[0], in: model)
                : GraphLabel.wrapped(Self.tallied(group.map(shortLabel)).joined(separator: ", "), width: 30)
            actors.labelLine(from: key[0], to: key[1], text: text, relations: group, name: "line-label-\(index + 1)", in: &builder)
        }
        var placer = actors.placer
        for (index, label) in borderLabels.enumerated() {
            let disputes = borderDisputes[label.pair]!
            disputes.forEach { builder.noteRelation($0) }
            let names = label.pair.map { Basemap.naturalEarth.countries[$0].name }.joined(separator: "–")
            var lines = [names + ":"]
            for dispute in disputes {
                let subject = (dispute.details.subject?.words ?? "dispute") + " in dispute"
                lines.append(([subject] + [dispute.period.years].compactMap { $0 }).joined(separator: ", "))
                lines += dispute.details.quantities.flatMap { GraphLabel.wrapped($0.text, width: 40).split(separator: "\n").map(String.init) }
            }
            let size = MapLabelPlacer.size(of: lines, fontSize: 12)
            let all = label.lines.flatMap { $0 }
            let anchors = [2, 3, 1, 4, 0].map { all[min(all.count - 1, all.count * $0 / 5)] }
            let spot = placer.placeAtFirstFree(width: size.width, height: size.height, near: anchors, clearance: 3)
            var node = MapActors.labelBox("border-\(index + 1)", text: lines.joined(separator: "\n"), at: spot.centre)
            node[.fillcolor] = Color(hex: "#FFFFFFD8")!
            node[.color] = Palette.vermillion
            node[.penwidth] = 0.8
            node[.url] = links.relationAnchor(disputes[0])
            node[.tooltip] = disputes.map { RelationText.tooltip($0, in: model) }.joined(separator: "\n\n")
            node[.class] = "disputed-border-label"
            builder.addMarker(node)
            if spot.needsLeader {
                MapActors.addLeader(from: spot.anchor, to: node.name, color: Palette.vermillion, width: 0.6, in: &builder)
            }
        }
        let named = Set(places.compactMap { place -> Int? in
            guard let actor = model.actor(place.id), actor.kind == .state, actors.positions[place.id].map(panel.pageRect.contains) == true,
                  !actors.offMap.contains(place.id) else { return nil }
            return MapPanel.countryIndex(iso3: actor.iso3, name: actor.name)
        })
        var basemap = MapDrawing()
        panel.draw(into: &basemap, placer: placer, unnamed: named, names: &builder)
        for relation in others { draw(relation, in: &builder, unlocated: unlocated, model: model) }
        if !borderLabels.isEmpty {
            builder.noteArea(LegendEntry(label: "Border in dispute (dashed)", kind: .edge(LineSymbol(style: [.dashed], color: Palette.vermillion, width: 3))))
        }
        if panel.overlays.contains(where: { $0.classes == "contested-territory" }) {
            builder.noteArea(LegendEntry(label: "Contested territory (hatched)", kind: .node(NodeSymbol(shape: .box, fill: Palette.vermillion.opacity(0.3)))))
        }
        GeographicDrawing.finish(&builder, drawing: basemap, actors: actors, page: panel.pageRect)
        builder.notes.append(GeographicDrawing.projectionNote(frame))
        let involved = unique(relations.flatMap(StandardDrawing.actors))
        builder.notes += GeographicDrawing.placementNotes(actors, indirect: GeographicDrawing.indirectlyLocated(involved, in: model), in: model)
        var diagram = builder.diagram(
            id: id, title: options.title(title),
            description: "Borders in dispute between neighbours are dashed, with what is disputed; contested places are drawn where they are, their territory hatched when it is an enclave, with a line from each claimant; incidents are at their place with year and casualties, their lines heavier and darker the deadlier; other disputes point from challenger to target.\(options.yearSentence)",
            engine: .nop2, fallbackEngine: nil)
        MapKey.add(to: &diagram, hatched: ["Contested territory (hatched)": .hatched])
        return diagram
    }

    /// A dispute or incident on the map: from each located party to its place when it has one on the map, else
    /// between the parties (from challenger to target); its words are beside the line or at the place. A relation
    /// with no line (one party, or a party with no place) is listed under the party's name.
    static func draw(_ relation: Relation, in builder: inout DiagramBuilder, unlocated: Set<String>, model: RelationModel) {
        let ends = lineEnds(relation, unlocated: unlocated, in: model).filter { builder.contains(actor: $0.0) && builder.contains(actor: $0.1) }
        let look = look(relation)
        let parties = MapActors.drawnAs(relation.participants, in: model)
        if mapPlace(of: relation, in: model) == nil, parties.count > 2, parties.allSatisfy({ !unlocated.contains($0) }) {
            // Three or more located parties and no place: a small hub joined to each, as on the other views.
            return builder.addRelation(relation, look: look, label: shortLabel(relation), parties: parties)
        }
        guard !ends.isEmpty else { return builder.noteRelation(relation) }
        if mapPlace(of: relation, in: model) != nil {
            for (index, end) in ends.enumerated() {
                var partLook = look
                partLook.isDirected = relation.type == .incident && index == 0 && ends.count > 1
                builder.addEdge(relation, from: end.0, to: end.1, look: partLook, label: nil,
                                part: ends.count > 1 ? String(index + 1) : nil, group: "place")
            }
        } else {
            builder.addEdge(relation, from: ends[0].0, to: ends[0].1, look: look, label: nil)
        }
    }

    /// Where the map draws a relation's place: the place, or its country when it has no point of its own; nil
    /// when the relation names no place that can be located.
    static func mapPlace(of relation: Relation, in model: RelationModel) -> String? {
        guard let place = relation.details.place, MapActors.coordinate(of: place, in: model) != nil else { return nil }
        return MapActors.drawnAs(place, in: model)
    }

    /// The straight lines a relation is drawn with, as pairs of the actors the map shows: each located party to
    /// the place, or between two located parties; none for a party beside the map.
    static func lineEnds(_ relation: Relation, unlocated: Set<String>, in model: RelationModel) -> [(String, String)] {
        let located = MapActors.drawnAs(relation.participants, in: model).filter { !unlocated.contains($0) }
        if let place = mapPlace(of: relation, in: model) {
            return located.filter { $0 != place }.map { ($0, place) }
        }
        let parties = MapActors.drawnAs(relation.participants, in: model)
        guard parties.count >= 2, located.count == parties.count else { return [] }
        return parties.count == 2 ? [(parties[0], parties[1])] : []
    }

    /// A line of an unlocated actor's box: what it took part in and with whom, "political, since 2006 – Kyrgyzstan".
    static func besideLine(_ relation: Relation, for party: String, in model: RelationModel) -> String {
        let others = MapActors.drawnAs(relation.participants, in: model).filter { $0 != party }.map { model.actor($0)?.name ?? $0 }
        let place = mapPlace(of: relation, in: model).map { " at " + (model.actor($0)?.name ?? $0) } ?? ""
        return shortLabel(relation) + (others.isEmpty ? "" : " – " + others.joined(separator: ", ")) + place
    }

    /// One line naming a relation: its subject or category and years.
    static func shortLabel(_ relation: Relation) -> String {
        [relation.details.subject?.words ?? relation.details.category?.words ?? relation.type.words, relation.period.years]
            .compactMap { $0 }.joined(separator: " ")
    }

    /// Each distinct label once, in first-seen order, "×N" after one that several relations share: "gas, coerce ×2".
    static func tallied(_ labels: [String]) -> [String] {
        var order: [String] = [], counts: [String: Int] = [:]
        for label in labels {
            if counts[label] == nil { order.append(label) }
            counts[label, default: 0] += 1
        }
        return order.map { counts[$0]! > 1 ? "\($0) ×\(counts[$0]!)" : $0 }
    }

    /// Whether a dispute is over the line between two states (a border, territory or enclaves with no place
    /// named), which the map draws along their common border.
    static func isAboutTheBorder(_ relation: Relation) -> Bool {
        guard relation.type == .dispute, relation.details.place == nil, let subject = relation.details.subject else { return false }
        return [.border, .territory, .enclave].contains(subject)
    }

    /// The two basemap countries of a dispute between two neighbouring states, in a fixed order.
    static func neighbours(_ relation: Relation, in model: RelationModel) -> [Int]? {
        guard relation.participants.count == 2 else { return nil }
        let countries = relation.participants.compactMap { id -> Int? in
            guard let actor = model.actor(id), actor.kind == .state else { return nil }
            return MapPanel.countryIndex(iso3: actor.iso3, name: actor.name)
        }
        guard countries.count == 2, countries[0] != countries[1],
              !Basemap.naturalEarth.sharedArcs(countries[0], countries[1]).isEmpty else { return nil }
        return countries.sorted()
    }

    /// What the map is fitted to: the places of disputes and incidents and the borders in dispute, or, when none
    /// of those is known, every party; nothing when no party or place has a location.
    static func focus(of relations: [Relation], in model: RelationModel) -> [GeoPoint] {
        // A map needs some actor with a place; borders found by the states' names only frame it.
        guard !GeographicDrawing.points(of: relations.flatMap(StandardDrawing.actors), in: model).isEmpty else { return [] }
        var points = GeographicDrawing.points(of: relations.compactMap(\.details.place), in: model)
        let basemap = Basemap.naturalEarth
        var pairs: Set<[Int]> = []
        for relation in relations where isAboutTheBorder(relation) {
            guard let pair = neighbours(relation, in: model), pairs.insert(pair).inserted else { continue }
            for arc in basemap.sharedArcs(pair[0], pair[1]) {
                let line = basemap.arcs[arc]
                points += stride(from: 0, to: line.count, by: max(1, line.count / 8)).map { line[$0] } + [line[line.count - 1]]
            }
        }
        return points.isEmpty ? GeographicDrawing.points(of: relations.flatMap(StandardDrawing.actors), in: model) : points
    }

    /// The smallest outline on the map that holds the point.
    static func smallestPart(containing point: PlanePoint, in layer: BasemapLayer) -> [PlanePoint]? {
        var best: (ring: [PlanePoint], area: Double)?
        for country in layer.countries {
            for ring in country.rings where PlaneGeometry.contains(ring, point) {
                let area = abs(PlaneGeometry.doubleSignedArea(ring))
                if best == nil || area < best!.area { best = (ring, area) }
            }
        }
        return best?.ring
    }

    /// A line of a place's label: "enclave: claimed by Kyrgyzstan and Uzbekistan" (its claimants, else the parties),
    /// "clash, 2013-07: 2 dead".
    static func placeLine(_ relation: Relation, in model: RelationModel) -> String {
        let parties = relation.participants.map { model.actor($0)?.name ?? $0 }
        if relation.type == .dispute {
            let subject = relation.details.subject?.words ?? "dispute"
            let claimants = relation.details.place.flatMap { model.actor($0)?.claimedBy }.flatMap { $0.count > 1 ? $0 : nil }
            return "\(subject): claimed by " + (claimants?.map { model.actor($0)?.name ?? $0 } ?? parties).joined(separator: " and ")
        }
        let head = [relation.details.category?.words ?? "incident", relation.start?.description].compactMap { $0 }.joined(separator: ", ")
        return [head, RelationText.casualties(relation)].compactMap { $0 }.joined(separator: ": ")
    }

    /// Disputes in the dispute colour; incidents in the incident colour, wider by severity (deaths, injuries,
    /// neither stated): colour keeps meaning the relation type, as on every map.
    static func look(_ relation: Relation) -> EdgeLook {
        var look = EdgeLook(relation: relation)
        guard relation.type == .incident else { return look }
        if let dead = relation.details.dead, dead > 0 {
            look.colorMeaning = "Incident with deaths (wider: more)"
            look.penwidth = 3 + min(Double(dead).squareRoot(), 5)
        } else if let injured = relation.details.injured, injured > 0 {
            look.colorMeaning = "Incident with injuries"
            look.penwidth = 2.5
        } else {
            look.colorMeaning = "Incident, no casualties stated"
            look.penwidth = 1.2
        }
        return look
    }

    static func label(_ relation: Relation, in model: RelationModel) -> String {
        var lines: [String] = []
        if relation.type == .dispute {
            var head = relation.details.subject.map { $0.words } ?? "dispute"
            if let place = relation.details.place { head += ": " + (model.actor(place)?.name ?? place) }
            lines.append(head)
            lines += relation.details.quantities.map(\.text)
            if let years = relation.period.years { lines.append(years) }
        } else {
            var head = [relation.details.category.map { $0.words } ?? "incident",
                        relation.start.map(\.description)].compactMap { $0 }.joined(separator: ", ")
            if let place = relation.details.place, relation.participants.count > 1 {
                head += " at " + (model.actor(place)?.name ?? place)
            }
            lines.append(head)
            if let casualties = RelationText.casualties(relation) { lines.append(casualties) }
        }
        return lines.joined(separator: "\n")
    }

    /// Disputes and incidents among actors none of whom has a place, ranked by dot as before maps.
    static func network(_ relations: [Relation], model: RelationModel, options: ViewOptions, links: LinkStyle) -> Diagram {
        let id = options.diagramID(Self.id)
        var builder = DiagramBuilder(model: model, links: links, id: id)
        builder.graph[.rankdir] = .leftToRight
        builder.graph[.nodesep] = 0.4
        builder.graph[.ranksep] = 1.6
        for relation in relations { StandardDrawing.actors(of: relation).forEach { builder.addActor($0) } }
        for relation in relations {
            StandardDrawing.draw(relation, in: &builder, look: look(relation), label: label(relation, in: model))
        }
        builder.notes.append(GeographicDrawing.noLocationNote)
        let choice = EngineChoice.layered(nodeCount: builder.actorIDs.count, edgeCount: relations.count)
        return builder.diagram(
            id: id, title: options.title(title),
            description: "Disputes point from challenger to target, labelled with subject and stated quantities; incidents point from initiator to target, labelled with year and casualties, heavier and darker the deadlier.\(options.yearSentence)\(EngineChoice.layeredNote(nodeCount: builder.actorIDs.count, edgeCount: relations.count))",
            engine: choice.engine, fallbackEngine: choice.fallback)
    }

    static func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}
