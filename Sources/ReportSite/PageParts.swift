import Crypto
import Mustache
import RelationModel
import SiteLayout
import Synchronization

/// What every page's layout needs besides its own body: where the root is, the title and the navigation.
struct PageContext<Body: Encodable & Sendable>: Encodable, Sendable {
    var root: String
    var title: String
    var description: String
    var siteTitle: String
    var version: String
    var nav: [NavLink]
    var page: Body

    init(path: String, title: String, description: String, context: BuildContext, page: Body) {
        let root = SitePath.root(of: path)
        self.root = root
        self.title = title
        self.description = description
        siteTitle = context.metadata.title
        version = context.metadata.relmapVersion
        let items: [(String, String)] = [
            ("Overview", SitePath.index), ("Timeline", SitePath.timeline),
            ("Disagreements", SitePath.conflicts), ("Search", SitePath.search),
        ]
        nav = items.map { NavLink(text: $0.0, href: root + $0.1, current: $0.1 == path ? true : nil) }
        self.page = page
    }
}

/// A link with its text; `current` marks the page being shown.
struct NavLink: Encodable {
    var text: String
    var href: String
    var current: Bool?
}

/// A link to an actor's page, with what separates it from the previous one ("", ", ", " → ").
struct ActorLink: Encodable {
    var name: String
    var href: String
    var kind: String
    var separator: String
}

/// A pointer to a paragraph of a source, as a link to that paragraph on the source's page.
struct CitationLink: Encodable {
    var label: String
    var href: String
    var title: String
}

/// A relation as one row of a table.
struct RelationRow: Encodable {
    var id: String
    /// The row's `id`, absent when the relation is already anchored higher up the same page.
    var rowAnchor: String?
    var kind: String
    var period: String
    var sortDate: String
    var status: String
    /// The relation type's keyword, for the script's filters.
    var type: String = ""
    /// The years the relation is in force, as the script's year filter reads them: "2001 2014", "2003 open",
    /// "2006 2006" for an event, "never" when it is in force in no year.
    var years: String = ""
    var parties: [ActorLink]
    var place: ActorLink?
    var summary: String
    var figures: String?
    var citations: [CitationLink]
    var conflictHref: String?
    /// Who the relation is according to and how surely the document puts it ("stated by …", "reported").
    var sureness: String? = nil
    /// Where the row's `html` comes from; not a value of the row.
    var rendering: RenderedRows? = nil

    enum CodingKeys: String, CodingKey {
        case id, rowAnchor, kind, period, sortDate, status, type, years, parties, place, summary, figures, citations
        case conflictHref, sureness
    }
}

/// Relation rows as the `relation-row` template renders them, each distinct row once per build: a relation's row
/// is the same on every page one folder deep that lists it (its actors', sources', years' and views' pages), and
/// rendering it there each time was most of the cost of the pages of a large model. A row is rendered from its
/// own values alone; tables insert it as `{{{html}}}`. `relmap serve` keeps the rows from build to build
/// (`BuildMemory`), so a page rewritten for an edit renders only the rows that changed.
final class RenderedRows: Sendable {
    private let templates: TemplateSet
    /// Each row's HTML by the SHA-256 of the row's values (as the page memo digests them): a key of 32 bytes
    /// rather than a copy of the row's twenty-odd strings.
    private let rows = Mutex<(html: [SHA256.Digest: String], bytes: Int)>(([:], 0))
    /// The most bytes of rows kept, counting each row's HTML and what keeping it costs besides: past it the
    /// rows kept so far are dropped, so a model of any size keeps a bounded amount, and the rows of the pages
    /// rendered next are kept instead.
    static let byteLimit = 16 << 20
    private static let bytesPerRow = 160

    init(templates: TemplateSet) {
        self.templates = templates
    }

    /// Whether these rows came from the same templates as `templates` hold.
    func renders(with templates: TemplateSet) -> Bool {
        self.templates.templates == templates.templates
    }

    /// The row's HTML without the template's last line break, which the table's own line gives back; empty, as
    /// a missing partial renders, when the set has no `relation-row` template.
    func html(_ row: RelationRow) -> String {
        let sink = DigestSink(direct: true, capacity: 1024)
        row.digest(into: sink)
        let key = sink.finalize()
        if let html = rows.withLock({ $0.html[key] }) { return html }
        var alone = row
        alone.rendering = nil
        var html = (try? templates.render("relation-row", alone)) ?? ""
        if html.hasSuffix("\n") { html.removeLast() }
        let bytes = html.utf8.count + RenderedRows.bytesPerRow
        rows.withLock { rows in
            if rows.bytes + bytes > RenderedRows.byteLimit { rows = ([:], 0) }
            rows.html[key] = html
            rows.bytes += bytes
        }
        return html
    }
}

/// Relations under a heading, shown as one table; `listAnchor` lets other pages link to the heading.
struct RowList: Encodable {
    var heading: String
    var listAnchor: String?
    var rows: [RelationRow]

