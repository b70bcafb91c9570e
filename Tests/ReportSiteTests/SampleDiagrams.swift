import DOT
import Foundation
import GraphvizRendering
import RelationModel
import ReportSite
import SiteLayout

/// Hand-written DOT diagrams for the sample model, linked the way views link (one folder deep), drawn in-process.
enum SampleDiagrams {
    static func dot(id: String, title: String, relations: [Relation], model: RelationModel) -> String {
        var lines = ["digraph \"\(id)\" {", "  label=\"\(title)\"; labelloc=t; fontname=\"DejaVu Sans\";",
                     "  node [shape=box, style=filled, fillcolor=\"#cfe2f3\", fontname=\"DejaVu Sans\"];"]
        let actors = Set(relations.flatMap(\.participants)).sorted()
        for actor in actors {
            lines.append("  \"\(actor)\" [label=\"\(model.actor(actor)?.name ?? actor)\", URL=\"../actors/\(actor).html\", tooltip=\"\(actor)\"];")
        }
        for relation in relations where relation.participants.count >= 2 {
            lines.append("  \"\(relation.participants[0])\" -> \"\(relation.participants[1])\" [color=\"#c0392b\", URL=\"../\(SitePath.relationHome(relation))#rel-\(relation.id)\", tooltip=\"\(relation.id)\"];")
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    static func planned(id: String, title: String, relations: [Relation], model: RelationModel) -> PlannedDiagram {
        PlannedDiagram(id: id, title: title, caption: "\(title). Sources: sample.", dot: dot(id: id, title: title, relations: relations, model: model),
                       relationIDs: relations.map(\.id), actorIDs: Set(relations.flatMap(\.participants)).sorted(),
                       legend: [LegendLine(symbol: "box", meaning: "state", picture: "<svg class=\"symbol\" aria-hidden=\"true\"></svg>"), LegendLine(symbol: "solid line", meaning: "relation")])
    }

    static func plan(for model: RelationModel) -> DiagramPlan {
        var plan = DiagramPlan()
        plan.views = [(ViewEntry(id: "network", title: "The whole network", diagram: "network"),
                       planned(id: "network", title: "The whole network", relations: model.relations, model: model))]
        plan.overview = "network"
        let years = Set(model.relations.flatMap { [$0.start?.year, $0.end?.year].compactMap { $0 } })
        for year in years {
            plan.years[year] = planned(id: "network-\(year)", title: "As of \(year)", relations: model.relations.filter { $0.isInForce(in: year) }, model: model)
        }
        for actor in model.actors {
            plan.actors[actor.id] = planned(id: "focus-\(actor.id)", title: actor.name, relations: model.relations(involving: actor.id), model: model)
        }
        return plan
    }

    static let inProcess: DiagramDrawing.RenderBatch = { jobs, progress in
        jobs.enumerated().map { index, job in
            defer { progress?(index + 1, jobs.count, job.id) }
            return Result { () throws(RenderFailure) in try InProcessRenderer.render(job) }
        }
    }

    static func build(model: RelationModel = SampleSite.model(), cache: RenderCache? = nil,
                      focusFormats: [OutputFormat] = DiagramDrawing.defaultFocusFormats,
                      render: @escaping DiagramDrawing.RenderBatch = inProcess) throws -> Site {
        let drawing = DiagramDrawing(cache: cache, focusFormats: focusFormats, render: render)
        let steps = [drawing.step(plan(for: model))] + SiteBuilder.pageSteps
        return try SiteBuilder(steps: steps).build(try SampleSite.context(model: model))
    }
}
