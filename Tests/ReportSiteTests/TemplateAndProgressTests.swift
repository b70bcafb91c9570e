import Foundation
import Mustache
import Synchronization
import XCTest
@testable import ReportSite

final class TemplateAndProgressTests: XCTestCase {
    func testATemplateInTheOverrideFolderReplacesTheDefaultOfTheSameNameOnly() throws {
        let overrides = try temporaryFolder()
        try Data("{{<layout}}{{$content}}<p>custom search</p>{{/content}}{{/layout}}".utf8)
            .write(to: URL(fileURLWithPath: overrides + "/search.mustache"))
        try Data("body { color: red; }".utf8).write(to: URL(fileURLWithPath: overrides + "/style.css"))
        let templates = try TemplateSet(defaults: SampleSite.templatesFolder, overrides: overrides)
        let site = try SampleSite.build(templates: templates)
        XCTAssertTrue(site.text(at: "search.html")!.contains("<p>custom search</p>"))
        XCTAssertTrue(site.text(at: "search.html")!.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(site.text(at: "index.html")!.contains("About this build"))
        XCTAssertEqual(site.text(at: "assets/style.css"), "body { color: red; }")
    }

    func testATemplateSyntaxErrorNamesTheTemplateAndLine() {
        XCTAssertThrowsError(try TemplateSet(templates: ["index": "line one\n{{#open}} never closed"])) { error in
            guard case let .syntax(name, line, _, _) = error as? TemplateError else { return XCTFail("\(error)") }
            XCTAssertEqual(name, "index")
            XCTAssertEqual(line, 2)
        }
    }

    func testAnErrorOnTheFirstLineGivesTheColumnInTheTemplateAsWritten() {
        let written = "ab {{/never opened}}"
        var expected: (line: Int, column: Int)?
        do {
            _ = try MustacheTemplate(string: written)
        } catch let error as MustacheTemplate.ParserError {
            expected = (error.context.lineNumber, error.context.columnNumber)
        } catch {}
        XCTAssertThrowsError(try TemplateSet(templates: ["index": written])) { error in
            guard case let .syntax(_, line, column, _) = error as? TemplateError else { return XCTFail("\(error)") }
            XCTAssertEqual(line, expected?.line)
            XCTAssertEqual(column, expected?.column)
        }
    }

    func testValuesAreEscapedExactlyAsMustachesOwnHTMLEscaping() throws {
        let texts = ["plain", "a < b > c & d", "say \"hi\" it's", "&amp; already", "Кыргызстан & 中国 🛰️", "e\u{301} <\u{20}tag>", ""]
        let template = "<p title=\"{{text}}\">{{text}}</p>{{{text}}}"
        var library = MustacheLibrary()
        try library.register(template, named: "page")
        let ours = try TemplateSet(templates: ["page": template])
        for text in texts {
            XCTAssertEqual(try ours.render("page", ["text": text]), library.render(["text": text], withTemplate: "page"), text)
        }
    }

    func testAFailingStepIsReportedWithItsNameAndTheFile() throws {
        let templates = try TemplateSet(defaults: SampleSite.templatesFolder)
        var broken = templates.templates
        broken["actor"] = nil
        let context = try SampleSite.context(templates: try TemplateSet(templates: broken, assets: templates.assets))
        XCTAssertThrowsError(try SiteBuilder(steps: SiteBuilder.pageSteps).build(context)) { error in
            let failure = error as? BuildError
            XCTAssertEqual(failure?.step, "Write actor pages")
            XCTAssertEqual(failure?.path, "actors/kurmanbek-bakiev.html")
        }
    }

    func testPlainProgressPrintsNumberedStepLinesAndQuietPrintsNothing() throws {
        let written = Mutex((plain: "", quiet: ""))
        let context = try SampleSite.context()
        _ = try SiteBuilder(steps: SiteBuilder.pageSteps).build(context, progress: BuildProgress(style: .plain) { line in written.withLock { $0.plain += line } })
        _ = try SiteBuilder(steps: SiteBuilder.pageSteps).build(context, progress: BuildProgress(style: .quiet) { line in written.withLock { $0.quiet += line } })
        let (plain, quiet) = written.withLock { $0 }
        let count = SiteBuilder.pageSteps.count
        XCTAssertTrue(plain.hasPrefix("[1/\(count)] Write view pages\n"), plain)
        for (index, generator) in PageGenerator.all.enumerated() {
            XCTAssertTrue(plain.contains("[\(index + 1)/\(count)] Write \(generator.name)\n"), "each page kind is a step: \(generator.name)")
        }
        XCTAssertTrue(plain.contains("[\(count)/\(count)] Check links\n"))
        XCTAssertEqual(quiet, "")
    }

    func testLiveProgressRewritesOneLine() {
        let output = Mutex("")
        let progress = BuildProgress(style: .live) { text in output.withLock { $0 += text } }
        progress.step(1, of: 2, "one")
        progress.step(2, of: 2, "two")
        progress.finish("done")
        XCTAssertEqual(output.withLock { $0 }, "\r\u{1B}[K[1/2] one\r\u{1B}[K[2/2] two\r\u{1B}[Kdone\n")
    }

    func testProgressIsPlainInCIAndWhenNotATerminal() {
        XCTAssertEqual(BuildProgress.style(quiet: false, isTerminal: true, environment: ["CI": "true"]), .plain)
        XCTAssertEqual(BuildProgress.style(quiet: false, isTerminal: false, environment: [:]), .plain)
        XCTAssertEqual(BuildProgress.style(quiet: false, isTerminal: true, environment: ["TERM": "xterm"]), .live)
        XCTAssertEqual(BuildProgress.style(quiet: true, isTerminal: true, environment: [:]), .quiet)
    }
}