    /// Nil for no rows, so empty lists vanish from the page.
    static func nonEmpty(_ heading: String, _ rows: [RelationRow], anchor: String? = nil) -> RowList? {
        rows.isEmpty ? nil : RowList(heading: heading, listAnchor: anchor, rows: rows)
    }
}

/// A diagram placed on a page: the inline picture, legend, caption and download links.
struct DiagramFigure: Encodable {
    var id: String
    var title: String
    var caption: String
    /// The finished SVG to insert, for an inline diagram.
    var svg: InlineSVG?
    /// The SVG file's address, for a diagram shown as an image.
    var image: String?
    var legend: [LegendLine]
    var hasLegend: Bool
    var downloads: [NavLink]
    /// The SVG file, opened in a browser tab at full size rather than downloaded.
    var fullSize: String?
    var pageHref: String?
    var truncated: String?
    var formatNote: String?
}

/// Builds the links and rows of a page, relative to that page's place in the site.
struct PageLinker {
    let model: RelationModel
    let root: String
    let diagrams: DrawnDiagrams
    let site: Site
    let rendering: RenderedRows
    let citationNames: [String: String]

    init(context: BuildContext, path: String) {
        model = context.model
        root = SitePath.root(of: path)
        diagrams = context.diagrams
        site = context.site
        rendering = context.renderedRows
        citationNames = context.citationNames
    }

    func actor(_ id: String, separator: String = "") -> ActorLink {
        let actor = model.actor(id)
        return ActorLink(name: actor?.name ?? id, href: root + SitePath.actor(id),
                         kind: actor.map(RelationWording.kind(of:)) ?? "actor", separator: separator)
    }

    func citations(_ evidence: [Evidence]) -> [CitationLink] {
        evidence.map { pointer in
            let source = model.source(pointer.source)
            let label = citationNames[pointer.source].map { "\($0), ¶\(pointer.paragraph)" } ?? "\(pointer.source) ¶\(pointer.paragraph)"
            return CitationLink(label: label, href: root + SitePath.source(pointer.source) + "#" + SitePath.paragraphAnchor(pointer.paragraph),
                                title: source?.title ?? pointer.source)
        }
    }

    /// How citations name each source, by id: its short name and year, with a letter after the year when sources
    /// share both ("Eurasia Daily Monitor 2006a" and "2006b"), lettered in the order of their titles as author–date
    /// references are, so no two sources ever read alike.
    static func citationNames(of model: RelationModel) -> [String: String] {
        var groups: [String: [Source]] = [:]
        for source in model.sources { groups["\(shortName(of: source)) \(source.published.year)", default: []].append(source) }
        var names: [String: String] = [:]
        for (stem, sources) in groups {
            guard sources.count > 1 else {
                names[sources[0].id] = stem
                continue
            }
            for (index, source) in sources.sorted(by: { ($0.title, $0.id) < ($1.title, $1.id) }).enumerated() {
                names[source.id] = stem + letters(index)
            }
        }
        return names
    }

    /// "a" for 0 … "z" for 25, then "aa", "ab" … as spreadsheet columns count.
    static func letters(_ index: Int) -> String {
        var number = index + 1
        var text: [Character] = []
        while number > 0 {
            number -= 1
            text.insert(Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(number % 26))), at: 0)
            number /= 26
        }
        return String(text)
    }

    /// How a citation names its source: the publisher, or the title's first words when the publisher is unknown.
    static func shortName(of source: Source) -> String {
        guard source.publisher.lowercased().hasPrefix("unknown") else { return source.publisher }
        let words = source.title.split(separator: " ")
        return words.count > 4 ? words.prefix(4).joined(separator: " ") + "…" : source.title
    }

    func row(_ relation: Relation) -> RelationRow {
        let joiner = relation.isDirected && relation.participants.count == 2 ? " → " : ", "
        let parties = relation.participants.enumerated().map { actor($1, separator: $0 == 0 ? "" : joiner) }
        let placeID = relation.details.facility ?? relation.details.place
        let figures = RelationWording.figures(of: relation)
        return RelationRow(
            id: relation.id, rowAnchor: SitePath.relationAnchor(relation.id), kind: RelationWording.kind(of: relation),
            period: relation.period.text, sortDate: RelationWording.sortKey(of: relation),
            status: relation.status.rawValue, type: relation.type.rawValue, years: RelationWording.yearsInForce(of: relation),
            parties: parties, place: placeID.map { actor($0) },
            summary: relation.summary, figures: figures.isEmpty ? nil : figures.joined(separator: "; "),
            citations: citations(relation.evidence),
            conflictHref: relation.isDisputedBetweenSources ? root + SitePath.conflicts + "#" + SitePath.relationAnchor(relation.id) : nil,
            sureness: relation.sureness(in: model), rendering: rendering)
    }

    func rows(_ relations: [Relation]) -> [RelationRow] {
        RelationWording.chronologicalOrder(relations).map { row(relations[$0]) }
    }

    /// A diagram as a figure; `viewPage` links the picture to the page that explains it.
    func figure(_ id: String?, viewPage: String? = nil) -> DiagramFigure? {
        guard let id, let diagram = diagrams[id] else { return nil }
        let names = ["svg": "SVG", "png": "PNG", "pdf": "PDF", "dot": "DOT source"]
        let downloads = diagram.formats.map { format in
            NavLink(text: names[format] ?? format.uppercased(), href: root + SitePath.diagram(id, extension: format), current: nil)
        }
        let truncated = diagram.truncatedCount > 0
            ? "\(diagram.truncatedCount) more not drawn to keep the picture readable; the table lists them all." : nil
        return DiagramFigure(id: id, title: diagram.title, caption: diagram.caption,
                             svg: diagram.isInline ? InlineSVG(diagram: diagram, root: root, site: site) : nil,
                             image: diagram.isInline ? nil : root + SitePath.diagram(id, extension: "svg"),
                             legend: diagram.legend, hasLegend: !diagram.legend.isEmpty, downloads: downloads,
                             fullSize: diagram.formats.contains("svg") ? root + SitePath.diagram(id, extension: "svg") : nil,
                             pageHref: viewPage.map { root + $0 }, truncated: truncated, formatNote: diagram.formatNote)
    }
}

