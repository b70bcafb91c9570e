import DOT
import DiagramStyle
import Geography
import Synchronization

/// One map on a diagram's page: a frame placed at `origin`, its basemap, and what a view paints on it (countries
/// filled by bloc, contested borders and territory); `draw` writes it as xdot for the graph's `_background`.
struct MapPanel {
    /// How a country's area is painted.
    struct AreaStyle: Hashable {
        enum Pattern: Hashable { case solid, hatched, crossHatched }
        var color: Color
        var pattern: Pattern = .solid
        /// A line around the country, in the area's colour: `dashed`, `dotted`, or `solid`; nil for none.
        var outline: String?
    }

    /// A stretch of lines drawn over the land (a contested border), with its SVG class.
    struct Overlay: Hashable {
        var lines: [[PlanePoint]]
        var color: Color
        var width: Double
        var style: String
        var classes: String
    }

    enum Colors {
        static let sea = Color(hex: "#DDEAF3")!
        static let land = Color(hex: "#F4F1EA")!
        /// Pale land colours, one per Natural Earth colour number, so neighbours differ.
        /// Warm and green neutrals only, so no country looks tinted like a host state or a bloc.
        static let lands = ["#F1ECDC", "#E6EDDA", "#F3E8DA", "#E4EAE6", "#EEEAD2", "#EAE6DF", "#E2ECE0"].map { Color(hex: $0)! }
        static let border = Color(hex: "#8F887C")!
        /// Country names: muted beside the data, yet 4.6:1 or more on every land and sea colour (WCAG AA).
        static let name = Color(hex: "#6B655A")!
        static let frame = Color(hex: "#7F7F7F")!
    }

    let frame: MapFrame
    /// Where the frame's lower-left corner lies on the page, in points.
    var origin = PlanePoint(x: 0, y: 0)
    /// Country fills by index in `Basemap.countries`; the rest is plain land.
    var areas: [Int: AreaStyle] = [:]
    var overlays: [Overlay] = []
    /// Whether countries are told apart by pale colours (off for a choropleth, whose fills must stand out).
    var tintsCountries = true

    init(frame: MapFrame, origin: PlanePoint = PlanePoint(x: 0, y: 0)) {
        self.frame = frame
        self.origin = origin
    }

    var layer: BasemapLayer { BasemapLayer.layer(for: frame) }

    /// The frame on the page.
    var pageRect: PlaneRect {
        PlaneRect(minX: origin.x, minY: origin.y, maxX: origin.x + frame.width, maxY: origin.y + frame.height)
    }

    /// A place's point on the page (possibly outside the panel), nil for the antipode.
    func pagePoint(_ point: GeoPoint) -> PlanePoint? {
        frame.pagePoint(point).map(shifted)
    }

    func shifted(_ point: PlanePoint) -> PlanePoint {
        PlanePoint(x: point.x + origin.x, y: point.y + origin.y)
    }

    /// Whether the place lies inside the frame.
    func shows(_ point: GeoPoint) -> Bool { frame.shows(point) }

    /// Where a place off the frame is drawn: just inside the edge, in its direction.
    func edgePoint(toward point: GeoPoint) -> PlanePoint { shifted(frame.edgePoint(toward: point)) }

    /// The basemap's index for a state: by ISO code, else by English name.
    static func countryIndex(iso3: String?, name: String) -> Int? {
        if let iso3, let index = Basemap.naturalEarth.countryIndex(iso3: iso3) { return index }
        return Basemap.naturalEarth.countryIndex(named: name)
    }

    /// Writes the panel: sea, land (each country in its group, filled as `areas` says and outlined), overlays and
    /// the frame; then adds the names of countries where they fit (not over anything `placer` holds, nor for the
    /// countries in `unnamed`) as nodes, since Graphviz 2.43 crashes on text in `_background` under some engines.
    func draw(into drawing: inout MapDrawing, placer: MapLabelPlacer, unnamed: Set<Int> = [], nameSize: Double = 11,
              names builder: inout DiagramBuilder, prefix: String = "") {
        drawing.append(basemap)
        addNames(to: &builder, placer: placer, unnamed: unnamed, size: nameSize, prefix: prefix)
    }

    /// What a panel draws under the graph, by everything it depends on: a view's yearly maps share their frame and
    /// mostly their fills, so each basemap is written once per process.
    private struct Drawn: Hashable {
        var frame: MapFrame
        var origin: PlanePoint
        var areas: [Int: AreaStyle]
        var overlays: [Overlay]
        var tintsCountries: Bool
    }

    private static let drawn = Mutex<[Drawn: MapDrawing]>([:])

    /// The panel's sea, land, overlays and frame.
    var basemap: MapDrawing {
        let key = Drawn(frame: frame, origin: origin, areas: areas, overlays: overlays, tintsCountries: tintsCountries)
        if let drawing = Self.drawn.withLock({ $0[key] }) { return drawing }
        let drawing = drawnBasemap()
        Self.drawn.withLock { cache in
            if cache.count >= 64 { cache.removeAll() }
            cache[key] = drawing
        }
        return drawing
    }

