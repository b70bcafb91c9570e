import ArgumentParser
import ModelSynthesis

/// `relmap synth`: writes a synthetic model of a chosen size, for tests and benchmarks.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write a synthetic, valid model of a chosen size; the same seed gives the same bytes.",
        discussion: "With --out DIR, writes DIR/sources.yaml, DIR/actors.yaml and DIR/relations.yaml; otherwise one YAML document on stdout."
    )

    @Option(help: "How many actors (at least \(ModelSynthesizer.minimumActors)).")
    var actors: Int

    @Option(help: "How many relations.")
    var relations: Int

    @Option(help: "The seed of the pseudo-random generator.")
    var seed: UInt64 = 1

    @Option(help: "A directory to write the three model files into (created when missing).")
    var out: String?

    func validate() throws {
        guard actors >= ModelSynthesizer.minimumActors else {
            throw ValidationError("--actors must be at least \(ModelSynthesizer.minimumActors)")
        }
        guard relations >= 0 else {
            throw ValidationError("--relations must not be negative")
        }
    }

    func run() throws {
        if out != nil { try Interruption.install(command: "synth") }
        let synthesizer = ModelSynthesizer(actors: actors, relations: relations, seed: seed)
        guard let out else {
            return try StandardOutput.write(synthesizer.singleFile())
        }
        do {
            try OutputFile.makeDirectory(out)
            for file in synthesizer.files() {
                try OutputFile.writeAtomically(file.text, to: "\(out)/\(file.name)")
            }
        } catch let error as OutputFile.WriteError {
            Terminal.error(error.description)
            throw SysExit.ioError
        }
    }
}