extension Array where Element == RelationRow {
    /// Keeps each relation's anchor on its first row of a page only, so ids stay unique.
    func anchoredOnce(_ seen: inout Set<String>) -> [RelationRow] {
        map { row in
            var row = row
            if seen.contains(row.id) { row.rowAnchor = nil } else { seen.insert(row.id) }
            return row
        }
    }
}

extension ActorLink: DirectlyDigested {
    func digest(into sink: DigestSink) {
        sink.fields()
        sink.field("name", name)
        sink.field("href", href)
        sink.field("kind", kind)
        sink.field("separator", separator)
    }
}

extension CitationLink: DirectlyDigested {
    func digest(into sink: DigestSink) {
        sink.fields()
        sink.field("label", label)
        sink.field("href", href)
        sink.field("title", title)
    }
}

extension RelationRow: DirectlyDigested {
    func digest(into sink: DigestSink) {
        sink.fields()
        sink.field("id", id)
        sink.field("rowAnchor", rowAnchor)
        sink.field("kind", kind)
        sink.field("period", period)
        sink.field("sortDate", sortDate)
        sink.field("status", status)
        sink.field("type", type)
        sink.field("years", years)
        sink.field("parties", parties)
        sink.field("place", place)
        sink.field("summary", summary)
        sink.field("figures", figures)
        sink.field("citations", citations)
        sink.field("conflictHref", conflictHref)
        sink.field("sureness", sureness)
    }
}

// Template values look their fields up by name: without this, Mustache reflects each object on the context
// stack for every lookup, copying all of its fields, and a lookup that misses (an empty optional) climbs through
// every enclosing object, so pages with thousands of relation rows took seconds each. Each lookup switches over
// the type's synthesised coding keys, which must sit in the type's own file: a field added to a type and not to
// its lookup does not compile, and the memo digest reads the same keys (see `PageMemo`).

extension PageContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .root: return root
        case .title: return title
        case .description: return description
        case .siteTitle: return siteTitle
        case .version: return version
        case .nav: return nav
        case .page: return page
        case nil: return name == "typeNames" ? relationTypeNames : nil
        }
    }
}

/// Every relation type's keyword with the plural name the legends give it (`dispute=Disputes;…`), for the
/// script's filter buttons, which name the types of the rows whether or not a legend on the page shows them.
/// Found from any template, since every page's context ends in its `PageContext`; the same for every page, so it
/// is no template value the page memo digests.
let relationTypeNames = RelationType.allCases.map { "\($0.rawValue)=\($0.title)" }.joined(separator: ";")

extension NavLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .text: return text
        case .href: return href
        case .current: return current
        case nil: return nil
        }
    }
}

extension ActorLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .name: return self.name
        case .href: return href
        case .kind: return kind
        case .separator: return separator
        case nil: return nil
        }
    }
}

extension CitationLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .label: return label
        case .href: return href
        case .title: return title
        case nil: return nil
        }
    }
}

extension RelationRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .id: return id
        case .rowAnchor: return rowAnchor
        case .kind: return kind
        case .period: return period
        case .sortDate: return sortDate
        case .status: return status
        case .type: return type
        case .years: return years
        case .parties: return parties
        case .place: return place
        case .summary: return summary
        case .figures: return figures
        case .citations: return citations
        case .conflictHref: return conflictHref
        case .sureness: return sureness
        case nil: return name == "html" ? rendering?.html(self) : nil
        }
    }
}

extension RowList: MustacheParent {
    func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .heading: return heading
        case .listAnchor: return listAnchor
        case .rows: return rows
        case nil: return nil
        }
    }
}

extension DiagramFigure: MustacheParent {
    func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .id: return id
        case .title: return title
        case .caption: return caption
        case .svg: return svg
        case .image: return image
        case .legend: return legend
        case .hasLegend: return hasLegend
        case .downloads: return downloads
        case .fullSize: return fullSize
        case .pageHref: return pageHref
        case .truncated: return truncated
        case .formatNote: return formatNote
        case nil: return nil
        }
    }
}
