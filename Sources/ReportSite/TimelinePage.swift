import RelationModel

extension PageGenerator {
    /// Relations and incidents year by year, each year with its "as of" map and links to step between years.
    static let timeline = PageGenerator("timeline") { context in
        let path = SitePath.timeline
        let linker = PageLinker(context: context, path: path)
        let model = context.model
        let years = TimelineBody.yearsWithEvents(in: model)
        var anchored: Set<String> = []
        let sections = years.enumerated().map { index, year in
            let began = model.relations.filter { $0.type.isLasting && $0.start?.year == year }
            let events = model.relations.filter { !$0.type.isLasting && ($0.start ?? $0.end)?.year == year }
            let ended = model.relations.filter { $0.type.isLasting && $0.end?.year == year }
            let inForce = model.relations.filter { $0.type.isLasting && $0.isInForce(in: year) }.count
            return TimelineBody.Year(
                year: year, yearAnchor: SitePath.yearAnchor(year),
                previous: index > 0 ? "#" + SitePath.yearAnchor(years[index - 1]) : nil,
                previousYear: index > 0 ? years[index - 1] : nil,
                next: index + 1 < years.count ? "#" + SitePath.yearAnchor(years[index + 1]) : nil,
                nextYear: index + 1 < years.count ? years[index + 1] : nil,
                figure: linker.figure(context.yearDiagrams[year]),
                lists: [
                    RowList.nonEmpty("Events", linker.rows(events).anchoredOnce(&anchored)),
                    RowList.nonEmpty("Began", linker.rows(began).anchoredOnce(&anchored)),
                    RowList.nonEmpty("Ended", linker.rows(ended).anchoredOnce(&anchored)),
                ].compactMap { $0 },
                inForce: inForce)
        }
        let undated = model.relations.filter { $0.start == nil && $0.end == nil }
        let body = TimelineBody(years: sections, mapNote: TimelineBody.mapNote(for: sections), jump: years.map { NavLink(text: String($0), href: "#" + SitePath.yearAnchor($0), current: nil) },
                                undated: RowList.nonEmpty("Undated", linker.rows(undated).anchoredOnce(&anchored), anchor: "undated"))
        return [Page(path: path, template: "timeline",
                     context: PageContext(path: path, title: "Timeline", description: "Relations and incidents year by year, with the map as it stood in each year.",
                                          context: context, page: body))]
    }
}

struct TimelineBody: Encodable {
    struct Year: Encodable {
        var year: Int
        var yearAnchor: String
        var previous: String?
        var previousYear: Int?
        var next: String?
        var nextYear: Int?
        var figure: DiagramFigure?
        var lists: [RowList]
        var inForce: Int
    }

    var years: [Year]
    var mapNote: String?
    var jump: [NavLink]
    var undated: RowList?

    /// The years that get an "as of" map: every year, or, when the overview is a large diagram (more than
    /// `DiagramDrawing.largeDiagramActors` actors, shown as an image; sixty of those cost more than the rest of the
    /// site), the first year of each five-year span (1990–1994, 1995–1999…) and the last year.
    static func mappedYears(_ years: [Int], overviewActors: Int) -> [Int] {
        guard DiagramDrawing.isLarge(actorCount: overviewActors) else { return years }
        var spans: Set<Int> = []
        return years.enumerated().filter { index, year in
            let span = Int((Double(year) / 5).rounded(.down))
            return spans.insert(span).inserted || index == years.count - 1
        }.map(\.element)
    }

    /// The sentence saying why some years have no map, when they do not.
    static func mapNote(for years: [Year]) -> String? {
        let mapped = years.filter { $0.figure != nil }.count
        guard mapped > 0, mapped < years.count else { return nil }
        return "The network has more than \(DiagramDrawing.largeDiagramActors) actors, so a map is drawn for the first year of every five and for the last year; the years between list their relations only."
    }

    /// The years in which some relation began, happened or ended, ascending.
    static func yearsWithEvents(in model: RelationModel) -> [Int] {
        Set(model.relations.flatMap { [$0.start?.year, $0.end?.year].compactMap { $0 } }).sorted()
    }
}
