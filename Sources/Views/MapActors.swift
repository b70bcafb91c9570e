import DOT
import DiagramStyle
import Geography
import RelationModel

/// Puts a map's actors on the page: a small marker (the actor's node, which edges join) at its projected place,
/// or at the frame's edge in its direction when it lies off the map, and its name beside it as a separate node that
/// `MapLabelPlacer` keeps clear of the others, with a leader line when it had to move away. Actors without a place
/// go to a column beside the map, drawn as usual.
struct MapActors {
    /// An actor to draw.
    struct Place {
        var id: String
        /// Where it is; nil for an actor with no place of its own nor a country with one.
        var coordinate: GeoPoint?
        /// The label's lines; the first is the name.
        var lines: [String]
        /// Drawn grey and smaller: states shown for orientation only.
        var isContext = false
    }

    /// The markers' centres on the page, by actor id.
    private(set) var positions: [String: PlanePoint] = [:]
    /// Actors off the frame, drawn at its edge.
    private(set) var offMap: [String] = []
    /// Actors with no place, drawn in the column beside the map.
    private(set) var unlocated: [String] = []
    /// What the labels and markers cover, for the country names to avoid.
    private(set) var placer: MapLabelPlacer
    /// The right edge of what was drawn (the map, or the column beside it).
    private(set) var rightEdge: Double

    init(panel: MapPanel) {
        placer = MapLabelPlacer(bounds: panel.pageRect.insetBy(2))
        rightEdge = panel.pageRect.maxX
        // Labels keep off small pieces of land (enclaves, small islands), which a label would hide.
        for country in panel.layer.countries {
            for ring in country.rings where abs(PlaneGeometry.doubleSignedArea(ring)) / 2 < Self.smallPart {
                if let box = PlaneRect(enclosing: ring.map(panel.shifted)) { placer.reserve(box.insetBy(-1)) }
            }
        }
    }

    /// Land smaller than this, in square points, is kept clear of labels.
    static let smallPart = 1600.0

    /// The actor a map draws for `actorID`: itself when it has a place of its own or none through a country, else
    /// its country, so that agencies, people and groups do not pile up at their capital.
    static func drawnAs(_ actorID: String, in model: RelationModel) -> String {
        guard let actor = model.actor(actorID), actor.coordinate == nil, let country = actor.country,
              let state = model.actor(country), state.coordinate.flatMap(geoPoint) != nil else { return actorID }
        return country
    }

    /// The actors a map draws for `actorIDs`, each once, in order.
    static func drawnAs(_ actorIDs: [String], in model: RelationModel) -> [String] {
        var seen: Set<String> = []
        return actorIDs.map { drawnAs($0, in: model) }.filter { seen.insert($0).inserted }
    }

    /// Where an actor is: its own coordinates, else its country's (an agency, a person) a little south of the
    /// capital so the two do not share a point.
    static func coordinate(of actorID: String, in model: RelationModel) -> GeoPoint? {
        guard let actor = model.actor(actorID) else { return nil }
        if let coordinate = actor.coordinate { return geoPoint(coordinate) }
        guard let country = actor.country, let coordinate = model.actor(country)?.coordinate else { return nil }
        return geoPoint(Coordinate(latitude: max(-90, coordinate.latitude - 0.4), longitude: coordinate.longitude))
    }

    /// A model coordinate as a point on the globe; nil when it is not on the globe.
    static func geoPoint(_ coordinate: Coordinate) -> GeoPoint? {
        let point = GeoPoint(longitude: coordinate.longitude, latitude: coordinate.latitude)
        return point.isOnTheGlobe ? point : nil
    }

