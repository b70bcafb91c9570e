import Mustache
import RelationModel
import SiteLayout

extension PageGenerator {
    /// One page per source: its metadata, then every relation that cites it, paragraph by paragraph. They show
    /// no diagram, so they are written while the diagrams are drawn.
    static let sources = PageGenerator("source pages", startsBeforeDrawing: true) { context in
        let index = SourceIndex(model: context.model)
        return context.model.sources.sorted { $0.id < $1.id }.map { source in
            let path = SitePath.source(source.id)
            return Page(path: path, template: "source") {
                SourceBody.page(for: source, path: path, context: context, index: index)
            }
        }
    }
}

/// Which relations cite each paragraph of each source, for evidence and for contested claims, in model order;
/// made once per build instead of once per source page.
struct SourceIndex {
    var citing: [String: [Int: [Relation]]] = [:]
    var claimed: [String: [Int: [Relation]]] = [:]

    init(model: RelationModel) {
        for relation in model.relations {
            for place in Self.places(relation.evidence) {
                citing[place.source, default: [:]][place.paragraph, default: []].append(relation)
            }
            for place in Self.places(relation.claims.flatMap(\.evidence)) {
                claimed[place.source, default: [:]][place.paragraph, default: []].append(relation)
            }
        }
    }

    /// Each (source, paragraph) that `evidence` points to, once.
    private static func places(_ evidence: [Evidence]) -> [(source: String, paragraph: Int)] {
        var seen: Set<String> = []
        return evidence.filter { seen.insert("\($0.paragraph) \($0.source)").inserted }.map { ($0.source, $0.paragraph) }
    }
}

extension SourceBody {
    /// A source page's context: its metadata, then every relation that cites it, paragraph by paragraph.
    static func page(for source: Source, path: String, context: BuildContext, index: SourceIndex) -> PageContext<SourceBody> {
        let linker = PageLinker(context: context, path: path)
        let citing = index.citing[source.id] ?? [:]
        let claimed = index.claimed[source.id] ?? [:]
        var anchored: Set<String> = []
        let paragraphs = Set(citing.keys).union(claimed.keys).sorted().map { number in
            let cited = citing[number] ?? []
            let disputing = (claimed[number] ?? []).filter { relation in !cited.contains { $0.id == relation.id } }
            return SourceBody.Paragraph(number: number, paragraphAnchor: SitePath.paragraphAnchor(number), lists: [
                SourceBody.Rows(note: nil, rows: linker.rows(cited).anchoredOnce(&anchored)),
                SourceBody.Rows(note: "Cited for a claim that another source contradicts (see Disagreements):",
                                rows: linker.rows(disputing).anchoredOnce(&anchored)),
            ].filter { !$0.rows.isEmpty })
        }
        var facts: [ActorBody.Fact] = [
            .init(label: "Publisher", value: source.publisher),
            .init(label: "Published", value: source.published.description),
        ]
        if let author = source.author { facts.insert(.init(label: "Author", value: author), at: 0) }
        if let note = source.dateNote { facts.append(.init(label: "Date note", value: note)) }
        facts.append(.init(label: "File in the corpus", value: source.file))
        if let count = source.paragraphs { facts.append(.init(label: "Paragraphs", value: String(count))) }
        let reference = "“\(source.title)”, " + [source.author, source.publisher, source.published.description].compactMap { $0 }.joined(separator: ", ")
        let body = SourceBody(facts: facts, url: source.url.flatMap(SourceBody.safeURL), reference: reference, paragraphs: paragraphs,
                              hasParagraphs: !paragraphs.isEmpty)
        return PageContext(path: path, title: source.title, description: "\(source.title) (\(source.publisher), \(source.published)) and the relations that cite it.",
                           context: context, page: body)
    }
}

struct SourceBody: Encodable {
    struct Rows: Encodable { var note: String?; var rows: [RelationRow] }
    struct Paragraph: Encodable { var number: Int; var paragraphAnchor: String; var lists: [Rows] }

    var facts: [ActorBody.Fact]
    var url: String?
    /// Title, author, publisher and date in one line, repeated at each paragraph so a link to a paragraph shows
    /// what it cites.
    var reference: String
    var paragraphs: [Paragraph]
    var hasParagraphs: Bool

    /// Only web addresses become links; anything else (say `javascript:`) is shown as text only.
    static func safeURL(_ url: String) -> String? {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") ? url : nil
    }
}

extension SourceBody: MustacheParent {
    func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .facts: return facts
        case .url: return url
        case .reference: return reference
        case .paragraphs: return paragraphs
        case .hasParagraphs: return hasParagraphs
        case nil: return nil
        }
    }
}

extension SourceBody.Paragraph: MustacheParent {
    func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .number: return number
        case .paragraphAnchor: return paragraphAnchor
        case .lists: return lists
        case nil: return nil
        }
    }
}

extension SourceBody.Rows: MustacheParent {
    func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .note: return note
        case .rows: return rows
        case nil: return nil
        }
    }
}
