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

    func testValuesThatAreNotEncodableAreNotMemoised() {
        struct WithClosure { var make: () -> String }
        final class Object { var name = "x" }
        XCTAssertNil(digest(WithClosure(make: { "x" })))
        XCTAssertNil(digest(Object()))
    }

    /// Builds the sample site into `output`, staged and swapped in as `relmap build` does, with `memo`.
    func build(_ model: RelationModel, templates: TemplateSet, into output: String, memo: PageMemo) throws {
        let writer = SiteWriter(output: output)
        var context = try SampleSite.context(model: model, templates: templates)
        context.pageMemo = memo
        context.site = try writer.stage()
        let site = try SiteBuilder(steps: SiteBuilder.pageSteps).build(context)
        try writer.commit(site)
        memo.save(in: writer.cacheFolder)
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
