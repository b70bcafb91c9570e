import ArgumentParser
import Foundation
import RelationModel
import Views

/// What the shell completions offer beyond option names: view names, and the actor ids of the model the
/// command line names (`--model PATH`, or a model path among the words, else `model`).
enum Completions {
    static let views = CompletionKind.custom { _, _, prefix in
        ViewCatalog.viewIDs.filter { $0.hasPrefix(prefix) }
    }

    static let actors = CompletionKind.custom { words, _, prefix in
        actorIDs(inModelNamedBy: words).filter { $0.hasPrefix(prefix) }
    }

    /// The actor ids of the model the words name, sorted; none when it cannot be read. Completion must not
    /// print errors, so the model is only loaded, not validated.
    static func actorIDs(inModelNamedBy words: [String]) -> [String] {
        let path = modelPath(in: words)
        guard FileManager.default.fileExists(atPath: path), let loaded = try? ModelLoader.load(path: path) else { return [] }
        return loaded.model.actors.map(\.id).sorted()
    }

    /// The value of `--model`, else the first word after the subcommand that names a YAML file or a folder
    /// (the positional model of `dot`, `export`, `validate`…), else `model`.
    static func modelPath(in words: [String]) -> String {
        for (index, word) in words.enumerated() {
            if word == "--model", index + 1 < words.count { return unquoted(words[index + 1]) }
            if word.hasPrefix("--model=") { return unquoted(String(word.dropFirst("--model=".count))) }
        }
        for word in words.dropFirst(2).map(unquoted) where !word.hasPrefix("-") {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: word, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue || word.hasSuffix(".yaml") || word.hasSuffix(".yml") { return word }
        }
        return "model"
    }

    /// A shell word without the quotes around it (words come to completion as typed).
    private static func unquoted(_ word: String) -> String {
        guard word.count >= 2, let first = word.first, first == word.last, first == "\"" || first == "'" else { return word }
        return String(word.dropFirst().dropLast())
    }
}
