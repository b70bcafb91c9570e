import Foundation
import RelationModel
import SiteLayout
import XCTest
@testable import ReportSite

final class SitePagesTests: XCTestCase {
    func testEveryLinkOnEveryPageResolvesToAFileAndAnchorOfTheSite() throws {
        let site = try SampleSite.build()
        XCTAssertEqual(LinkChecker(site: site).problems(), [])
    }

    func testEveryActorSourceAndPageIsReachableFromTheIndex() throws {
        let site = try SampleSite.build()
        let reachable = LinkChecker(site: site).reachable()
        for actor in SampleSite.model().actors {
            XCTAssertTrue(reachable.contains(SitePath.actor(actor.id)), actor.id)
        }
        for page in site.paths where page.hasSuffix(".html") {
            XCTAssertTrue(reachable.contains(page), page)
        }
    }

    func testTheSiteHasOnePagePerActorSourceAndYearAndTheFixedPages() throws {
        let site = try SampleSite.build()
        let expected = ["index.html", "timeline.html", "conflicts.html", "search.html", "search-index.json", "search-index.js",
                        "assets/style.css", "assets/site.js"]
            + SampleSite.model().actors.map { SitePath.actor($0.id) } + SampleSite.model().sources.map { SitePath.source($0.id) }
            + [2001, 2006, 2012].map(SitePath.timelineYear)
        XCTAssertEqual(Set(site.paths), Set(expected))
    }

    func testTwoBuildsOfTheSameModelAreByteIdentical() throws {
        XCTAssertEqual(try SampleSite.build(), try SampleSite.build())
    }

