import ArgumentParser
import ModelExport

extension ExportFormat: ExpressibleByArgument {}
extension ExportOptions.UndirectedLinks: ExpressibleByArgument {}

/// `relmap export`: the whole model as JSON, CSV tables, GraphML or GEXF, on stdout or into a file.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the model as JSON, CSV tables, GraphML or GEXF, for scripts, spreadsheets, networkx, igraph and Gephi.",
        discussion: """
        Formats: json (the whole model, for scripts), csv (one row per relation), actors-csv (one row per actor) and \
        links-csv (one row per link, Source and Target) for spreadsheets and Gephi's spreadsheet import, graphml \
        (networkx, igraph, yEd, Cytoscape) and gexf (Gephi, with the diagrams' colours and a timeline). Graphs are \
        directed throughout; each edge says whether its relation is directed. docs/exports.md documents every \
        column and attribute.
        """
    )

    @OptionGroup var options: ModelOptions

    @Option(help: "The format: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ExportFormat

    @Option(help: "Write to this file (replaced atomically) instead of stdout.")
    var out: String?

    @Flag(help: "Graph formats: draw each relation of more than two participants as a node linked to each of them, instead of a link between every pair.")
    var hubs = false

    @Option(help: ArgumentHelp("Graph formats: write each link of an undirected relation as one arc (from the participant named first) or as two, one each way.",
                               valueName: "one-arc|two-arcs"))
    var undirected: ExportOptions.UndirectedLinks = .oneArc

    func validate() throws {
        if !format.drawsGraph, hubs || undirected != .oneArc {
            throw ValidationError("--hubs and --undirected apply to the graph formats: actors-csv, links-csv, graphml, gexf")
        }
    }

    func run() throws {
        if out != nil { try Interruption.install(command: "export") }
        let model = try options.load(printWarnings: false)
        let text: String
        do {
            text = try format.render(model, options: ExportOptions(hubs: hubs, undirected: undirected))
        } catch {
            Terminal.error("\(options.model): error: cannot export: \(error)")
            throw SysExit.dataError
        }
        guard let out else {
            return try StandardOutput.write(text)
        }
        do {
            try OutputFile.writeAtomically(text, to: out)
        } catch let error as OutputFile.WriteError {
            Terminal.error(error.description)
            throw SysExit.ioError
        }
    }
}
