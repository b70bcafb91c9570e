import Foundation
import RelationModel
import XCTest

/// Pins that `docs/coverage.md`, the table of every corpus paragraph with the relations citing it, and the
/// bundled model agree. Both are in the repository, so this runs without the corpus.
final class CoverageTableTests: XCTestCase {
    /// One row of the table.
    struct Row {
        var source: String
        var paragraph: Int
        /// Relation ids, each with whether the row marks it as citing the paragraph only in a claim.
        var relations: [(id: String, onlyInClaims: Bool)]
        var reason: String
        var line: Int
    }

    static let root = BundledModelTests.packageRoot

    func rows() throws -> [Row] {
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/coverage.md"), encoding: .utf8)
        var source: String?
        var rows: [Row] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("## `") {
                source = String(line.dropFirst(4).prefix { $0 != "`" })
                continue
            }
            guard line.hasPrefix("| "), let first = line.dropFirst(2).split(separator: " ").first, let number = Int(first) else { continue }
            let cells = line.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            XCTAssertEqual(cells.count, 4, "line \(index + 1) should have four cells")
            let source = try XCTUnwrap(source, "line \(index + 1) is outside a source's section")
            let relations = cells[2] == "—" ? [] : try cells[2].components(separatedBy: ", ").map { item -> (String, Bool) in
                let parts = item.split(separator: "`", omittingEmptySubsequences: false)
                XCTAssertEqual(parts.count, 3, "line \(index + 1): '\(item)' should be a relation id in backticks")
                let marker = try XCTUnwrap(parts.last).trimmingCharacters(in: .whitespaces)
                XCTAssertTrue(["", "(claim)"].contains(marker), "line \(index + 1): unknown marker '\(marker)'")
                return (String(parts[1]), marker == "(claim)")
            }
            rows.append(Row(source: source, paragraph: number, relations: relations, reason: cells[3], line: index + 1))
        }
        return rows
    }

    func model() throws -> RelationModel {
        try ModelLoader.load(path: Self.root.appendingPathComponent("model").path).model
    }

    func testEveryParagraphOfEverySourceIsListedOnceInOrder() throws {
        let rows = try rows()
        let model = try model()
        XCTAssertEqual(Set(rows.map(\.source)), Set(model.sources.map(\.id)), "one section per source")
        for source in model.sources {
            let count = try XCTUnwrap(source.paragraphs, "source '\(source.id)' records no paragraph count")
            XCTAssertEqual(rows.filter { $0.source == source.id }.map(\.paragraph), Array(1...count), source.id)
        }
    }

    func testEveryListedRelationExistsAndCitesItsParagraph() throws {
        let model = try model()
        for row in try rows() {
            for listed in row.relations {
                let relation = try XCTUnwrap(model.relation(listed.id), "line \(row.line): no relation '\(listed.id)'")
                let inEvidence = relation.evidence.contains { $0.source == row.source && $0.paragraph == row.paragraph }
                let inClaims = relation.claims.flatMap(\.evidence).contains { $0.source == row.source && $0.paragraph == row.paragraph }
                XCTAssertTrue(inEvidence || inClaims, "line \(row.line): '\(listed.id)' does not cite \(row.source) ¶\(row.paragraph)")
                XCTAssertEqual(listed.onlyInClaims, !inEvidence, "line \(row.line): '\(listed.id)' is marked (claim) only when it cites the paragraph in claims alone")
            }
        }
    }

    func testEveryCitedParagraphListsEveryRelationCitingIt() throws {
        let rows = try rows()
        let listed = Dictionary(grouping: rows, by: { "\($0.source) \($0.paragraph)" }).mapValues { Set($0.flatMap { $0.relations.map(\.id) }) }
        for relation in try model().relations {
            for pointer in relation.evidence + relation.claims.flatMap(\.evidence) {
                XCTAssertTrue(listed["\(pointer.source) \(pointer.paragraph)"]?.contains(relation.id) == true,
                              "\(pointer.source) ¶\(pointer.paragraph) does not list '\(relation.id)', which cites it")
            }
        }
    }

    func testAParagraphWithNoRelationSaysWhy() throws {
        for row in try rows() where row.relations.isEmpty {
            XCTAssertFalse(row.reason.isEmpty, "line \(row.line): \(row.source) ¶\(row.paragraph) holds no relation and gives no reason")
        }
    }

    /// The table counts paragraphs as the corpus check does; this needs the documents themselves.
    func testTheTableHasAsManyParagraphsAsTheDocuments() throws {
        // RELMAP_CORPUS names the corpus where it is not beside the checkout (.ci/run's clone).
        let candidates = [ProcessInfo.processInfo.environment["RELMAP_CORPUS"],
                          Self.root.deletingLastPathComponent().appendingPathComponent("shared/seeds").path].compactMap { $0 }
        guard let corpus = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw XCTSkip("the seed corpus is not beside the checkout (../shared/seeds) and RELMAP_CORPUS is not set")
        }
        let rows = try rows()
        var reader = Corpus(directory: corpus)
        for source in try model().sources {
            let paragraphs = try XCTUnwrap(reader.paragraphs(of: source.file), source.file)
            XCTAssertEqual(rows.filter { $0.source == source.id }.count, paragraphs.count, source.id)
        }
    }
}
