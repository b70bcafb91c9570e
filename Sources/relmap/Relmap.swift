import ArgumentParser
import Foundation
import GraphvizRendering

/// The `relmap` command: draws a relation model as Graphviz diagrams and a static report site.
@main
struct Relmap: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "relmap",
        abstract: "Draw a relation model of international security relations as diagrams and a static report site.",
        discussion: """
        Shell completions, which also complete view names and the actor ids of the model named on the command \
        line: relmap --generate-completion-script bash|zsh|fish (docs/cli.md tells where to put the script).
        """,
        version: version,
        subcommands: [
            ValidateCommand.self,
            RenderCommand.self,
            ExportCommand.self,
            SchemaCommand.self,
            BuildCommand.self,
            ServeCommand.self,
            SynthCommand.self,
            RenderWorkerCommand.self,
            DotCommand.self,
        ]
    )

    /// Parses and runs the command with one line per error and sysexits codes throughout: a usage error is one
    /// line and 64 (not a page of usage), help is printed on stdout and exits 0, and a command that did what
    /// was asked but could not write its messages to stderr exits 74.
    static func main() {
        StandardStream.reopenClosedStandardDescriptors()
        let arguments = Array(CommandLine.arguments.dropFirst())
        // A build starts a render worker for every sfdp or neato layout: it skips parsing, which costs a worker
        // about as long as drawing a small diagram.
        if arguments == [RenderWorkerCommand.configuration.commandName] {
            RenderWorkerCommand.serve()
        }
        // Commands that draw start their first render worker now, so that it loads Graphviz while the command line
        // is parsed (for a thousand files, longer than the worker takes) and the input read.
        if let name = arguments.first, ([BuildCommand.self, RenderCommand.self, ServeCommand.self] as [ParsableCommand.Type]).contains(where: { $0.configuration.commandName == name }),
           !arguments.contains(where: { ["-h", "--help", "--version"].contains($0) }) {
            Renderer.startWorkerAhead()
        }
        if arguments.first == "help", arguments.count > 1, let unknown = arguments.dropFirst().first(where: { !isSubcommand($0) }) {
            fail("relmap help: error: no subcommand '\(unknown)'; subcommands: \(visibleSubcommands.joined(separator: ", "))", code: 64)
        }
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            finish(error)
        }
        do {
            try command.run()
        } catch {
            finish(error)
        }
        Foundation.exit(Terminal.lostMessages ? SysExit.ioError.rawValue : 0)
    }

    private static var visibleSubcommands: [String] {
        configuration.subcommands.filter { $0.configuration.shouldDisplay }.compactMap { $0.configuration.commandName }
    }

    private static func isSubcommand(_ name: String) -> Bool {
        configuration.subcommands.contains { $0.configuration.commandName == name }
    }

    /// Ends the process for an error thrown while parsing or running: an exit status as it is (its message was
    /// printed where it arose), help and the version on stdout, anything else as one line on stderr.
    private static func finish(_ error: Error) -> Never {
        if let exitCode = error as? ExitCode {
            Foundation.exit(exitCode.rawValue)
        }
        let code = exitCode(for: error)
        if code == .success {
            let text = fullMessage(for: error)
            let written = text.isEmpty || StandardStream.write(text + "\n", to: STDOUT_FILENO)
            Foundation.exit(written || errno == EPIPE ? 0 : SysExit.ioError.rawValue)
        }
        let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
        let line = message.hasPrefix("Error: ") ? String(message.dropFirst("Error: ".count)) : message
        fail("relmap: error: \(line)", code: code.rawValue)
    }

    private static func fail(_ line: String, code: Int32) -> Never {
        Terminal.error(line)
        Foundation.exit(code)
    }
}
