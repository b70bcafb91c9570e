import ArgumentParser
import DOT
import Foundation
import GraphvizRendering
import RelationModel
import ReportSite
import Synchronization

/// `relmap build`: writes the static report site, atomically, or with `--check` tells whether it is stale.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Write the static HTML report site for a model.",
        discussion: """
        The site is written file by file into a folder beside OUTPUT and swapped in at the end, so a failed or \
        interrupted build leaves the previous site whole. Rendered diagrams are cached in .relmap-cache/ \
        beside OUTPUT. With --check nothing is written: the command lists the files that differ and exits 1 \
        when the site on disk is stale.
        """
    )

    @OptionGroup var options: ModelOptions

    @Option(name: .customLong("out"), help: ArgumentHelp("The site's folder.", valueName: "output"))
    var output = "output"

    @Option(help: ArgumentHelp("A folder of templates that replace the default ones of the same name.", valueName: "dir"))
    var templates: String?

    @Option(parsing: .unconditional, help: "How many processors the build uses: diagrams rendered at once, and threads parsing the model, planning diagrams, making pages and checking links (default: all of them).")
    var jobs: Int?

    @Option(name: .customLong("focus-formats"),
            help: ArgumentHelp("Formats of the actor focus diagrams, comma-separated: svg, png (2×), pdf, dot. View and timeline diagrams get all four.",
                               valueName: "list"))
    var focusFormatList = "svg,dot"

    @Flag(help: "Write nothing; exit 1 and list the files when the site on disk differs from a fresh build.")
    var check = false

    @Flag(help: "Print no progress.")
    var quiet = false

    @Flag(help: "Print a JSON line of timings to stderr when done: wall time and the seconds Graphviz spent drawing the diagrams that were not in the cache (used by make bench).")
    var timings = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if output.isEmpty { throw ValidationError("--out needs a folder name") }
        _ = try focusFormats()
    }

    /// The parsed `--focus-formats`; SVG is required because the actor pages show it inline.
    private func focusFormats() throws -> [OutputFormat] {
        try BuildCommand.parseFocusFormats(focusFormatList)
    }

    /// Formats named in a comma-separated list (`--focus-formats`), which must include SVG.
    static func parseFocusFormats(_ list: String) throws -> [OutputFormat] {
        let formats = try list.split(separator: ",").map { name in
            guard let format = OutputFormat(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown format '\(name)' in --focus-formats; formats: svg, png, pdf, dot")
            }
            return format
        }
        guard formats.contains(.svg) else { throw ValidationError("--focus-formats must include svg: the actor pages show it") }
        return formats
    }

    func run() throws {
        try Interruption.install(command: "build")
        let started = Date()
        // A failed or stopped build leaves nothing it made: the staged site (the writer's), the folders made for
        // the output, a render cache it started, the lock.
        let cleanup = BuildCleanup()
        Interruption.onStop { cleanup.failed() }
        var succeeded = false
        defer { succeeded ? cleanup.succeeded() : cleanup.failed() }
        let settings = SiteBuild.Settings(command: "build", model: options.model, output: output, templates: templates,
                                          focusFormats: try focusFormats(), processors: try processorCount(),
                                          check: check, printWarnings: !quiet)
        let progress = BuildProgress(style: BuildProgress.style(quiet: quiet, isTerminal: isatty(STDERR_FILENO) != 0),
                                     write: { Terminal.writeText($0) })
        let report: SiteBuild.Report
        do {
            report = try SiteBuild.open(settings, cleanup: cleanup).run(progress: progress).get()
        } catch {
            error.print()
            throw error.status
        }
        // Set once the build has done what was asked (a stale --check included).
        succeeded = true
        if timings {
            Terminal.write(String(format: "{\"wall_seconds\": %.4f, \"graphviz_seconds\": %.4f}",
                                  Date().timeIntervalSince(started), report.graphvizSeconds))
        }
        if case .compared(let comparison) = report.outcome {
            try StandardOutput.write(comparison.lines.map { $0 + "\n" }.joined())
            if !comparison.isUpToDate { throw ExitCode(1) }
        }
    }

    /// How many processors the build uses: `--jobs` (see `Processors.capped`), or all of them.
    private func processorCount() throws -> Int {
        jobs.map { Processors.capped($0, command: "build") } ?? ProcessInfo.processInfo.activeProcessorCount
    }
}
