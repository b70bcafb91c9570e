import Foundation
import ModelSynthesis
import RelationModel
import XCTest

/// Pins `relmap synth`: valid, varied, deterministic, quick.
final class SynthCommandTests: XCTestCase {
    func testSynthesizedModelOf200ActorsValidatesClean() throws {
        let scratch = try Scratch()
        let synth = try Relmap.run(["synth", "--actors", "200", "--relations", "600", "--seed", "42", "--out", scratch.path("model")])
        XCTAssertEqual(synth.status, 0, synth.stderr)
        let validate = try Relmap.run(["validate", scratch.path("model")])
        XCTAssertEqual(validate.status, 0, validate.stderr)
        XCTAssertTrue(validate.stderr.hasSuffix("200 actors, 600 relations; 0 errors, 0 warnings\n"), validate.stderr)
        for name in ["sources.yaml", "actors.yaml", "relations.yaml"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path("model/\(name)")), name)
        }
    }

    func testSynthWithoutOutWritesOneValidDocumentToStdout() throws {
        let synth = try Relmap.run(["synth", "--actors", "30", "--relations", "40"])
        XCTAssertEqual(synth.status, 0, synth.stderr)
        let loaded = ModelLoader.load([(name: "stdout.yaml", data: Data(synth.stdout.utf8))])
        XCTAssertEqual(DiagnosticReport(loaded.diagnostics + Validator.validate(loaded.model)).diagnostics, [])
        XCTAssertEqual(loaded.model.actors.count, 30)
        XCTAssertEqual(loaded.model.relations.count, 40)
    }

    func testTooFewActorsIsAUsageError() throws {
        let synth = try Relmap.run(["synth", "--actors", "3", "--relations", "5"])
        XCTAssertEqual(synth.status, 64, synth.stderr)
    }

    func testSameSeedGivesTheSameBytesAndAnotherSeedDifferent() {
        let first = ModelSynthesizer(actors: 100, relations: 300, seed: 9).files()
        XCTAssertEqual(first, ModelSynthesizer(actors: 100, relations: 300, seed: 9).files())
        XCTAssertNotEqual(first, ModelSynthesizer(actors: 100, relations: 300, seed: 10).files())
    }

    func testSplitMix64MatchesTheReferenceSequence() {
        // The first outputs for seed 0 from the reference C implementation.
        var generator = SplitMix64(seed: 0)
        XCTAssertEqual([generator.next(), generator.next(), generator.next()],
                       [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    func testModelHasEveryRelationTypeActorKindAndSomeConflicts() throws {
        let model = try load(ModelSynthesizer(actors: 200, relations: 400, seed: 1))
        XCTAssertEqual(Set(model.relations.map(\.type)), Set(RelationType.allCases))
        XCTAssertEqual(Set(model.actors.map(\.kind)), Set(ActorKind.allCases))
        XCTAssertTrue(model.actors.filter { $0.kind == .state }.allSatisfy { $0.coordinate != nil && $0.iso3 != nil })
        XCTAssertGreaterThan(model.relations.filter(\.isDisputedBetweenSources).count, 3)
        XCTAssertTrue(model.relations.allSatisfy { !$0.evidence.isEmpty })
        let years = try XCTUnwrap(model.period)
        XCTAssertGreaterThanOrEqual(years.count, 40, "dates should span decades")
        let members = Dictionary(grouping: model.relations.filter { $0.type == .membership }, by: { $0.participants[1] })
        XCTAssertGreaterThanOrEqual(members.values.map(\.count).max() ?? 0, 10, "some organization should have many members")
    }

    func testAwkwardNamesRoundTripThroughTheWrittenYAML() throws {
        let names = ["\"]; a -> b [", "Front: East", "key: value", "# not a comment", "- dash", "O'Hara & Sons", "back\\slash",
                     "tab\there", "two\nlines", "yes", "null", "~", " padded ", "Ünal Çelik", "line\u{2028}separator",
                     "<script>alert(1)</script>", "javascript:alert(1)", "{a: [b]}", "100", "@home", "`tick`", "%percent"]
        var yaml = "actors:\n"
        for (index, name) in names.enumerated() {
            yaml += "  - {id: a\(index), name: \(YAMLQuoting.quoted(name)), kind: organization}\n"
        }
        let loaded = ModelLoader.load([(name: "m.yaml", data: Data(yaml.utf8))])
        XCTAssertEqual(loaded.diagnostics, [])
        XCTAssertEqual(loaded.model.actors.map(\.name), names)
    }

    func testSynthesizedAwkwardNamesReadBackAsWritten() throws {
        let model = try load(ModelSynthesizer(actors: 400, relations: 10, seed: 5))
        let names = model.actors.map(\.name)
        XCTAssertTrue(names.contains { $0.hasSuffix(" \"Northern\" Union") })
        XCTAssertTrue(names.contains { $0.hasSuffix(" key: value") })
        XCTAssertTrue(names.contains { $0.hasSuffix(" back\\slash") })
    }

    func testTenThousandActorsAndThirtyThousandRelationsAreQuick() {
        let start = Date()
        let files = ModelSynthesizer(actors: 10_000, relations: 30_000, seed: 2).files()
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
        XCTAssertTrue(files.allSatisfy { $0.text.utf8.count < ModelLoader.maximumFileSize }, "each file must stay loadable")
    }

    func load(_ synthesizer: ModelSynthesizer) throws -> RelationModel {
        let loaded = ModelLoader.load(synthesizer.files().map { (name: $0.name, data: Data($0.text.utf8)) })
        let report = DiagnosticReport(loaded.diagnostics + Validator.validate(loaded.model))
        XCTAssertEqual(report.diagnostics, [])
        return loaded.model
    }
}
