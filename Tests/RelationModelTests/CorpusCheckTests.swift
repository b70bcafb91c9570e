import Foundation
import RelationModel
import XCTest

/// Pins `validate --corpus`: evidence pointers checked against the documents' text.
final class CorpusCheckTests: XCTestCase {
    var corpus: URL!

    override func setUpWithError() throws {
        corpus = FileManager.default.temporaryDirectory.appendingPathComponent("relmap-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let text = """
        Thaw in Uzbek-Kyrgyz relations

        Presidents Karimov and Bakiyev met in Tashkent on Saturday.
           
        Kyrgyzstan and Uzbekistan agreed to fight terrorism together.
        """
        try Data(text.utf8).write(to: corpus.appendingPathComponent("a.txt"))
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: corpus)
    }

    static let actors = """
    actors:
      - {id: kgz, name: Kyrgyzstan, kind: state, iso3: KGZ, location: {lat: 42.87, lon: 74.59}}
      - {id: uzb, name: Uzbekistan, kind: state, iso3: UZB, location: {lat: 41.3, lon: 69.24}}
      - {id: bakiev, name: Kurmanbek Bakiev, kind: person, aliases: [Bakiyev], country: kgz}
      - {id: karimov, name: Islam Karimov, kind: person, aliases: [Karimov], country: uzb}

    """

    /// Corpus-check diagnostics (sources from line 7, relations from line 9) for a model of these sources and relations over the temporary corpus.
    func check(sources: String, relations: String) -> [String] {
        let yaml = Self.actors + "sources:\n" + sources + (relations.isEmpty ? "\nrelations: []\n" : "\nrelations:\n" + relations + "\n")
        let loaded = ModelLoader.load([(name: "m.yaml", data: Data(yaml.utf8))])
        XCTAssertEqual(DiagnosticReport(loaded.diagnostics + Validator.validate(loaded.model)).diagnostics, [])
        var reader = Corpus(directory: corpus.path)
        return DiagnosticReport(reader.check(loaded.model)).diagnostics.map(\.description)
    }

    static let source = "  - {id: s, title: T, publisher: P, published: \"2006\", file: a.txt}"

    func testParagraphsAreTheNonEmptyLinesCountedFromOne() {
        XCTAssertEqual(Corpus.paragraphs(in: "one\n\n  two  \n   \nthree\r\nfour"), ["one", "two", "three", "four"])
    }

    func testMatchingEvidenceGivesNoDiagnostics() {
        XCTAssertEqual(check(sources: Self.source,
                             relations: "  - {id: r, type: cooperation, participants: [kgz, uzb], status: agreed, summary: S, evidence: [{source: s, paragraph: 3}]}"),
                       [])
    }

    func testMissingCorpusFileIsAnErrorAtTheSource() {
        XCTAssertEqual(check(sources: "  - {id: s, title: T, publisher: P, published: \"2006\", file: missing.txt}", relations: ""),
                       ["m.yaml:7:5: error: corpus file 'missing.txt' of source 's' is missing or unreadable in \(corpus.path)"])
    }

    func testMissingParagraphIsAnErrorAtThePointer() {
        XCTAssertEqual(check(sources: Self.source,
                             relations: "  - {id: r, type: cooperation, participants: [kgz, uzb], status: agreed, summary: S, evidence: [{source: s, paragraph: 4}]}"),
                       ["m.yaml:9:120: error: paragraph 4 does not exist: 'a.txt' has 3 paragraphs"])
    }

    func testParticipantNotMentionedIsAWarning() {
        XCTAssertEqual(check(sources: Self.source,
                             relations: "  - {id: r, type: cooperation, participants: [kgz, uzb], status: agreed, summary: S, evidence: [{source: s, paragraph: 2}]}"), [
            "m.yaml:9:120: warning: relation 'r': the paragraphs cited from 's' do not mention 'Kyrgyzstan' by name or alias",
            "m.yaml:9:120: warning: relation 'r': the paragraphs cited from 's' do not mention 'Uzbekistan' by name or alias",
        ])
    }

    func testAliasMentionIsEnough() {
        XCTAssertEqual(check(sources: Self.source,
                             relations: "  - {id: r, type: meeting, participants: [bakiev, karimov], status: ended, summary: S, evidence: [{source: s, paragraph: 2}]}"),
                       [])
    }

    func testMentionsMayBeSpreadOverTheCitedParagraphsOfOneSource() {
        XCTAssertEqual(check(sources: Self.source,
                             relations: "  - {id: r, type: meeting, participants: [bakiev, uzb], status: ended, summary: S, evidence: [{source: s, paragraph: 2}, {source: s, paragraph: 3}]}"),
                       [])
    }

    func testRecordedParagraphCountThatDisagreesWithTheFileIsAWarning() {
        XCTAssertEqual(check(sources: "  - {id: s, title: T, publisher: P, published: \"2006\", file: a.txt, paragraphs: 5}", relations: ""),
                       ["m.yaml:7:5: warning: source 's' records 5 paragraphs but 'a.txt' has 3"])
    }

    func testCorpusFileNamesCannotLeaveTheCorpusFolder() {
        var reader = Corpus(directory: corpus.path)
        XCTAssertNil(reader.paragraphs(of: "../a.txt"))
        XCTAssertNotNil(reader.paragraphs(of: "a.txt"))
    }
}
