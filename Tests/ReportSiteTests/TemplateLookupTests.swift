import Mustache
import XCTest
@testable import ReportSite

/// Pins that the template values' lookups by name give exactly what reflection would, for every value on every
/// page of the sample site, whatever its type. (A field missing from a lookup does not compile: each lookup
/// switches over its type's coding keys.)
final class TemplateLookupTests: XCTestCase {
    func testEveryValueOnEveryPageIsFoundByNameAsReflectionFindsIt() throws {
        var checked: Set<String> = []
        for page in try SamplePages.templatePages() {
            walk(page.values, at: page.path, checked: &checked)
        }
        XCTAssertGreaterThan(checked.count, 15, "\(checked.sorted())")
    }

    /// Checks `value` if it looks its fields up itself, then every value inside it.
    private func walk(_ value: Any, at path: String, checked: inout Set<String>) {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            return mirror.children.forEach { walk($0.value, at: path, checked: &checked) }
        }
        if let parent = value as? MustacheParent {
            checked.insert(String(reflecting: type(of: value)))
            for field in mirror.children where !(value is RelationRow && field.label == "rendering") {
                let label = field.label!
                XCTAssertEqual(describe(parent.child(named: label)), describe(field.value), "\(path): \(type(of: value)).\(label)")
            }
            XCTAssertNil(parent.child(named: "noSuchField"), "\(type(of: value))")
        }
        // An inline drawing reads the site; its own fields are the diagram's.
        guard !(value is InlineSVG), !(value is RenderedRows) else { return }
        for field in mirror.children { walk(field.value, at: path, checked: &checked) }
    }

    func testATableInsertsEachRowAsTheRowTemplateRendersItFromTheRowAlone() throws {
        let templates = try TemplateSet(templates: [
            "relation-row": "<tr><td>{{id}}</td><td>{{summary}}</td><td>{{root}}</td></tr>\n",
            "table": "<tbody>\n{{#rows}}\n{{{html}}}\n{{/rows}}\n</tbody>\n",
        ])
        let rendering = RenderedRows(templates: templates)
        func row(_ id: String, _ summary: String) -> RelationRow {
            RelationRow(id: id, rowAnchor: nil, kind: "meeting", period: "", sortDate: "", status: "ended", parties: [], place: nil,
                        summary: summary, figures: nil, citations: [], conflictHref: nil, rendering: rendering)
        }
        let page = try templates.render("table", ["root": "../", "rows": [row("r1", "A & B"), row("r2", "C"), row("r1", "A & B")]])
        XCTAssertEqual(page, """
            <tbody>
            <tr><td>r1</td><td>A &amp; B</td><td></td></tr>
            <tr><td>r2</td><td>C</td><td></td></tr>
            <tr><td>r1</td><td>A &amp; B</td><td></td></tr>
            </tbody>

            """)
    }

    func testAProcessKeepsItsRenderedRowsForBuildsWithTheSameTemplatesOnly() throws {
        let memory = BuildMemory()
        let templates = try TemplateSet(templates: ["relation-row": "<tr>{{id}}</tr>\n"])
        let same = try TemplateSet(templates: ["relation-row": "<tr>{{id}}</tr>\n"])
        let edited = try TemplateSet(templates: ["relation-row": "<tr class=\"x\">{{id}}</tr>\n"])
        let first = memory.rows(for: templates)
        XCTAssertTrue(memory.rows(for: same) === first)
        let after = memory.rows(for: edited)
        XCTAssertFalse(after === first)
        let row = RelationRow(id: "r1", rowAnchor: nil, kind: "meeting", period: "", sortDate: "", status: "ended", parties: [], place: nil,
                              summary: "", figures: nil, citations: [], conflictHref: nil)
        XCTAssertEqual(after.html(row), #"<tr class="x">r1</tr>"#)
    }

    /// A value's description with any optional unwrapped, "nil" for none.
    private func describe(_ value: Any?) -> String {
        guard let value else { return "nil" }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return String(describing: value) }
        return mirror.children.first.map { describe($0.value) } ?? "nil"
    }
}
