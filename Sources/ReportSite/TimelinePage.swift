import Mustache
import RelationModel
import SiteLayout

extension PageGenerator {
    /// The timeline: a page listing the years with what happened in each and the undated relations, and a page per
    /// year with its "as of" map, what began, happened and ended in it, and links to step between years. A
    /// relation's row is anchored on the page of its `timelineYear`, where diagrams and search lead.
    /// Each page is written, beside the drawing, once the maps it shows are drawn.
    static let timeline = PageGenerator("timeline pages", startsBeforeDrawing: true) { context in
        let model = context.model
        let calendar = TimelineCalendar(model: model)
        let years = calendar.years
        let figures = years.map { context.yearDiagrams[$0] }
        let mapNote = TimelineBody.mapNote(mapped: figures.compactMap { $0 }.count, of: years.count)
        let lines = years.enumerated().map { index, year in
            TimelineBody.YearLine(year: year, yearAnchor: SitePath.yearAnchor(year), href: SitePath.timelineYear(year),
                                  events: calendar.events[year, default: []].count, began: calendar.began[year, default: []].count,
                                  ended: calendar.ended[year, default: []].count, inForce: calendar.inForce(in: year),
                                  hasMap: figures[index] != nil)
        }
        let path = SitePath.timeline
        let undated = model.relations.filter { $0.timelineYear == nil }
        let yearList = years.map(String.init).joined(separator: " ")
        let latest = years.indices.last { figures[$0] != nil }
        let index = Page(path: path, template: "timeline", diagrams: latest.flatMap { figures[$0] }.map { [$0] } ?? []) {
            let linker = PageLinker(context: context, path: path)
            let body = TimelineBody(years: lines, hasYears: !lines.isEmpty, mapNote: mapNote, showsMapColumn: mapNote != nil,
                                    gapNote: TimelineBody.gapNote(TimelineBody.yearsWithoutPage(between: years)),
                                    undated: RowList.nonEmpty("Undated", linker.rows(undated), anchor: "undated"),
                                    figure: latest.flatMap { linker.figure(figures[$0]) }, mapYear: latest.map { years[$0] },
                                    yearList: yearList, yearBase: SitePath.timelineYears)
            return PageContext(path: path, title: "Timeline", description: "Relations and incidents year by year, with the map as it stood in each year.",
                               context: context, page: body)
        }
        let yearPages = years.enumerated().map { index, year in
            let path = SitePath.timelineYear(year)
            let shown = (figures[index].map { [$0] } ?? []) + (context.yearMapDiagrams[year] ?? [])
            return Page(path: path, template: "timeline-year", diagrams: shown) {
                let linker = PageLinker(context: context, path: path)
                let root = SitePath.root(of: path)
                var anchored: Set<String> = []
                let body = TimelineYearBody(
                    year: year, timeline: root + SitePath.timeline + "#" + SitePath.yearAnchor(year),
                    previous: index > 0 ? root + SitePath.timelineYear(years[index - 1]) : nil,
                    previousYear: index > 0 ? years[index - 1] : nil,
                    next: index + 1 < years.count ? root + SitePath.timelineYear(years[index + 1]) : nil,
                    nextYear: index + 1 < years.count ? years[index + 1] : nil,
                    gapNote: TimelineBody.gapNote(TimelineBody.yearsWithoutPage(between: Array(years[max(0, index - 1)...min(years.count - 1, index + 1)]))),
                    figure: linker.figure(figures[index]), mapNote: figures[index] == nil ? mapNote : nil,
                    maps: (context.yearMapDiagrams[year] ?? []).compactMap { linker.figure($0) },
                    lists: [
                        RowList.nonEmpty("Events", linker.rows(calendar.events[year, default: []]).anchoredOnce(&anchored)),
                        RowList.nonEmpty("Began", linker.rows(calendar.began[year, default: []]).anchoredOnce(&anchored)),
                        RowList.nonEmpty("Ended", linker.rows(calendar.ended[year, default: []]).anchoredOnce(&anchored)),
                    ].compactMap { $0 },
                    inForce: lines[index].inForce, inForceText: counted(lines[index].inForce, "lasting relation") + " in force",
                    yearList: yearList, yearBase: root + SitePath.timelineYears)
                return PageContext(path: path, title: "\(year) — Timeline",
                                   description: "Relations and incidents of \(year), with the map of relations in force that year.",
                                   context: context, page: body)
            }
        }
        return [index] + yearPages
    }
}

/// The model's relations filed by year, once for all timeline pages: events in the year they happened, lasting
/// relations in the years they began and ended.
struct TimelineCalendar {
    /// The years in which some relation began, happened or ended, ascending.
    let years: [Int]
    let events: [Int: [Relation]]
    let began: [Int: [Relation]]
    let ended: [Int: [Relation]]
    /// The years in force of every lasting relation that is in force at some time.
    private let spans: [(first: Int, last: Int)]

    init(model: RelationModel) {
        var events: [Int: [Relation]] = [:], began: [Int: [Relation]] = [:], ended: [Int: [Relation]] = [:]
        for relation in model.relations {
            if relation.type.isLasting {
                if let year = relation.start?.year { began[year, default: []].append(relation) }
                if let year = relation.end?.year { ended[year, default: []].append(relation) }
            } else if let year = relation.timelineYear {
                events[year, default: []].append(relation)
                // An event with a period of its own (an agreement on programs for 2006–2008) ends with it, so the
                // year its period ends lists it too: that year has a page because of it.
                if let end = relation.end?.year, end != year { ended[end, default: []].append(relation) }
            }
        }
        self.events = events
        self.began = began
        self.ended = ended
        spans = model.relations.filter(\.type.isLasting).compactMap(\.yearsInForce)
        years = TimelineBody.yearsWithEvents(in: model)
    }

