import GraphvizRendering
import Mustache
import SiteLayout

/// A drawn diagram as the pages use it: its legend, which files were written, and whether pages show its SVG
/// inline (read back from the site and finished when a page needs it) or as an image.
public struct SiteDiagram: Sendable, Equatable {
    public var id: String
    public var title: String
    public var caption: String
    public var legend: [LegendLine]
    public var relationIDs: [String]
    public var actorIDs: [String]
    /// How many actors or relations were left out to keep the picture readable.
    public var truncatedCount: Int
    /// The file extensions written under `diagrams/`, in the order offered for download.
    public var formats: [String]
    /// Why some formats are not offered, for the page.
    public var formatNote: String?
    /// The SHA-256 of the SVG file written, which stands for the picture in a page's memo digest.
    public var svgDigest: String?
    /// Shown as an image whatever its size: a large network's yearly maps, which would make each year's page
    /// megabytes long.
    public var isShownAsImage = false

    public init(id: String, title: String, caption: String, legend: [LegendLine] = [],
                relationIDs: [String] = [], actorIDs: [String] = [], truncatedCount: Int = 0, formats: [String] = [],
                formatNote: String? = nil, svgDigest: String? = nil) {
        self.id = id
        self.title = title
        self.caption = caption
        self.legend = legend
        self.relationIDs = relationIDs
        self.actorIDs = actorIDs
        self.truncatedCount = truncatedCount
        self.formats = formats
        self.formatNote = formatNote
        self.svgDigest = svgDigest
    }

    /// Whether pages insert the SVG itself (clickable, styled with the page): diagrams of more than
    /// `DiagramDrawing.largeDiagramActors` actors are shown as images instead.
    public var isInline: Bool {
        !DiagramDrawing.isLarge(actorCount: actorIDs.count) && !isShownAsImage
    }

    /// The SVG ready to insert into a page (ids prefixed, title and description inside), from the site's file;
    /// `relinking` rewrites the start of its links.
    func inlineSVG(in site: Site, relinking: (from: String, to: String)? = nil) -> String {
        let svg = site[SitePath.diagram(id, extension: "svg")].map { [UInt8]($0) } ?? []
        return SVGFinisher.inlineElement(svg, title: title, description: caption, idPrefix: "\(id)-", relinking: relinking)
    }
}

/// A diagram's SVG as a page inlines it, made only when the page is rendered: deciding whether a page changed
/// reads the diagram's digest, not its file. Links in the SVG are written for a page one folder deep
/// (`../actors/x.html`) and are rebased for a page at the root.
struct InlineSVG: Encodable, MustacheCustomRenderable {
    let diagram: SiteDiagram
    let root: String
    let site: Site

    var renderText: String {
        diagram.inlineSVG(in: site, relinking: root.isEmpty ? ("../", "") : nil)
    }

    var isNull: Bool { false }

    private enum CodingKeys: String, CodingKey {
        case id, title, caption, svgDigest, root
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(diagram.id, forKey: .id)
        try container.encode(diagram.title, forKey: .title)
        try container.encode(diagram.caption, forKey: .caption)
        try container.encode(diagram.svgDigest ?? "", forKey: .svgDigest)
        try container.encode(root, forKey: .root)
    }
}

/// One legend entry: a symbol's description and what it stands for.
public struct LegendLine: Sendable, Equatable, Encodable {
    /// The symbol in words ("dashed line", "hexagon"), for screen readers.
    public var symbol: String
    public var meaning: String
    /// The symbol drawn as in the diagram: an inline SVG image.
    public var picture: String?
    /// The class its lines carry in the SVG when the entry stands for a relation type (`type-dispute`), so the
    /// script can make the entry a filter; nil for other entries.
    public var filter: String?

    public init(symbol: String, meaning: String, picture: String? = nil, filter: String? = nil) {
        self.symbol = symbol
        self.meaning = meaning
        self.picture = picture
        self.filter = filter
    }
}

extension LegendLine: MustacheParent {
    public func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .symbol: return symbol
        case .meaning: return meaning
        case .picture: return picture
        case .filter: return filter
        case nil: return nil
        }
    }
}