    /// Draws `places` on `panel`, in order of importance (labels placed first get the best spots), keeping their
    /// labels off the straight lines that will join the pairs of `lines`.
    mutating func draw(_ places: [Place], on panel: MapPanel, lines: [(String, String)] = [], in builder: inout DiagramBuilder) {
        var edgeSlots: [PlanePoint] = []
        var located: [(Place, PlanePoint, Bool)] = []
        for place in places {
            guard let coordinate = place.coordinate else {
                unlocated.append(place.id)
                continue
            }
            if panel.shows(coordinate), let point = panel.pagePoint(coordinate) {
                located.append((place, point, false))
            } else {
                var point = panel.edgePoint(toward: coordinate)
                // Actors in about the same direction slide along the edge instead of piling up.
                var tries = 0
                while tries < 12, edgeSlots.contains(where: { abs($0.x - point.x) < 14 && abs($0.y - point.y) < 14 }) {
                    point = slide(point, along: panel.pageRect.insetBy(MapFrame.edgeInset), by: 15)
                    tries += 1
                }
                edgeSlots.append(point)
                offMap.append(place.id)
                var place = place
                place.lines[0] += " (\(panel.frame.distanceAndDirection(to: coordinate)))"
                located.append((place, point, true))
            }
        }
        for (place, point, _) in located { placer.reserve(marker: point, radius: markerRadius(place) + 1) }
        let points = Dictionary(located.map { ($0.0.id, $0.1) }, uniquingKeysWith: { first, _ in first })
        for (from, to) in lines {
            guard let start = points[from], let end = points[to] else { continue }
            placer.reserve(line: start, to: end)
        }
        for (place, point, _) in located {
            positions[place.id] = point
            let radius = markerRadius(place)
            builder.addActor(place.id, position: Position(x: round(point.x), y: round(point.y))) { node in
                node[.label] = .text("")
                node[.xlabel] = nil
                node[.fixedsize] = true
                node[.width] = radius * 2 / 72
                node[.height] = radius * 2 / 72
                node[.color] = place.isContext ? Palette.grey : Palette.ink
                node[.penwidth] = 0.8
            }
            let fontSize = 12.0
            let size = MapLabelPlacer.size(of: place.lines, fontSize: fontSize)
            let spot = placer.place(width: size.width, height: size.height, near: point, clearance: radius)
            var label = Self.labelBox("\(place.id)-label", text: place.lines.joined(separator: "\n"), at: spot.centre,
                                      fontSize: fontSize, color: place.isContext ? Palette.grey : Palette.ink)
            label[.url] = builder.links.actorPage(place.id)
            label[.tooltip] = builder.model.actor(place.id).map { RelationText.tooltip($0, in: builder.model) } ?? place.id
            label[.class] = "actor-label"
            builder.addMarker(label)
            if spot.needsLeader {
                var leader = Edge(from: place.id, to: label.name)
                leader[.dir] = EdgeDirection.none
                leader[.color] = Palette.grey
                leader[.penwidth] = 0.5
                leader[.class] = "leader"
                builder.graph.append(leader)
            }
        }
    }

    /// Sets `text` beside the line from `from` to `to` where it covers no other label, marker or line, as a
    /// node of its own linking to the first of `relations`; a label that had to move away gets a leader line.
    mutating func labelLine(from: String, to: String, text: String, relations: [Relation], name: String,
                            in builder: inout DiagramBuilder) {
        guard let start = positions[from], let end = positions[to], !text.isEmpty else { return }
        let lines = text.split(separator: "\n").map(String.init)
        let size = MapLabelPlacer.size(of: lines, fontSize: 12)
        let anchors = [0.5, 0.35, 0.65, 0.25, 0.75].map { t in
            PlanePoint(x: start.x + (end.x - start.x) * t, y: start.y + (end.y - start.y) * t)
        }
        let spot = placer.placeAtFirstFree(width: size.width, height: size.height, near: anchors, clearance: 2)
        var node = Self.labelBox(name, text: text, at: spot.centre)
        node[.url] = builder.links.relationAnchor(relations[0])
        let names = [from, to].map { builder.model.actor($0)?.name ?? $0 }
        node[.tooltip] = relations.count == 1 ? RelationText.tooltip(relations[0], in: builder.model)
            : RelationText.tooltip(relations, between: names[0], and: names[1], in: builder.model)
        node[.class] = RelationClasses.of(relations, base: "line-label")
        builder.addMarker(node)
        guard spot.needsLeader else { return }
        Self.addLeader(from: spot.anchor, to: name, color: Palette.grey, in: &builder)
    }

    /// A label of the map as a node at `centre`: text on a light, rounded, borderless box.
    static func labelBox(_ name: String, text: String, at centre: PlanePoint, fontSize: Double = 12, color: Color = Palette.ink) -> Node {
        var node = Node(name)
        node[.shape] = .box
        node[.style] = [.filled, .rounded]
        node[.fillcolor] = Color(hex: "#FFFFFFC8")!
        node[.color] = Color(hex: "#FFFFFF00")!
        node[.penwidth] = 0
        node[.margin] = 0.03
        node[.width] = 0.1
        node[.height] = 0.1
        node[.fontsize] = fontSize
        node[.fontcolor] = color
        node[.label] = .text(text)
        node[.pos] = Position(x: (centre.x * 10).rounded() / 10, y: (centre.y * 10).rounded() / 10)
        return node
    }

