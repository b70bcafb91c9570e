import ArgumentParser
import Foundation
import GraphvizRendering

/// `relmap render-worker` (hidden): the process the renderer's pool starts; renders framed jobs from stdin.
struct RenderWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-worker",
        abstract: "Render diagrams sent as framed jobs on stdin (started by relmap itself).",
        shouldDisplay: false
    )

    func run() throws {
        Self.serve()
    }

    /// Serves jobs until stdin ends, then exits with the worker's status.
    static func serve() -> Never {
        Foundation.exit(RenderWorker.serve())
    }
}
