import ArgumentParser
import RelationModel
import Views

/// `relmap dot VIEW`: prints one view of the model as Graphviz DOT.
struct DotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dot",
        abstract: "Print one view of the model as Graphviz DOT on stdout.",
        discussion: "Views: \(ViewCatalog.viewIDs.joined(separator: ", ")). The focus view needs --actor."
    )

    @Argument(help: "The view to draw: \(ViewCatalog.viewIDs.joined(separator: ", ")).", completion: Completions.views)
    var view: String

    @Option(help: "The actor a focus view centres on (its id).", completion: Completions.actors)
    var actor: String?

    @Option(name: .customLong("as-of"), help: "Only relations in force in this year.")
    var asOf: Int?

    @Option(help: "How many relation steps out a focus view goes.")
    var hops: Int = 1

    @Option(name: .customLong("max-nodes"), help: "The most actors a focus view shows before cutting.")
    var maximumNodes: Int = 40

    @OptionGroup var options: ModelOptions

    func validate() throws {
        try AsOfYear.validate(asOf)
    }

    func run() throws {
        guard let viewType = ViewCatalog.view(named: view) else {
            Terminal.error("unknown view '\(view)'; views: \(ViewCatalog.viewIDs.joined(separator: ", "))")
            throw SysExit.usage
        }
        if view == ActorFocusView.id, actor == nil {
            Terminal.error("the focus view needs --actor ID")
            throw SysExit.usage
        }
        let model = try options.load(printWarnings: false)
        if let actor, model.actor(actor) == nil {
            Terminal.error("no actor with id '\(actor)' in \(options.model)")
            throw SysExit.dataError
        }
        let viewOptions = ViewOptions(asOf: asOf, focusActor: actor, hops: hops, maximumNodes: maximumNodes)
        guard let diagram = ViewCatalog.diagram(viewType, of: model, options: viewOptions, links: LinkStyle()) else {
            Terminal.error("nothing to draw in the \(view) view\(asOf.map { " for \($0)" } ?? "")")
            throw SysExit.dataError
        }
        try StandardOutput.write(diagram.dot)
    }
}
