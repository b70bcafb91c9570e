import XCTest
@testable import ReportSite

/// Pins that the template values' lookups by name give exactly what reflection would: every field, same value.
final class TemplateLookupTests: XCTestCase {
    func assertLookupsMatchReflection(_ value: Any, _ lookup: (String) -> Any?, file: StaticString = #filePath, line: UInt = #line) {
        let fields = Mirror(reflecting: value).children
        XCTAssertFalse(fields.isEmpty, file: file, line: line)
        for field in fields {
            let label = field.label!
            XCTAssertEqual(describe(lookup(label)), describe(field.value), "\(type(of: value)).\(label)", file: file, line: line)
        }
        XCTAssertNil(lookup("noSuchField"), file: file, line: line)
    }

    /// A value's description with any optional unwrapped, "nil" for none.
    func describe(_ value: Any?) -> String {
        guard let value else { return "nil" }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return String(describing: value) }
        return mirror.children.first.map { describe($0.value) } ?? "nil"
    }

    func testEveryFieldOfTheBusiestTemplateValuesIsFoundByName() throws {
        let link = ActorLink(name: "Kyrgyzstan", href: "../actors/kyrgyzstan.html", kind: "state", separator: ", ")
        let citation = CitationLink(label: "RFE/RL 2006, ¶3", href: "../sources/s.html#p3", title: "Title")
        let row = RelationRow(id: "r1", rowAnchor: nil, kind: "dispute", period: "2006", sortDate: "2006", status: "ongoing",
                              type: "dispute", years: "2006 open",
                              parties: [link], place: link, summary: "Summary", figures: nil, citations: [citation],
                              conflictHref: "../conflicts.html#r1")
        let list = RowList(heading: "Disputes", listAnchor: "type-dispute", rows: [row])
        let nav = NavLink(text: "Overview", href: "../index.html", current: true)
        assertLookupsMatchReflection(link, link.child(named:))
        assertLookupsMatchReflection(citation, citation.child(named:))
        assertLookupsMatchReflection(row, row.child(named:))
        assertLookupsMatchReflection(list, list.child(named:))
        assertLookupsMatchReflection(nav, nav.child(named:))

        let fact = ActorBody.Fact(label: "Country", value: "Kyrgyzstan", link: link)
        let legend = LegendLine(symbol: "—", meaning: "alliance", picture: "<svg/>", filter: "type-alliance")
        let drawing = InlineSVG(diagram: SiteDiagram(id: "focus-k", title: "K", caption: "C"), root: "../",
                                site: Site(files: ["diagrams/focus-k.svg": Data("<svg/>".utf8)]))
        let figure = DiagramFigure(id: "focus-k", title: "K", caption: "C", svg: drawing, image: "k.svg", legend: [legend],
                                   hasLegend: true, downloads: [nav], fullSize: "k.svg", pageHref: "k.html", truncated: "3 more", formatNote: "note")
        let rows = SourceBody.Rows(note: "Contradicted", rows: [row])
        let paragraph = SourceBody.Paragraph(number: 3, paragraphAnchor: "p3", lists: [rows])
        let source = SourceBody(facts: [fact], url: "https://example.org", reference: "“T”, P, 2006", paragraphs: [paragraph], hasParagraphs: true)
        let line = TimelineBody.YearLine(year: 2006, yearAnchor: "y2006", href: "timeline/2006.html", events: 1, began: 2, ended: 3,
                                         inForce: 4, hasMap: true)
        let timeline = TimelineBody(years: [line], hasYears: true, mapNote: "Every fifth year", undated: list, figure: figure,
                                    mapYear: 2006, yearList: "2005 2006", yearBase: "timeline/")
        let year = TimelineYearBody(year: 2006, timeline: "../timeline.html#y2006", previous: "2005.html", previousYear: 2005,
                                    next: "2007.html", nextYear: 2007, figure: figure, mapNote: "No map", maps: [figure], lists: [list],
                                    inForce: 4, yearList: "2005 2006 2007", yearBase: "../timeline/")
        assertLookupsMatchReflection(fact, fact.child(named:))
        assertLookupsMatchReflection(legend, legend.child(named:))
        assertLookupsMatchReflection(figure, figure.child(named:))
        assertLookupsMatchReflection(rows, rows.child(named:))
        assertLookupsMatchReflection(paragraph, paragraph.child(named:))
        assertLookupsMatchReflection(source, source.child(named:))
        assertLookupsMatchReflection(line, line.child(named:))
        assertLookupsMatchReflection(timeline, timeline.child(named:))
        assertLookupsMatchReflection(year, year.child(named:))

        let view = ViewBody(figure: figure, rows: [row], hasRows: true, actors: [link])
        let entry = SearchEntry(kind: "actor", title: "Kyrgyzstan", detail: "state", text: "kyrgyzstan", url: "actors/kyrgyzstan.html",
                                map: "views/overview.html?pin=kyrgyzstan#figure-overview")
        let item = SearchBody.Item(entry: entry, index: 0, mapHref: "views/overview.html?pin=kyrgyzstan#figure-overview")
        let search = SearchBody(entries: [entry], root: "")
        let group = try XCTUnwrap(search.groups.first)
        assertLookupsMatchReflection(view, view.child(named:))
        assertLookupsMatchReflection(entry, entry.child(named:))
        assertLookupsMatchReflection(item, item.child(named:))
        assertLookupsMatchReflection(search, search.child(named:))
        assertLookupsMatchReflection(group, group.child(named:))

        let context = try SampleSite.context(model: SampleSite.model())
        let actor = try XCTUnwrap(context.model.actor("kyrgyzstan"))
        let body = ActorBody(actor: actor, context: context, index: ActorIndex(context: context),
                             linker: PageLinker(context: context, path: "actors/kyrgyzstan.html"))
        assertLookupsMatchReflection(body, body.child(named:))
        let page = PageContext(path: "actors/kyrgyzstan.html", title: "K", description: "D", context: context, page: body)
        assertLookupsMatchReflection(page, page.child(named:))
    }
}
