import Foundation
import RelationModel
import XCTest

/// Pins that the model shipped in `model/` is clean against the corpus it was extracted from.
final class BundledModelTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testBundledModelValidatesCleanAgainstTheSeedCorpus() throws {
        let corpusDirectory = ProcessInfo.processInfo.environment["RELMAP_CORPUS"]
            ?? Self.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds").path
        try XCTSkipUnless(FileManager.default.fileExists(atPath: corpusDirectory),
                          "the seed corpus is not beside the checkout (../shared/seeds) and RELMAP_CORPUS is not set")
        let loaded = try ModelLoader.load(path: Self.packageRoot.appendingPathComponent("model").path)
        var corpus = Corpus(directory: corpusDirectory)
        let diagnostics = loaded.diagnostics + Validator.validate(loaded.model) + corpus.check(loaded.model)
        XCTAssertEqual(diagnostics.map(\.description), [])
    }

    func testBundledModelCoversTheCorpusBroadly() throws {
        let model = try ModelLoader.load(path: Self.packageRoot.appendingPathComponent("model").path).model
        XCTAssertEqual(model.sources.count, 5)
        XCTAssertGreaterThan(model.actors.count, 60)
        XCTAssertGreaterThan(model.relations.count, 80)
        let types = Set(model.relations.map(\.type))
        for type in [RelationType.membership, .cooperation, .baseDeployment, .dispute, .incident, .meeting, .agreement] {
            XCTAssertTrue(types.contains(type), "no \(type.rawValue) relation")
        }
        XCTAssertFalse(model.relations.filter(\.isDisputedBetweenSources).isEmpty, "the corpus has conflicting sources")
    }
}
