import Foundation
import RelationModel
import XCTest
@testable import ReportSite

/// Pins the page memo: a page whose template and values are unchanged is taken from the previous site, and
/// anything else is rendered.
final class PageMemoTests: XCTestCase {
    struct Row: Encodable { var name: String; var count: Int; var note: String?; var title: String? }
    struct Body: Encodable { var title: String?; var rows: [Row]; var ratio: Double }

    func digest(_ value: Any) -> String? {
        PageMemo(salt: "s").inputs(template: "page", context: value)
    }

    func testEqualValuesGiveEqualInputsAndAnyChangedFieldAnother() {
        let body = Body(title: "T", rows: [Row(name: "a", count: 1, note: nil, title: nil)], ratio: 0.5)
        XCTAssertEqual(digest(body), digest(body))
        var changed = [body, body, body, body, body, body]
        changed[0].title = "U"
        changed[1].rows[0].note = ""
        changed[2].rows.append(Row(name: "", count: 0, note: nil, title: nil))
        changed[3].ratio = 0.5000001
        changed[4].rows[0].count = 2
        changed[5].rows[0].name = "b"
        XCTAssertEqual(Set(([body] + changed).map { digest($0) }).count, 7)
        XCTAssertNotEqual(PageMemo(salt: "s").inputs(template: "other", context: body), digest(body))
        XCTAssertNotEqual(PageMemo(salt: "t").inputs(template: "page", context: body), digest(body))
    }

    func testAnOptionalFieldMovedFromAListedValueToItsParentChangesTheInputs() {
        struct Item: Encodable { var name: String; var title: String? }
        struct List: Encodable { var items: [Item]; var title: String? }
        let inner = List(items: [Item(name: "a", title: "x")], title: nil)
        let outer = List(items: [Item(name: "a", title: nil)], title: "x")
        XCTAssertNotEqual(digest(inner), digest(outer))
    }

    func testValuesThatFeedTheDigestThemselvesFeedWhatTheirEncodableConformanceFeeds() throws {
        func digest(_ value: Any, direct: Bool) -> String? {
            var digest = TemplateValueDigest(direct: direct)
            guard digest.add(value: value) else { return nil }
            return digest.hexadecimal
        }
        let link = ActorLink(name: "Kyrgyzstan", href: "../actors/kyrgyzstan.html", kind: "state", separator: ", ")
        let citation = CitationLink(label: "RFE/RL 2006, ¶3", href: "../sources/s.html#p3", title: "Title")
        let full = RelationRow(id: "r1", rowAnchor: "rel-r1", kind: "dispute", period: "2006", sortDate: "2006", status: "ongoing",
                               type: "dispute", years: "2006 open",
                               parties: [link, link], place: link, summary: "Summary", figures: "4 dead", citations: [citation],
                               conflictHref: "../conflicts.html#r1")
        let bare = RelationRow(id: "r2", rowAnchor: nil, kind: "meeting", period: "", sortDate: "", status: "ended",
                               type: "meeting", years: "never",
                               parties: [], place: nil, summary: "", figures: nil, citations: [], conflictHref: nil)
        let values: [Any] = [link, citation, full, bare, RowList(heading: "Disputes", listAnchor: nil, rows: [full, bare])]
        for value in values {
            XCTAssertNotNil(digest(value, direct: true))
            XCTAssertEqual(digest(value, direct: true), digest(value, direct: false), "\(type(of: value))")
        }
        XCTAssertNotEqual(digest(full, direct: true), digest(bare, direct: true))

        let context = try SampleSite.context(model: SampleSite.model())
        for actor in context.model.actors {
            let path = "actors/\(actor.id).html"
            let body = ActorBody(actor: actor, context: context, index: ActorIndex(context: context),
                                 linker: PageLinker(context: context, path: path))
            let page = PageContext(path: path, title: actor.name, description: "", context: context, page: body)
            XCTAssertEqual(digest(page, direct: true), digest(page, direct: false), actor.id)
        }
    }

