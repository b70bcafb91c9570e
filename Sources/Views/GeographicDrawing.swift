import DOT
import Foundation
import Geography
import RelationModel

/// What the map views (alliances, deployments, disputes) share: the frame fitted to a view over all its years,
/// the graph settings of a map, and the words every map carries about its projection and data.
enum GeographicDrawing {
    /// The credit on every map's source line.
    static let credit = "map data: Natural Earth (public domain)"

    /// The frame for a view's maps: fitted to the places of the view's relations in every year, so each yearly
    /// map of the view shows the same land. Nil when none of them has a place on the globe.
    static func frame(focus: [GeoPoint], width: Double = MapFrame.defaultWidth) -> MapFrame? {
        MapFrame.fitting(focus, width: width)
    }

    /// The located points of actors, in order, each once.
    static func points(of actorIDs: [String], in model: RelationModel) -> [GeoPoint] {
        var seen: Set<String> = []
        return actorIDs.filter { seen.insert($0).inserted }.compactMap { MapActors.coordinate(of: $0, in: model) }
    }

    /// Sets what makes the graph a map: the basemap under it, positions as given (Graphviz's `nop2`), straight
    /// edges, and the extent of the drawing pinned by two corner nodes.
    static func finish(_ builder: inout DiagramBuilder, drawing: MapDrawing, actors: MapActors, page: PlaneRect) {
        // Graphviz 2.43 crashes on text in `_background` under dot or neato; the graph names its engine so that
        // `dot -Tsvg map.dot` lays it out as relmap does.
        builder.graph[.layout] = LayoutEngine.nop2.rawValue
        builder.backdrop = XDotDrawing(operations: drawing.string)
        builder.legendInLabel = false
        builder.graph[.comment] = drawing.groupComment
        builder.graph[.splines] = .line
        builder.graph[.outputorder] = .edgesFirst
        builder.graph[.pad] = 0.2
        builder.credit = credit
        actors.pinCorners(of: page, in: &builder)
    }

    /// The caption's sentence on how the map is drawn.
    static func projectionNote(_ frame: MapFrame) -> String {
        let centre = frame.projection.centre
        let latitude = String(format: "%.1f°%@", abs(centre.latitude), centre.latitude >= 0 ? "N" : "S")
        let longitude = String(format: "%.1f°%@", abs(centre.longitude), centre.longitude >= 0 ? "E" : "W")
        return "Lambert azimuthal equal-area projection centred on \(latitude) \(longitude), north up; the map is about \(MapFrame.grouped(Int((frame.width * frame.kilometresPerPoint / 100).rounded() * 100))) km across."
    }

    /// The caption's sentences on actors drawn at the edge, by their country, or not on the map.
    static func placementNotes(_ actors: MapActors, indirect: [String], in model: RelationModel) -> [String] {
        var notes: [String] = []
        if !actors.offMap.isEmpty {
            notes.append("Drawn at the map's edge in their direction, with their distance from its centre, being off the map: \(names(actors.offMap, in: model)).")
        }
        if !indirect.isEmpty {
            notes.append("Drawn as their country, having no coordinates of their own: \(names(indirect, in: model)).")
        }
        if !actors.unlocated.isEmpty {
            notes.append("Beside the map, having no location of their own or through a country: \(names(actors.unlocated, in: model)).")
        }
        return notes
    }

    /// The caption's sentence of a geographic view drawn as a network for want of places.
    static let noLocationNote = "None of these actors has a location, so no map is drawn: they are shown as a network."

    static func names(_ ids: [String], in model: RelationModel) -> String {
        ids.map { model.actor($0)?.name ?? $0 }.joined(separator: ", ")
    }

    /// Actors drawn as their country rather than at a place of their own, each once.
    static func indirectlyLocated(_ ids: [String], in model: RelationModel) -> [String] {
        var seen: Set<String> = []
        return ids.filter { id in MapActors.drawnAs(id, in: model) != id && seen.insert(id).inserted }
    }
}