    func testModelTextIsHTMLEscapedOnEveryPage() throws {
        let site = try SampleSite.build(model: SampleSite.model(extraActorName: "<script>alert(1)</script> & co"))
        for page in site.paths where page.hasSuffix(".html") {
            XCTAssertFalse(site.text(at: page)!.contains("<script>alert"), page)
        }
        XCTAssertTrue(site.text(at: "actors/lonely.html")!.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"))
        XCTAssertTrue(site.text(at: "sources/rferl-2006-clash.html")!.contains("Border clash &lt;leaves&gt; dead &amp; injured"))
    }

    /// The finished diagram, a legend's symbol, which `LegendDrawing` draws from the symbol's shape and colours
    /// alone (no text of the model reaches it), and a relation row, which the `relation-row` template escapes
    /// (`testModelTextIsHTMLEscapedOnEveryPage`), are the only markup a template inserts as it is.
    func testOnlyTheFinishedSVGLegendSymbolsAndRenderedRowsAreInsertedUnescapedByAnyTemplate() throws {
        let templates = try TemplateSet(defaults: SampleSite.templatesFolder)
        let raw = try NSRegularExpression(pattern: #"\{\{\{\s*([^}]*?)\s*\}\}\}|\{\{&\s*([^}]*?)\s*\}\}"#)
        for (name, text) in templates.templates {
            for match in raw.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let names = [1, 2].compactMap { Range(match.range(at: $0), in: text).map { String(text[$0]) } }
                XCTAssertTrue(names == ["svg"] || names == ["picture"] || names == ["html"], "\(name).mustache inserts \(names) unescaped")
            }
        }
    }

    func testIndexNamesThePeriodCountsNewestSourceAndModelHashButNoClockTime() throws {
        let index = try XCTUnwrap(try SampleSite.build().text(at: "index.html"))
        XCTAssertTrue(index.contains("2001–2012"))
        XCTAssertTrue(index.contains("6 actors, 5 dated relations"))
        XCTAssertTrue(index.contains("2006-07-25"))
        XCTAssertTrue(index.contains(String(repeating: "ab", count: 6)))
        XCTAssertTrue(index.contains("9.9.9"))
    }

    func testARelationListedTwiceOnOnePageCarriesItsAnchorOnlyOnce() throws {
        let site = try SampleSite.build()
        for page in site.paths where page.hasSuffix(".html") {
            let ids = NSRegularExpressionMatches(#"\sid="([^"]*)""#, in: site.text(at: page)!)
            XCTAssertEqual(ids.count, Set(ids).count, "duplicate ids on \(page)")
        }
    }

    func testAHedgedRelationSaysWhoStatesItAndTheSpeakersPageListsItsAccount() throws {
        let site = try SampleSite.build()
        let row = #"The presidents agree to fight terrorism. <span class="sureness">(stated by Kurmanbek Bakiev)</span>"#
        XCTAssertTrue(try XCTUnwrap(site.text(at: "actors/kyrgyzstan.html")).contains(row))
        let speaker = try XCTUnwrap(site.text(at: "actors/kurmanbek-bakiev.html"))
        XCTAssertTrue(speaker.contains(#"<h2 id="account">By Kurmanbek Bakiev&#39;s account</h2>"#))
        XCTAssertTrue(speaker.contains(row))
        XCTAssertFalse(try XCTUnwrap(site.text(at: "actors/sco.html")).contains("sureness"))
    }

    func testAContestedPageListsEachClaimantAsAFact() throws {
        let page = try XCTUnwrap(try SampleSite.build().text(at: "actors/sokh.html"))
        XCTAssertTrue(page.contains(#"<dt>Claimed by</dt><dd><a href="../actors/kyrgyzstan.html">Kyrgyzstan</a></dd>"#), page)
        XCTAssertTrue(page.contains(#"<dt>Claimed by</dt><dd><a href="../actors/uzbekistan.html">Uzbekistan</a></dd>"#))
        XCTAssertFalse(page.contains("<dt>Country</dt>"))
    }

    func testConflictsPageShowsTheModelValueBesideEachSourcesClaim() throws {
        let page = try XCTUnwrap(try SampleSite.build().text(at: "conflicts.html"))
        XCTAssertTrue(page.contains(#"id="rel-border-clash-2006""#))
        XCTAssertTrue(page.contains("The model uses"))
        XCTAssertTrue(page.contains(#"<p class="claim-value">5</p>"#))
        XCTAssertTrue(page.contains("../") == false)
    }

    func testSourcePageListsCitingRelationsUnderTheirParagraph() throws {
        let page = try XCTUnwrap(try SampleSite.build().text(at: "sources/hamm-2006-thaw.html"))
        for paragraph in [1, 2, 3, 4, 5] {
            XCTAssertTrue(page.contains(#"id="p\#(paragraph)""#), "paragraph \(paragraph)")
        }
    }

    func testTheTimelineListsEveryYearWithEventsAndEachYearPageStepsToItsNeighbours() throws {
        let site = try SampleSite.build()
        let timeline = try XCTUnwrap(site.text(at: "timeline.html"))
        for year in [2001, 2006, 2012] {
            XCTAssertTrue(timeline.contains(#"<tr id="y\#(year)"><td><a href="timeline/\#(year).html">\#(year)</a>"#), "\(year)")
            XCTAssertNotNil(site["timeline/\(year).html"], "\(year)")
        }
        XCTAssertTrue(timeline.contains(#"id="undated""#))
        let year = try XCTUnwrap(site.text(at: "timeline/2001.html"))
        XCTAssertTrue(year.contains(#"<a href="../timeline/2006.html" rel="next">2006 →</a>"#), year)
        XCTAssertTrue(year.contains(#"<a href="../timeline.html#y2001">All years</a>"#), year)
    }

    func testARelationIsAnchoredOnTheYearPageDiagramsAndSearchLeadTo() throws {
        let site = try SampleSite.build()
        let model = SampleSite.model()
        for relation in model.relations {
            let page = try XCTUnwrap(site.text(at: SitePath.relationHome(relation)), relation.id)
            XCTAssertTrue(page.contains(#"id="rel-\#(relation.id)""#), relation.id)
        }
        XCTAssertEqual(LinkChecker(site: site).problems(), [])
    }

    func testSearchIndexListsEveryActorRelationAndSourceWithSiteRelativeURLs() throws {
        let site = try SampleSite.build()
        let entries = try JSONDecoder().decode([SearchEntry].self, from: XCTUnwrap(site["search-index.json"]))
        XCTAssertEqual(entries.count, 6 + 5 + 2)
        XCTAssertTrue(entries.contains { $0.url == "actors/sco.html" && $0.text.contains("sco") })
        XCTAssertEqual(LinkChecker(site: site).problems(), [])
    }

    func testTheHeaderSearchLoadsTheSameIndexAsAScriptAndEveryPageHasTheBox() throws {
        let site = try SampleSite.build()
        let script = try XCTUnwrap(site.text(at: SitePath.searchScript))
        let prefix = "window.relmapSearchIndex = "
        XCTAssertTrue(script.hasPrefix(prefix) && script.hasSuffix(";\n"), String(script.prefix(60)))
        let json = Data(script.dropFirst(prefix.count).dropLast(2).utf8)
        let fromScript = try JSONDecoder().decode([SearchEntry].self, from: json)
        XCTAssertEqual(fromScript, try JSONDecoder().decode([SearchEntry].self, from: XCTUnwrap(site["search-index.json"])))
        for page in site.paths where page.hasSuffix(".html") {
            let root = SitePath.root(of: page)
            XCTAssertTrue(try XCTUnwrap(site.text(at: page)).contains(#"action="\#(root)search.html" data-index="\#(root)search-index.js""#), page)
        }
    }

    func testEachCitedParagraphNamesItsSourceAndLinksToTheOriginal() throws {
        let page = try XCTUnwrap(try SampleSite.build().text(at: SitePath.source("rferl-2006-clash")))
        let groups = page.components(separatedBy: #"<tr class="group">"#).dropFirst()
        XCTAssertFalse(groups.isEmpty)
        for group in groups {
            XCTAssertTrue(group.contains("of “Border clash &lt;leaves&gt; dead &amp; injured”, RFE/RL, 2006-05"), group)
            XCTAssertTrue(group.contains(#"<a href="https://example.org/a?b=1&amp;c=2" rel="external noopener">the original</a>"#), group)
        }
    }

    func testTwoSourcesOfOnePublisherAndYearAreCitedWithLettersInTitleOrder() throws {
        let sample = SampleSite.model()
        let here = SampleSite.here
        let model = RelationModel(sources: sample.sources + [
            Source(id: "rferl-2006-b", title: "An earlier title", publisher: "RFE/RL", published: PartialDate(year: 2006), file: "002.txt", location: here),
            Source(id: "rferl-2007", title: "Next year", publisher: "RFE/RL", published: PartialDate(year: 2007), file: "003.txt", location: here),
        ], actors: sample.actors, relations: sample.relations)
        let names = PageLinker.citationNames(of: model)
        XCTAssertEqual(names["rferl-2006-b"], "RFE/RL 2006a")
        XCTAssertEqual(names["rferl-2006-clash"], "RFE/RL 2006b")
        XCTAssertEqual(names["rferl-2007"], "RFE/RL 2007")
        XCTAssertEqual(names["hamm-2006-thaw"], "Registan 2006")
        XCTAssertEqual(Set(names.values).count, model.sources.count)
        XCTAssertEqual([0, 25, 26, 27, 701, 702].map(PageLinker.letters), ["a", "z", "aa", "ab", "zz", "aaa"])
    }

    func testRelationRowsCarryTheTypeStatusAndYearsTheFiltersRead() throws {
        let site = try SampleSite.build()
        let model = SampleSite.model()
        for relation in model.relations {
            let page = try XCTUnwrap(site.text(at: SitePath.relationHome(relation)))
            let row = #"<tr id="rel-\#(relation.id)" data-type="\#(relation.type.rawValue)" data-status="\#(relation.status.rawValue)" data-years=""#
            XCTAssertTrue(page.contains(row), relation.id)
        }
    }

    func testANewActorPageReachesEveryRelatedActor() throws {
        let page = try XCTUnwrap(try SampleSite.build().text(at: "actors/uzbekistan.html"))
        for related in ["kyrgyzstan", "sco", "kurmanbek-bakiev"] {
            XCTAssertTrue(page.contains(#"href="../actors/\#(related).html""#), related)
        }
        XCTAssertTrue(page.contains("Betweenness"))
    }
}

func NSRegularExpressionMatches(_ pattern: String, in text: String) -> [String] {
    let expression = try! NSRegularExpression(pattern: pattern)
    return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
        Range($0.range(at: 1), in: text).map { String(text[$0]) }
    }
}
