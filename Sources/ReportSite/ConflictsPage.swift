import RelationModel
import SiteLayout

extension PageGenerator {
    /// Every relation on which sources disagree, the model's value beside each source's claim; it shows no
    /// diagram, so it is written while the diagrams are drawn.
    static let conflicts = PageGenerator("conflicts page", startsBeforeDrawing: true) { context in
        let path = SitePath.conflicts
        let linker = PageLinker(context: context, path: path)
        let disputed = RelationWording.chronological(context.model.relations.filter(\.isDisputedBetweenSources))
        let items = disputed.map { relation in
            var fields: [String] = []
            for claim in relation.claims where !fields.contains(claim.field) { fields.append(claim.field) }
            return ConflictsBody.Item(
                row: linker.row(relation),
                fields: fields.map { field in
                    ConflictsBody.Field(
                        field: ConflictsBody.heading(of: field), modelValue: RelationWording.modelValue(of: field, in: relation, model: context.model),
                        claims: relation.claims.filter { $0.field == field }.map {
                            ConflictsBody.ClaimCell(value: context.model.actor($0.value)?.name ?? $0.value, citations: linker.citations($0.evidence))
                        })
                })
        }
        let body = ConflictsBody(items: items, count: items.count,
                                 countText: counted(items.count, "relation") + (items.count == 1 ? " rests" : " rest"),
                                 hasItems: !items.isEmpty)
        return [Page(path: path, template: "conflicts",
                     context: PageContext(path: path, title: "Where sources disagree",
                                          description: "Every fact on which two sources disagree, side by side.", context: context, page: body))]
    }
}

struct ConflictsBody: Encodable {
    struct ClaimCell: Encodable { var value: String; var citations: [CitationLink] }
    struct Field: Encodable { var field: String; var modelValue: String; var claims: [ClaimCell] }
    struct Item: Encodable { var row: RelationRow; var fields: [Field] }

    var items: [Item]
    var count: Int
    /// The count with its noun and verb ("3 relations rest").
    var countText: String
    var hasItems: Bool

    /// A disputed key in words: "start" → "When it began".
    static func heading(of field: String) -> String {
        let names = ["start": "When it began", "end": "When it ended", "place": "Where", "facility": "Facility",
                     "dead": "Number dead", "injured": "Number injured", "personnel": "Personnel", "status": "Status", "lease": "Lease"]
        return names[field] ?? field.prefix(1).uppercased() + field.dropFirst()
    }
}
