import ArgumentParser

/// The `relmap` command: draws a relation model as Graphviz diagrams and a static report site.
@main
struct Relmap: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "relmap",
        abstract: "Draw a relation model of international security relations as diagrams and a static report site.",
        version: version,
        subcommands: [
            ValidateCommand.self,
            RenderCommand.self,
            ExportCommand.self,
            BuildCommand.self,
            SynthCommand.self,
            RenderWorkerCommand.self,
            DotCommand.self,
        ]
    )
}