    func testEveryPageOfTheSampleSiteIsMemoisedAndItsValuesFeedTheDigestAsTheirEncodableConformanceDoes() throws {
        let memo = PageMemo(salt: "s")
        for page in try SamplePages.templatePages() {
            var direct = TemplateValueDigest(direct: true), encoded = TemplateValueDigest(direct: false)
            XCTAssertTrue(direct.add(value: page.values), page.path)
            XCTAssertTrue(encoded.add(value: page.values), page.path)
            XCTAssertEqual(direct.hexadecimal, encoded.hexadecimal, "\(page.path): a field of a value that feeds the digest itself is missing")
            XCTAssertNotNil(memo.inputs(template: page.template, context: page.values), page.path)
        }
    }

    func testValuesThatAreNotEncodableAreNotMemoised() {
        struct WithClosure { var make: () -> String }
        final class Object { var name = "x" }
        XCTAssertNil(digest(WithClosure(make: { "x" })))
        XCTAssertNil(digest(Object()))
    }

    func testAnInlineDiagramIsDigestedByItsSVGDigestAndRenderedFromItsFileOnlyWhenThePageIs() {
        let svg = #"<?xml version="1.0"?><svg width="10pt" height="5pt"><a xlink:href="../actors/k.html">K</a></svg>"#
        let site = Site(files: ["diagrams/focus-k.svg": Data(svg.utf8)])
        let drawn = SiteDiagram(id: "focus-k", title: "K", caption: "C", svgDigest: "1")
        let inline = InlineSVG(diagram: drawn, root: "../", site: site)
        XCTAssertEqual(digest(inline), digest(InlineSVG(diagram: drawn, root: "../", site: Site())),
                       "deciding whether a page changed does not read the drawing")
        var redrawn = drawn
        redrawn.svgDigest = "2"
        XCTAssertNotEqual(digest(inline), digest(InlineSVG(diagram: redrawn, root: "../", site: site)))
        XCTAssertNotEqual(digest(inline), digest(InlineSVG(diagram: drawn, root: "", site: site)))

        XCTAssertTrue(inline.renderText.hasPrefix("<svg width=\"100%\""))
        XCTAssertTrue(inline.renderText.contains(#"<title id="focus-k-title">K</title>"#))
        XCTAssertTrue(inline.renderText.contains(#"xlink:href="../actors/k.html""#))
        XCTAssertTrue(InlineSVG(diagram: drawn, root: "", site: site).renderText.contains(#"xlink:href="actors/k.html""#))
    }

    /// The pages a build's link check read, and all of its pages.
    final class LinkCheckScope {
        var checked: [String] = []
        var pages: [String] = []
    }

    /// Builds the sample site into `output`, staged and swapped in as `relmap build` does, with `memo`; returns
    /// which pages the link check read.
    @discardableResult
    func build(_ model: RelationModel, templates: TemplateSet, into output: String, memo: PageMemo) throws -> LinkCheckScope {
        let writer = SiteWriter(output: output)
        var context = try SampleSite.context(model: model, templates: templates)
        context.pageMemo = memo
        context.site = try writer.stage()
        let scope = LinkCheckScope()
        let noteScope = BuildStep("Note the pages the link check reads") { context in
            let checker = LinkChecker(site: context.site)
            scope.checked = checker.pagesToCheck(after: context.pageMemo)
            scope.pages = checker.pages
        }
        let site = try SiteBuilder(steps: SiteBuilder.pageSteps + [noteScope]).build(context)
        try writer.commit(site)
        memo.save(in: writer.cacheFolder, files: site.paths)
        return scope
    }

    /// The bytes of every file under `folder`, by relative path.
    func files(under folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files[path] = FileManager.default.contents(atPath: folder + "/" + path)
        }
        return files
    }

    func testAfterAnEditTheLinkCheckReadsOnlyThePagesWhoseBytesChanged() throws {
        let output = try temporaryFolder() + "/output"
        let cache = SiteWriter(output: output).cacheFolder
        let templates = try TemplateSet(defaults: SampleSite.templatesFolder)
        let first = try build(SampleSite.model(), templates: templates, into: output, memo: PageMemo(salt: "s"))
        XCTAssertEqual(first.checked, first.pages, "a build without a memo checks every page")
        let before = try files(under: output)
        let second = try build(SampleSite.model(extraActorName: "Lonelier Place"), templates: templates, into: output,
                               memo: PageMemo.load(from: cache, salt: "s"))
        let after = try files(under: output)
        let changed = second.pages.filter { before[$0] != after[$0] }
        XCTAssertFalse(changed.isEmpty)
        XCTAssertLessThan(changed.count, second.pages.count)
        XCTAssertEqual(second.checked, changed)
    }

    func testEveryPageIsCheckedWhenAPageLostAnIdOrAFileOfTheLastBuildIsGone() throws {
        let templates = try TemplateSet(defaults: SampleSite.templatesFolder)
        let model = SampleSite.model()
        let withoutMeeting = RelationModel(sources: model.sources, actors: model.actors,
                                           relations: model.relations.filter { $0.id != "bakiev-visit" })
        let withoutPlace = RelationModel(sources: model.sources, actors: model.actors.filter { $0.id != "lonely" },
                                         relations: model.relations)
        for edited in [withoutMeeting, withoutPlace] {
            let output = try temporaryFolder() + "/output"
            try build(model, templates: templates, into: output, memo: PageMemo(salt: "s"))
            let scope = try build(edited, templates: templates, into: output,
                                  memo: PageMemo.load(from: SiteWriter(output: output).cacheFolder, salt: "s"))
            XCTAssertEqual(scope.checked, scope.pages)
        }
    }

    func testEveryPageIsCheckedWhenTheLastBuildsPageWasEditedOnDisk() throws {
        let output = try temporaryFolder() + "/output"
        let templates = try TemplateSet(defaults: SampleSite.templatesFolder)
        try build(SampleSite.model(), templates: templates, into: output, memo: PageMemo(salt: "s"))
        try Data("edited by hand".utf8).write(to: URL(fileURLWithPath: output + "/actors/lonely.html"))
        let scope = try build(SampleSite.model(extraActorName: "Lonelier Place"), templates: templates, into: output,
                              memo: PageMemo.load(from: SiteWriter(output: output).cacheFolder, salt: "s"))
        XCTAssertEqual(scope.checked, scope.pages)
    }

    func testAnUnchangedPageIsTakenFromThePreviousSiteAndAChangedOneRenderedAgain() throws {
        let output = try temporaryFolder() + "/output"
        let cache = SiteWriter(output: output).cacheFolder
        let templates = try TemplateSet(defaults: SampleSite.templatesFolder)
        try build(SampleSite.model(), templates: templates, into: output, memo: PageMemo(salt: "s"))
        let before = try String(contentsOfFile: output + "/actors/sco.html", encoding: .utf8)

        // The same salt with a different actor template: only a page whose values changed shows the new template,
        // which proves the others were not rendered again.
        let overrides = try temporaryFolder()
        try (templates.templates["actor"]! + "<p>marked</p>\n").write(toFile: overrides + "/actor.mustache", atomically: true, encoding: .utf8)
        let marked = try TemplateSet(defaults: SampleSite.templatesFolder, overrides: overrides)
        try build(SampleSite.model(extraActorName: "Lonelier Place"), templates: marked, into: output, memo: PageMemo.load(from: cache, salt: "s"))
        XCTAssertEqual(try String(contentsOfFile: output + "/actors/sco.html", encoding: .utf8), before)
        XCTAssertTrue(try String(contentsOfFile: output + "/actors/lonely.html", encoding: .utf8).contains("marked"))
    }

    func testAPreviousPageEditedOnDiskIsRenderedAgain() throws {
        let output = try temporaryFolder() + "/output"
        let cache = SiteWriter(output: output).cacheFolder
        let templates = try TemplateSet(defaults: SampleSite.templatesFolder)
        try build(SampleSite.model(), templates: templates, into: output, memo: PageMemo(salt: "s"))
        let page = output + "/actors/sco.html"
        let rendered = try Data(contentsOf: URL(fileURLWithPath: page))
        try Data("edited by hand".utf8).write(to: URL(fileURLWithPath: page))
        try build(SampleSite.model(), templates: templates, into: output, memo: PageMemo.load(from: cache, salt: "s"))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: page)), rendered)
    }

    func testAMemoSavedWithAnotherSaltIsIgnored() throws {
        let output = try temporaryFolder() + "/output"
        let cache = SiteWriter(output: output).cacheFolder
        let templates = try TemplateSet(defaults: SampleSite.templatesFolder)
        try build(SampleSite.model(), templates: templates, into: output, memo: PageMemo(salt: "s"))
        XCTAssertGreaterThan(PageMemo.load(from: cache, salt: "s").rememberedPages, 0)
        XCTAssertEqual(PageMemo.load(from: cache, salt: "other").rememberedPages, 0)
    }
}
