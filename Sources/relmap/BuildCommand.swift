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
        let formats = try focusFormatList.split(separator: ",").map { name in
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
        // Added to by the drawing's thread.
        let graphvizSeconds = Mutex(0.0)
        // Set once the build has done what was asked (a stale --check included).
        var succeeded = false
        defer {
            if timings, succeeded {
                Terminal.write(String(format: "{\"wall_seconds\": %.4f, \"graphviz_seconds\": %.4f}",
                                      Date().timeIntervalSince(started), graphvizSeconds.withLock { $0 }))
            }
        }
        // A failed or stopped build leaves nothing it made: the staged site (the writer's), the folders made for
        // the output, a render cache it started, the lock.
        let cleanup = BuildCleanup()
        Interruption.onStop { cleanup.failed() }
        defer { succeeded ? cleanup.succeeded() : cleanup.failed() }
        var writer = try siteWriter()
        if !check { writer.heldLock = try lock(writer, cleanup: cleanup) }
        let processors = try processorCount()
        let model = try options.load(printWarnings: !quiet, processors: processors)
        let metadata = SiteMetadata(modelHash: try modelHash(), relmapVersion: Relmap.version)
        let templates = try templateSet()
        let progress = BuildProgress(style: BuildProgress.style(quiet: quiet, isTerminal: isatty(STDERR_FILENO) != 0),
                                     write: { Terminal.writeText($0) })
        if !check, !FileManager.default.fileExists(atPath: writer.cacheFolder) { cleanup.startedCache(writer.cacheFolder) }
        let inputs = BuildStamp.inputs(metadata: metadata, executable: RenderSettings.runningExecutablePath, templates: templates,
                                       options: ["focus-formats: \(try focusFormats().map(\.rawValue).joined(separator: ","))"])
        if !check, let stamp = BuildStamp.load(from: writer.cacheFolder), stamp.isCurrent(inputs: inputs, output: writer.output) {
            progress.finish("\(output) is up to date")
            succeeded = true
            return
        }
        // Network figures (betweenness above all) cost seconds on a large model, so they wait until a build is due.
        var context = BuildContext(model: model, metadata: metadata, templates: templates, processors: processors,
                                   metricsCache: check ? nil : writer.cacheFolder)
        let pageSalt = PageMemo.salt(program: BuildStamp.program(version: Relmap.version, executable: RenderSettings.runningExecutablePath),
                                     templates: templates)
        context.pageMemo = check ? nil : PageMemo.load(from: writer.cacheFolder, salt: pageSalt)
        // Files go to disk as they are made, into a folder that is swapped in at the end, or removed when the
        // build fails; --check stages in the system's temporary folder and leaves OUTPUT's side alone.
        let stager = check ? SiteWriter(output: NSTemporaryDirectory() + "relmap-check-\(UUID().uuidString)/site") : writer
        if check { Interruption.onStop { try? FileManager.default.removeItem(atPath: stager.parent) } }
        do {
            context.site = try stager.stage()
        } catch let error as SiteWriteError {
            throw cannotWrite(error)
        } catch let refusal as OutputRefusal {
            throw refused(refusal)
        }
        defer {
            stager.discard(context.site)
            if check { try? FileManager.default.removeItem(atPath: stager.parent) }
        }
        let renderer = Renderer(settings: RenderSettings(workers: processors))
        defer { renderer.shutdown() }
        let drawing = DiagramDrawing(cache: RenderCache(directory: writer.cacheFolder), focusFormats: try focusFormats(), processors: processors,
                                     warn: { progress.note($0) }, render: { jobs, report in
                                         let results = renderer.render(jobs, progress: report)
                                         graphvizSeconds.withLock { $0 += results.graphvizSeconds }
                                         return results
                                     })
        let steps = [drawing.step(DiagramPlan.fromViews(of: model, processors: processors), progress: progress)] + SiteBuilder.pageSteps
        let site: Site
        do {
            site = try SiteBuilder(steps: steps).build(context, progress: progress)
        } catch let error as BuildError {
            progress.finish("build failed")
            if let failure = (error.underlying as? DiagramFailure)?.failures.first(where: { $0.cause != .diagram }) {
                Terminal.error("relmap build: error: \(failure.message)")
                throw failure.cause == .noWorker ? SysExit.osError : SysExit.unavailable
            }
            Terminal.error("relmap build: error: \(error)")
            throw SysExit.software
        } catch let error as SiteWriteError {
            progress.finish("build failed")
            throw cannotWrite(stager.located(error, in: context.site))
        }
        if check {
            let comparison = SiteComparison(site: site, output: output)
            progress.finish(comparison.isUpToDate ? "\(output) is up to date" : "\(output) is stale")
            try StandardOutput.write(comparison.lines.map { $0 + "\n" }.joined())
            succeeded = true
            if !comparison.isUpToDate { throw ExitCode(1) }
            return
        }
        BuildStamp.remove(from: writer.cacheFolder)
        PageMemo.remove(from: writer.cacheFolder)
        do {
            try writer.commit(site)
            context.pageMemo?.save(in: writer.cacheFolder, files: site.paths)
            BuildStamp.record(inputs: inputs, output: writer.output, cacheFolder: writer.cacheFolder)
        } catch let error as SiteWriteError {
            progress.finish("build failed")
            throw cannotWrite(error)
        }
        succeeded = true
        progress.finish("Wrote \(site.paths.count.counted("file")) to \(output)")
    }

    /// The writer of the site at `--out`, resolved as the kernel sees it; refuses, before anything is read or
    /// written, a path that is empty, the root, or holds the current folder, the model or the templates (exit 64),
    /// and anything there that relmap did not write (exit 73). `--check` writes nothing, so it refuses nothing.
    private func siteWriter() throws -> SiteWriter {
        guard !check else { return SiteWriter(output: output) }
        let path: OutputPath
        do {
            path = try OutputPath(output, protecting: [("the model \(options.model)", options.model)]
                                  + (templates.map { [("the templates \($0)", $0)] } ?? []))
        } catch {
            Terminal.error(error.description)
            throw SysExit.usage
        }
        let writer = SiteWriter(output: path.resolved)
        do {
            try SiteOwnership.check(writer.output, cacheFolder: writer.cacheFolder)
        } catch {
            throw refused(error)
        }
        return writer
    }

    /// Makes the folder the output goes in and takes the output's lock (see `OutputLock`): another build of the
    /// same output is refused at once (exit 75).
    private func lock(_ writer: SiteWriter, cleanup: BuildCleanup) throws -> OutputLock {
        do {
            cleanup.madeFolders(try writer.prepare())
            let lock = try writer.lock()
            cleanup.holds(lock)
            return lock
        } catch let error as SiteWriteError {
            throw cannotWrite(error)
        } catch let refusal as OutputRefusal {
            Terminal.error("relmap build: error: \(refusal.reason)")
            throw SysExit.tryAgain
        }
    }

    /// How many processors the build uses: `--jobs` (see `Processors.capped`), or all of them.
    private func processorCount() throws -> Int {
        jobs.map { Processors.capped($0, command: "build") } ?? ProcessInfo.processInfo.activeProcessorCount
    }

    /// Reports an output that relmap will not write, and gives the exit status for it.
    private func refused(_ refusal: OutputRefusal) -> ExitCode {
        Terminal.error(refusal.description)
        return refusal.kind == .busy ? SysExit.tryAgain : SysExit.cannotCreate
    }

    /// Reports a file or folder that cannot be written, in the one-line `path: error: …` form, and gives the
    /// exit status for it.
    private func cannotWrite(_ error: SiteWriteError) -> ExitCode {
        Terminal.error("\(error.path): error: cannot write: \(error.reason)")
        return SysExit.ioError
    }

    /// SHA-256 over the model files' names (relative to the model) and bytes.
    private func modelHash() throws -> String {
        let base = options.model.hasSuffix("/") ? String(options.model.dropLast()) : options.model
        let files = try ModelLoader.modelFiles(at: options.model).map { path -> (name: String, data: Data) in
            let name = path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : (path as NSString).lastPathComponent
            return (name, FileManager.default.contents(atPath: path) ?? Data())
        }
        return SiteMetadata.hash(of: files)
    }

    /// The templates: the default folder (`RELMAP_TEMPLATES`, or `templates/` found from the executable or the
    /// current folder), else the templates built into relmap; files in `--templates` replace them by name.
    private func templateSet() throws -> TemplateSet {
        let executable = CommandLine.arguments.first.map { $0.contains("/") ? $0 : "/proc/self/exe" } ?? "/proc/self/exe"
        let defaults = TemplateSet.defaultFolder(executable: executable == "/proc/self/exe" ? ((try? FileManager.default.destinationOfSymbolicLink(atPath: executable)) ?? executable) : executable,
                                                 currentDirectory: FileManager.default.currentDirectoryPath)
        do {
            if let defaults { return try TemplateSet(defaults: defaults, overrides: templates) }
            return try TemplateFiles.embedded(overriddenBy: templates)
        } catch let error as TemplateError {
            Terminal.error("relmap build: error: \(error)")
            throw error.isUnreadable ? SysExit.noInput : SysExit.dataError
        }
    }

}