    private func drawnBasemap() -> MapDrawing {
        var drawing = MapDrawing()
        let layer = self.layer
        drawing.openGroup("basemap")
        drawing.beginRun("sea")
        drawing.penColor("transparent")
        drawing.fillColor(Colors.sea)
        drawing.polygon(corners(of: frame.page).map(shifted))
        // Each country is outlined as it is filled: a border between two is drawn by both, a coast once, and no
        // line is stored twice in the drawing.
        for country in layer.countries {
            drawing.beginRun("country country-\(country.iso3)")
            let style = areas[country.index]
            drawing.penColor(Colors.border)
            drawing.lineWidth(0.6)
            let land = tintsCountries ? Colors.lands[(country.mapColor - 1 + 7) % 7] : Colors.land
            drawing.fillColor(style.map { $0.pattern == .solid ? $0.color : land } ?? land)
            for ring in country.rings { drawing.polygon(ring.map(shifted)) }
            guard let style else { continue }
            if style.pattern != .solid {
                drawing.penColor(style.color)
                drawing.lineWidth(style.pattern == .crossHatched ? 0.7 : 1.1)
                for ring in country.rings {
                    for line in Self.hatching(ring, spacing: style.pattern == .crossHatched ? 6 : 4.5, crossed: style.pattern == .crossHatched) {
                        drawing.polyline(line.map(shifted))
                    }
                }
            }
            if let outline = style.outline {
                drawing.penColor(style.color)
                drawing.lineWidth(1.4)
                drawing.style(outline)
                for ring in country.rings {
                    for line in Self.inland(ring, of: frame.page) { drawing.polyline(line.map(shifted)) }
                }
                drawing.style("solid")
            }
        }
        for overlay in overlays {
            drawing.beginRun(overlay.classes)
            drawing.penColor(overlay.color)
            drawing.lineWidth(overlay.width)
            drawing.style(overlay.style)
            for line in overlay.lines { drawing.polyline(line.map(shifted)) }
            drawing.style("solid")
        }
        drawing.beginRun("map-frame")
        drawing.penColor(Colors.frame)
        drawing.lineWidth(0.8)
        drawing.polygon(corners(of: frame.page).map(shifted), filled: false)
        drawing.closeGroup()
        return drawing
    }

    /// Country names in light grey capitals, at Natural Earth's label point or a little above or below it, only
    /// where the name fits the country and covers no actor, label or other name.
    private func addNames(to builder: inout DiagramBuilder, placer: MapLabelPlacer, unnamed: Set<Int>, size: Double,
                          prefix: String) {
        var placer = placer
        for country in layer.countries.sorted(by: { ($0.area, $1.index) > ($1.area, $0.index) }) where !unnamed.contains(country.index) {
            guard let point = country.labelPoint else { continue }
            let text = country.name.uppercased()
            let width = TextMeasure.width(text, size: size) + 2, height = size * 1.25
            guard country.area > width * height * 3 else { continue }
            for offset in [0.0, height * 1.2, -height * 1.2] {
                let centre = shifted(PlanePoint(x: point.x, y: point.y + offset))
                let rect = MapLabelPlacer.rect(centre: centre, width: width, height: height)
                guard placer.isFree(rect.insetBy(-2)) else { continue }
                placer.reserve(rect)
                var node = Node("\(prefix)country-name-\(country.iso3)")
                node[.shape] = .plain
                node[.label] = .text(text)
                node[.fontsize] = size
                node[.fontcolor] = Colors.name
                node[.pos] = Position(x: (centre.x * 10).rounded() / 10, y: (centre.y * 10).rounded() / 10)
                node[.class] = "country-name country-\(country.iso3)"
                builder.addMarker(node)
                break
            }
        }
    }

    /// A clipped ring's outline without the stretches that run along the frame, where clipping made them.
    static func inland(_ ring: [PlanePoint], of rect: PlaneRect) -> [[PlanePoint]] {
        func onEdge(_ a: PlanePoint, _ b: PlanePoint) -> Bool {
            (a.x == rect.minX && b.x == rect.minX) || (a.x == rect.maxX && b.x == rect.maxX)
                || (a.y == rect.minY && b.y == rect.minY) || (a.y == rect.maxY && b.y == rect.maxY)
        }
        var lines: [[PlanePoint]] = []
        var current: [PlanePoint] = []
        for index in ring.indices {
            let a = ring[index], b = ring[(index + 1) % ring.count]
            if onEdge(a, b) {
                if current.count >= 2 { lines.append(current) }
                current = []
            } else {
                if current.isEmpty { current = [a] }
                current.append(b)
            }
        }
        if current.count >= 2 { lines.append(current) }
        return lines
    }

    func corners(of rect: PlaneRect) -> [PlanePoint] {
        [PlanePoint(x: rect.minX, y: rect.minY), PlanePoint(x: rect.maxX, y: rect.minY),
         PlanePoint(x: rect.maxX, y: rect.maxY), PlanePoint(x: rect.minX, y: rect.maxY)]
    }

    /// Diagonal lines `spacing` points apart across a ring (and the other diagonal too when `crossed`).
    static func hatching(_ ring: [PlanePoint], spacing: Double, crossed: Bool) -> [[PlanePoint]] {
        var lines: [[PlanePoint]] = []
        for sign in crossed ? [1.0, -1.0] : [1.0] {
            // Rotate by 45° so the hatching runs along the x axis, cut spans, rotate back.
            let factor = 0.5.squareRoot()
            let rotated = ring.map { PlanePoint(x: ($0.x + sign * $0.y) * factor, y: ($0.y - sign * $0.x) * factor) }
            guard let bounds = PlaneRect(enclosing: rotated) else { continue }
            var v = (bounds.minY / spacing).rounded(.up) * spacing
            while v <= bounds.maxY {
                for span in PlaneGeometry.spans(of: rotated, atY: v) where span.upperBound - span.lowerBound > 0.5 {
                    lines.append([span.lowerBound, span.upperBound].map { u in
                        PlanePoint(x: (u - sign * v) * factor, y: (v + sign * u) * factor)
                    })
                }
                v += spacing
            }
        }
        return lines
    }
}