    /// A thin line from a point of the map to the label `name` that had to move away from it.
    static func addLeader(from point: PlanePoint, to name: String, color: Color, width: Double = 0.5, in builder: inout DiagramBuilder) {
        var anchor = Node("\(name)-anchor")
        anchor[.shape] = .point
        anchor[.width] = 0.03
        anchor[.color] = color
        anchor[.pos] = Position(x: (point.x * 10).rounded() / 10, y: (point.y * 10).rounded() / 10)
        builder.addMarker(anchor)
        var leader = Edge(from: anchor.name, to: name)
        leader[.dir] = EdgeDirection.none
        leader[.color] = color
        leader[.penwidth] = width
        leader[.class] = "leader"
        builder.graph.append(leader)
    }

    /// Draws the actors without a place in a column right of the map, under a heading, as the usual boxes.
    mutating func drawUnlocated(_ places: [Place], beside panel: MapPanel, in builder: inout DiagramBuilder) {
        let unplaced = places.filter { unlocated.contains($0.id) }
        guard !unplaced.isEmpty else { return }
        let left = panel.pageRect.maxX + 24
        // Room for the widest line at 12 pt and a hexagon's or a box's slanted or folded sides.
        let width = min(270, max(150, TextMeasure.width(lines: unplaced.flatMap(\.lines), size: 12) + 44))
        let heading = "Without a place on the map:"
        var title = Node("unlocated-heading")
        title[.shape] = .plain
        title[.label] = .text(heading)
        title[.fontsize] = 11
        title[.fontcolor] = Palette.grey
        title[.pos] = Position(x: round(left + TextMeasure.width(heading, size: 11) / 2), y: round(panel.pageRect.maxY - 8))
        builder.addMarker(title)
        // Boxes stack down the column, each as tall as its lines (Graphviz draws hexagons and octagons about a
        // third taller than their text), and start a new column at the map's foot.
        var column = 0
        var top = panel.pageRect.maxY - 22
        for place in unplaced {
            let height = Double(place.lines.count) * 12 * 1.2 + 16
            let room = height * 1.35
            if top - room < panel.pageRect.minY, top < panel.pageRect.maxY - 22 {
                column += 1
                top = panel.pageRect.maxY - 22
            }
            let centre = PlanePoint(x: left + width / 2 + Double(column) * (width + 16), y: top - room / 2)
            top -= room + 6
            positions[place.id] = centre
            rightEdge = max(rightEdge, centre.x + width / 2)
            builder.addActor(place.id, position: Position(x: round(centre.x), y: round(centre.y))) { node in
                node[.label] = .text(place.lines.joined(separator: "\n"))
                node[.fontsize] = 12
                node[.width] = width / 72
                node[.height] = height / 72
                node[.fixedsize] = false
            }
        }
    }

    /// Adds two invisible nodes at the corners of what was drawn, so Graphviz's drawing area holds all of the map.
    func pinCorners(of rect: PlaneRect, in builder: inout DiagramBuilder) {
        for (name, point) in [("map-corner-sw", PlanePoint(x: rect.minX, y: rect.minY)),
                              ("map-corner-ne", PlanePoint(x: max(rect.maxX, rightEdge), y: rect.maxY))] {
            var node = Node(name)
            node[.shape] = .point
            node[.style] = [.invis]
            node[.width] = 0.01
            node[.pos] = Position(x: point.x, y: point.y)
            builder.addMarker(node)
        }
    }

    private func markerRadius(_ place: Place) -> Double {
        place.isContext ? 3.5 : 5
    }

    private func round(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    /// Moves a point on the edge of `rect` clockwise by `distance`.
    private func slide(_ point: PlanePoint, along rect: PlaneRect, by distance: Double) -> PlanePoint {
        var point = point
        if abs(point.y - rect.maxY) < 0.5, point.x + distance <= rect.maxX { point.x += distance }
        else if abs(point.x - rect.maxX) < 0.5, point.y - distance >= rect.minY { point.y -= distance }
        else if abs(point.y - rect.minY) < 0.5, point.x - distance >= rect.minX { point.x -= distance }
        else if abs(point.x - rect.minX) < 0.5, point.y + distance <= rect.maxY { point.y += distance }
        else { point.y -= distance }
        return point
    }
}

