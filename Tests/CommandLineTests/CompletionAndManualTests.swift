import Foundation
import TestProcesses
import XCTest

/// Pins the shell completions (view names, the actor ids of the model on the command line) and the manual
/// page generated from the help text.
final class CompletionAndManualTests: XCTestCase {
    static let model = """
    sources:
      - {id: s1, title: T, publisher: P, published: "2006", file: a.txt}
    actors:
      - {id: kyrgyzstan, name: Kyrgyzstan, kind: state}
      - {id: kazakhstan, name: Kazakhstan, kind: state}
      - {id: uzbekistan, name: Uzbekistan, kind: state}
    relations:
      - {id: r, type: cooperation, participants: [kyrgyzstan, uzbekistan], status: agreed, summary: S, evidence: [{source: s1, paragraph: 1}]}
    """

    /// What the completion script asks relmap for: the words of the command line and the word being completed.
    func complete(_ subcommand: String, _ argument: String, _ words: [String], in directory: URL? = nil) throws -> [String] {
        let result = try Relmap.run(["---completion", subcommand, "--", argument, String(words.count - 1), String(words.last?.count ?? 0)] + words,
                                    directory: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    func testViewNamesCompleteForRenderAndDot() throws {
        XCTAssertEqual(try complete("dot", "positional@0", ["relmap", "dot", "d"]), ["deployments", "disputes"])
        XCTAssertEqual(try complete("render", "positional@0", ["relmap", "render", "o"]), ["overview"])
    }

    func testActorIdsCompleteFromTheModelNamedOnTheCommandLine() throws {
        let scratch = try Scratch()
        let model = try scratch.write("m.yaml", Self.model)
        XCTAssertEqual(try complete("dot", "--actor", ["relmap", "dot", "focus", model, "--actor", "k"]), ["kazakhstan", "kyrgyzstan"])
        XCTAssertEqual(try complete("render", "--actor", ["relmap", "render", "focus", "--model", model, "--actor", "u"]), ["uzbekistan"])
        XCTAssertEqual(try complete("render", "--actor", ["relmap", "render", "focus", "--model=\(model)", "--actor", ""]),
                       ["kazakhstan", "kyrgyzstan", "uzbekistan"])
        XCTAssertEqual(try complete("dot", "--actor", ["relmap", "dot", "focus", "--actor", "k"], in: scratch.url), [],
                       "no model, no candidates, and nothing printed")
        try scratch.write("model/actors.yaml", Self.model)
        XCTAssertEqual(try complete("dot", "--actor", ["relmap", "dot", "focus", "--actor", "ky"], in: scratch.url), ["kyrgyzstan"],
                       "the folder `model` where none is named")
    }

    func testEveryShellsScriptAsksRelmapForActorsAndViews() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try Relmap.run(["--generate-completion-script", shell])
            XCTAssertEqual(script.status, 0, script.stderr)
            XCTAssertTrue(script.stdout.contains("---completion dot -- --actor"), shell)
            XCTAssertTrue(script.stdout.contains("---completion render -- positional@0"), shell)
        }
    }

    /// swift-argument-parser's generate-manual, which `make test` builds beside relmap.
    func testTheManualPageNamesEverySubcommandAndTheNewOptions() throws {
        let tool = Relmap.binary.deletingLastPathComponent().appendingPathComponent("generate-manual")
        guard FileManager.default.isExecutableFile(atPath: tool.path) else {
            throw XCTSkip("generate-manual is not built (swift build --product generate-manual; make test builds it)")
        }
        let scratch = try Scratch()
        var manual = Subprocess(tool.path, [Subprocess.relmap, "--output-directory", scratch.url.path, "--date", "2026-01-02"])
        manual.stdout = .discarded
        let result = try manual.run()
        XCTAssertEqual(result.status, 0, result.stderrText)
        let page = try String(contentsOfFile: scratch.path("relmap.1"), encoding: .utf8)
        XCTAssertTrue(page.contains(".Dt RELMAP 1"))
        XCTAssertTrue(page.contains(".Dd January 2, 2026"))
        for subcommand in ["validate", "render", "export", "schema", "build", "synth", "dot"] {
            XCTAssertTrue(page.contains(".It Em \(subcommand)\n"), subcommand)
        }
        XCTAssertTrue(page.contains("--generate-completion-script"))
        XCTAssertTrue(page.contains("Fl -hubs"))
    }
}