    /// How many lasting relations were in force at some time during `year`.
    func inForce(in year: Int) -> Int {
        spans.count { $0.first <= year && year <= $0.last }
    }
}

/// The timeline's own page: a line per year and the undated relations.
struct TimelineBody: Encodable {
    /// A year: its page and how many relations happened, began, ended and were in force in it.
    struct YearLine: Encodable {
        var year: Int
        var yearAnchor: String
        var href: String
        var events: Int
        var began: Int
        var ended: Int
        var inForce: Int
        var hasMap: Bool
    }

    var years: [YearLine]
    var hasYears: Bool
    var mapNote: String?
    /// Whether the table of years says which have a map: only when some have none.
    var showsMapColumn: Bool
    /// Which years inside the timeline's span have no page, and why, when some do not.
    var gapNote: String?
    var undated: RowList?
    /// The map of the latest year that has one, shown as the timeline's current picture.
    var figure: DiagramFigure?
    var mapYear: Int?
    /// The years with a page, space-separated, and the folder of their pages, for the script's year slider.
    var yearList: String
    var yearBase: String

    /// The years that get an "as of" map: every year, or, when the network is large (its relations name more than
    /// `DiagramDrawing.largeDiagramActors` actors; sixty maps of it cost more than the rest of the site), the first
    /// year of each five-year span (1990–1994, 1995–1999…) and the last year.
    static func mappedYears(_ years: [Int], networkActors: Int) -> [Int] {
        guard DiagramDrawing.isLarge(actorCount: networkActors) else { return years }
        var spans: Set<Int> = []
        return years.enumerated().filter { index, year in
            let span = Int((Double(year) / 5).rounded(.down))
            return spans.insert(span).inserted || index == years.count - 1
        }.map(\.element)
    }

    /// The sentence saying why some years have no map, when they do not.
    static func mapNote(mapped: Int, of years: Int) -> String? {
        guard mapped > 0, mapped < years else { return nil }
        return "The network has more than \(DiagramDrawing.largeDiagramActors) actors, so a map is drawn for the first year of every five and for the last year; the years between list their relations only."
    }

    /// The years after the first and before the last of `years` (ascending) that are not among them.
    static func yearsWithoutPage(between years: [Int]) -> [Int] {
        zip(years, years.dropFirst()).flatMap { ($0 + 1)..<$1 }
    }

    /// The sentence saying that years without a page have none because nothing is dated in them, naming them
    /// with consecutive years as one span: stepping from 2003 to 2005 must not look like a page gone missing.
    static func gapNote(_ missing: [Int]) -> String? {
        guard !missing.isEmpty else { return nil }
        var spans: [(first: Int, last: Int)] = []
        for year in missing {
            if let last = spans.last, last.last + 1 == year { spans[spans.count - 1].last = year } else { spans.append((year, year)) }
        }
        let names = spans.map { $0.first == $0.last ? "\($0.first)" : "\($0.first)–\($0.last)" }
        let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + names.last!
        let one = missing.count == 1
        return "No page for \(list): nothing in the model began, happened or ended in \(one ? "it" : "them")."
    }

    /// The years in which some relation began, happened or ended, ascending.
    static func yearsWithEvents(in model: RelationModel) -> [Int] {
        Set(model.relations.flatMap { [$0.start?.year, $0.end?.year].compactMap { $0 } }).sorted()
    }
}

/// A year's page of the timeline.
struct TimelineYearBody: Encodable {
    var year: Int
    /// The year's line on the timeline's own page.
    var timeline: String
    var previous: String?
    var previousYear: Int?
    var next: String?
    var nextYear: Int?
    /// Which years between this one and the previous or next page have no page, when some do not.
    var gapNote: String?
    var figure: DiagramFigure?
    /// Why the year has no map, when other years have one.
    var mapNote: String?
    /// The map views as of the year (alliances, deployments, disputes), each in the frame it has in every year.
    var maps: [DiagramFigure]
    var lists: [RowList]
    var inForce: Int
    /// The count in words ("69 lasting relations in force").
    var inForceText: String
    /// The years with a page, space-separated, and the folder of their pages, for the script's year slider.
    var yearList: String
    var yearBase: String
}

extension TimelineBody: MustacheParent {
    func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .years: return years
        case .hasYears: return hasYears
        case .mapNote: return mapNote
        case .showsMapColumn: return showsMapColumn
        case .gapNote: return gapNote
        case .undated: return undated
        case .figure: return figure
        case .mapYear: return mapYear
        case .yearList: return yearList
        case .yearBase: return yearBase
        case nil: return nil
        }
    }
}

extension TimelineBody.YearLine: MustacheParent {
    func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .year: return year
        case .yearAnchor: return yearAnchor
        case .href: return href
        case .events: return events
        case .began: return began
        case .ended: return ended
        case .inForce: return inForce
        case .hasMap: return hasMap
        case nil: return nil
        }
    }
}

extension TimelineYearBody: MustacheParent {
    func child(named name: String) -> Any? {
        switch CodingKeys(stringValue: name) {
        case .year: return year
        case .timeline: return timeline
        case .previous: return previous
        case .previousYear: return previousYear
        case .next: return next
        case .nextYear: return nextYear
        case .gapNote: return gapNote
        case .figure: return figure
        case .mapNote: return mapNote
        case .maps: return maps
        case .lists: return lists
        case .inForce: return inForce
        case .inForceText: return inForceText
        case .yearList: return yearList
        case .yearBase: return yearBase
        case nil: return nil
        }
    }
}
