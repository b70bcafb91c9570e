import DOT
import Foundation
import ParallelWork
import RelationModel
import Views

extension DiagramPlan {
    /// The site's diagrams from the view catalogue: a page for every view that draws something without a focus
    /// actor, the overview and the map views on the index and "as of" each year with events on the timeline, a focus
    /// diagram per actor.
    ///
    /// The views draw the model with a placeholder for each relation's summary, which only tooltips carry, and
    /// the summaries are put in after: so a plan kept by `memo` serves every model that differs from it in
    /// wording alone, and rewording a summary plans nothing again. `drawing`, when given, gets the views and
    /// focus diagrams as they are planned (only tooltips differ once the summaries are in).
    public static func fromViews(of model: RelationModel, processors: Int = ProcessInfo.processInfo.activeProcessorCount,
                                 memo: PlanMemo? = nil, drawing: DrawingWhilePlanning? = nil) -> DiagramPlan {
        let summaries = SummaryPlaceholders(model)
        let key = memo?.key(for: summaries.model)
        var plan: DiagramPlan
        if let memo, let key, let kept = memo.plan(forKey: key) {
            plan = kept
        } else {
            plan = planned(summaries.model, processors: processors, drawing: drawing)
            if let memo, let key { memo.keep(plan, forKey: key) }
        }
        summaries.fill(&plan, processors: processors)
        return plan
    }

    /// Diagrams are independent of each other, so they are planned on `processors` threads: the views (the overview,
    /// the largest, leads) together with the focus diagrams, then the yearly maps, whose number the overview decides,
    /// latest (largest) first.
    static func planned(_ model: RelationModel, processors: Int, drawing: DrawingWhilePlanning? = nil) -> DiagramPlan {
        let links = LinkStyle(root: "../")
        // Every year's map of a view, and the view itself, share what they work out from all years.
        let shared = SharedViewWork()
        var plan = DiagramPlan()
        let views = ViewCatalog.views.filter { $0.id != ActorFocusView.id }
        let focus = ViewCatalog.view(named: ActorFocusView.id)
        let actors = focus == nil ? [] : model.actors
        let viewsAndFocus = ParallelResults(count: views.count + actors.count, processors: processors) { index in
            let diagram = index < views.count
                ? views[index].diagram(of: model, options: ViewOptions(shared: shared), links: links).map(PlannedDiagram.init)
                : focus?.diagram(of: model, options: ViewOptions(focusActor: actors[index - views.count].id), links: links)
                    .map(PlannedDiagram.init)
            if let diagram { drawing?.planned(diagram, isFocus: index >= views.count) }
            return diagram
        }.values
        for (view, diagram) in zip(views, viewsAndFocus) {
            guard let diagram else { continue }
            plan.views.append((ViewEntry(id: view.id, title: view.title, diagram: diagram.id), diagram))
        }
        for (actor, diagram) in zip(actors, viewsAndFocus.dropFirst(views.count)) { plan.actors[actor.id] = diagram }
        let overview = ViewCatalog.view(named: OverviewView.id) ?? views.first
        let overviewDiagram = plan.views.first { $0.entry.id == overview?.id }?.diagram
        plan.overview = overviewDiagram?.id ?? plan.views.first?.diagram.id
        // The network's size counts every actor its relations name: the overview draws fewer, folded into their
        // states, but a yearly map costs with the relations it carries.
        let networkActors = overviewDiagram == nil ? 0 : Set(model.relations.flatMap(\.involvedActors)).count
        let years = overview == nil ? [] : TimelineBody.mappedYears(TimelineBody.yearsWithEvents(in: model),
                                                                   networkActors: networkActors)
        let latestFirst = Array(years.reversed())
        let maps = ParallelResults(count: latestFirst.count, processors: processors) { index in
            overview?.diagram(of: model, options: ViewOptions(asOf: latestFirst[index], shared: shared), links: links).map(PlannedDiagram.init)
        }.values
        for (year, map) in zip(latestFirst, maps) { plan.years[year] = map }
        // The map views as of each of those years, each view in the one frame it has for all years.
        let mapViews = ViewCatalog.maps.filter { view in plan.views.contains { $0.entry.id == view.id } }
        let yearMaps = ParallelResults(count: latestFirst.count * mapViews.count, processors: processors) { index in
            mapViews[index % mapViews.count].diagram(of: model, options: ViewOptions(asOf: latestFirst[index / mapViews.count], shared: shared),
                                                     links: links)
                .map(PlannedDiagram.init)
        }.values
        let largeNetwork = DiagramDrawing.isLarge(actorCount: networkActors)
        for (index, map) in yearMaps.enumerated() {
            guard var map else { continue }
            map.isVectorOnly = largeNetwork
            plan.yearMaps[latestFirst[index / mapViews.count], default: []].append(map)
        }
        return plan
    }
}

extension PlannedDiagram {
    /// A view's diagram, ready to render.
    init(_ diagram: Diagram) {
        let encoded = DOTEncoder().encodeWithTooltipPlaceholders(diagram.graph)
        self.init(id: diagram.id, title: diagram.title, caption: diagram.caption, dot: encoded.dot, tooltips: encoded.tooltips,
                  engine: diagram.engine,
                  fallbackEngine: diagram.fallbackEngine, relationIDs: diagram.relationIDs, actorIDs: diagram.actorIDs,
                  legend: diagram.legend.map(LegendLine.init), truncatedCount: diagram.truncatedCount)
        startsFromGivenPositions = diagram.startsFromGivenPositions
        hasOwnIDs = true
    }
}

extension LegendLine {
    /// A legend entry in words, with its symbol drawn as in the diagram.
    init(_ entry: LegendEntry) {
        let isLine: Bool
        if case .edge = entry.kind { isLine = true } else { isLine = false }
        // A line's colour that means a relation type is worded as the type's title.
        let type = isLine ? RelationType.allCases.first { $0.title == entry.label } : nil
        self.init(symbol: entry.symbol, meaning: entry.label, picture: entry.picture, filter: type.map { "type-\($0.rawValue)" })
    }
}
