/// A DOT attribute name tied to the type of its value, declared once below.
public struct AttributeKey<Value: AttributeValue>: Sendable, Hashable {
    public let name: String
    /// How Graphviz reads the value.
    public let role: ValueRole

    public init(_ name: String, role: ValueRole = .plain) {
        self.name = name
        self.role = role
    }
}

extension AttributeKey where Value == Label {
    public static var label: Self { .init("label", role: .text) }
    public static var xlabel: Self { .init("xlabel", role: .text) }
    public static var headlabel: Self { .init("headlabel", role: .text) }
    public static var taillabel: Self { .init("taillabel", role: .text) }
}

extension AttributeKey where Value == String {
    public static var tooltip: Self { .init("tooltip", role: .tooltip) }
    public static var edgetooltip: Self { .init("edgetooltip", role: .tooltip) }
    public static var labeltooltip: Self { .init("labeltooltip", role: .tooltip) }
    public static var url: Self { .init("URL", role: .text) }
    public static var href: Self { .init("href", role: .text) }
    public static var edgeURL: Self { .init("edgeURL", role: .text) }
    public static var target: Self { .init("target", role: .text) }
    public static var `class`: Self { .init("class") }
    public static var fontname: Self { .init("fontname") }
    public static var comment: Self { .init("comment") }
    public static var lhead: Self { .init("lhead") }
    public static var ltail: Self { .init("ltail") }
    public static var group: Self { .init("group") }
    /// Space kept around nodes when removing overlaps: `"+6"` adds points, `"0.2"` scales.
    public static var sep: Self { .init("sep") }
    /// Space kept around nodes when routing edges, written like `sep`.
    public static var esep: Self { .init("esep") }
    /// Drawing size in inches, `"w,h"`.
    public static var size: Self { .init("size") }
    /// The node `twopi` puts at the centre.
    public static var root: Self { .init("root") }
    /// The layout engine the graph asks for when a Graphviz command renders it without `-K`.
    public static var layout: Self { .init("layout") }
    /// xdot drawing operations (`XDotDrawing`) that Graphviz draws under the graph, in every output format.
    public static var background: Self { .init("_background") }
}

extension AttributeKey where Value == Color {
    public static var color: Self { .init("color") }
    public static var fillcolor: Self { .init("fillcolor") }
    public static var fontcolor: Self { .init("fontcolor") }
    public static var bgcolor: Self { .init("bgcolor") }
    public static var pencolor: Self { .init("pencolor") }
    public static var labelfontcolor: Self { .init("labelfontcolor") }
}

extension AttributeKey where Value == Double {
    public static var fontsize: Self { .init("fontsize") }
    public static var penwidth: Self { .init("penwidth") }
    public static var arrowsize: Self { .init("arrowsize") }
    public static var width: Self { .init("width") }
    public static var height: Self { .init("height") }
    public static var margin: Self { .init("margin") }
    public static var pad: Self { .init("pad") }
    public static var nodesep: Self { .init("nodesep") }
    public static var ranksep: Self { .init("ranksep") }
    public static var len: Self { .init("len") }
    public static var weight: Self { .init("weight") }
    public static var inputscale: Self { .init("inputscale") }
    public static var dpi: Self { .init("dpi") }
    public static var labelfontsize: Self { .init("labelfontsize") }
    public static var labeldistance: Self { .init("labeldistance") }
    public static var k: Self { .init("K") }
    /// How far sfdp's overlap removal may shrink (negative) or grow the layout.
    public static var overlapScaling: Self { .init("overlap_scaling") }
}

extension AttributeKey where Value == Int {
    public static var peripheries: Self { .init("peripheries") }
    public static var minlen: Self { .init("minlen") }
}

extension AttributeKey where Value == Bool {
    public static var pin: Self { .init("pin") }
    public static var fixedsize: Self { .init("fixedsize") }
    public static var constraint: Self { .init("constraint") }
    public static var concentrate: Self { .init("concentrate") }
    public static var compound: Self { .init("compound") }
    public static var newrank: Self { .init("newrank") }
    public static var forcelabels: Self { .init("forcelabels") }
    public static var notranslate: Self { .init("notranslate") }
    public static var center: Self { .init("center") }
    public static var decorate: Self { .init("decorate") }
}

extension AttributeKey where Value == Shape {
    public static var shape: Self { .init("shape") }
}

extension AttributeKey where Value == Style {
    public static var style: Self { .init("style") }
}

extension AttributeKey where Value == ArrowType {
    public static var arrowhead: Self { .init("arrowhead") }
    public static var arrowtail: Self { .init("arrowtail") }
}

extension AttributeKey where Value == EdgeDirection {
    public static var dir: Self { .init("dir") }
}

extension AttributeKey where Value == Position {
    public static var pos: Self { .init("pos") }
}

extension AttributeKey where Value == RankDirection {
    public static var rankdir: Self { .init("rankdir") }
}

extension AttributeKey where Value == Rank {
    public static var rank: Self { .init("rank") }
}

extension AttributeKey where Value == Overlap {
    public static var overlap: Self { .init("overlap") }
}

extension AttributeKey where Value == Splines {
    public static var splines: Self { .init("splines") }
}

extension AttributeKey where Value == LabelLocation {
    public static var labelloc: Self { .init("labelloc") }
}

extension AttributeKey where Value == LabelJustification {
    public static var labeljust: Self { .init("labeljust") }
}

extension AttributeKey where Value == OutputOrder {
    public static var outputorder: Self { .init("outputorder") }
}
