import DOT
import ParallelWork
import RelationModel

/// A model whose relations' summaries are placeholders, and the summaries to put back into what the views drew
/// from it. Diagrams carry summaries in tooltips alone, so a plan drawn from the placeholder model is the plan
/// of every model that differs from this one in summaries only.
///
/// A placeholder is U+0002, the relation's position in the model and U+0002: the model's reader refuses control
/// characters in any text, so no other text of the model holds one.
struct SummaryPlaceholders: Sendable {
    /// The model with placeholders.
    let model: RelationModel
    /// Each relation's summary, by position.
    let summaries: [String]

    static let marker = UInt8(2)

    init(_ model: RelationModel) {
        summaries = model.relations.map(\.summary)
        var relations = model.relations
        for index in relations.indices { relations[index].summary = "\u{2}\(index)\u{2}" }
        self.model = RelationModel(sources: model.sources, actors: model.actors, relations: relations)
    }

    /// Replaces every placeholder in the plan's tooltips by its summary. Diagrams are filled a few hundred at a
    /// time, each group in place of its placeholders, so a large plan's tooltips are never held twice.
    func fill(_ plan: inout DiagramPlan, processors: Int) {
        plan.views = plan.views.map { ($0.entry, filling($0.diagram)) }
        plan.years = plan.years.mapValues(filling)
        plan.yearMaps = plan.yearMaps.mapValues { $0.map(filling) }
        let actors = plan.actors.keys.sorted()
        for start in stride(from: 0, to: actors.count, by: 256) {
            let group = Array(actors[start..<min(start + 256, actors.count)])
            let diagrams = group.map { plan.actors[$0]! }
            let filled = ParallelResults(count: group.count, processors: processors) { filling(diagrams[$0]) }.values
            for (actor, diagram) in zip(group, filled) { plan.actors[actor] = diagram }
        }
    }

    /// A diagram with its tooltips filled.
    func filling(_ diagram: PlannedDiagram) -> PlannedDiagram {
        var diagram = diagram
        diagram.tooltips = diagram.tooltips.map(filling)
        return diagram
    }

    /// A text with every placeholder replaced by its summary.
    func filling(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            NumberedPlaceholders.filling(bytes, marker: Self.marker, count: summaries.count) { position, result in
                result.append(contentsOf: summaries[position].utf8)
            }.map { String(decoding: $0, as: UTF8.self) }
        } ?? text
    }
}
