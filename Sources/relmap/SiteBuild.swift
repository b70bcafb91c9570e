import ArgumentParser
import DOT
import Foundation
import GraphvizRendering
import RelationModel
import ReportSite
import Synchronization
import SystemIO

/// A build of the report site, from the model on disk to the site published at the output, as one pipeline of
/// named steps: `relmap build` runs it once, `relmap serve` after every save. Each step is printed as `[i/N] name`
/// while it runs. A failure names its step and is returned, with the lines to print and the exit status, so that
/// `serve` can show it and go on serving the last good site.
///
/// The rules of docs/building.md hold for both: the output is checked before anything is read (`open`), one
/// build per output holds its lock, files are staged beside the output and swapped in whole, and the render
/// cache, the page memo and the build stamp beside it make a rebuild cost what changed.
struct SiteBuild: Sendable {
    struct Settings: Sendable {
        /// The command, for messages: `relmap build: error: …`.
        var command: String
        var model: String
        /// `--out` as given.
        var output: String
        /// `--templates`: a folder whose files replace the default templates by name.
        var templates: String?
        var focusFormats: [OutputFormat]
        var processors: Int
        /// `relmap build --check`: stage in a temporary folder and compare with the output instead of publishing.
        var check = false
        /// Whether the model's warnings are printed (errors always are).
        var printWarnings = true
        /// What this process's earlier builds kept for later ones (`relmap serve`): finished diagrams, rendered rows.
        var memory: BuildMemory?
    }

    /// What a build that did not fail did.
    enum Outcome: Sendable {
        /// The stamp says the site on disk is what this build would write: nothing was done.
        case upToDate
        /// A new site is in place, of this many files.
        case published(files: Int)
        /// `--check`: how the site on disk differs from the one built.
        case compared(SiteComparison)
    }

    /// A finished build: its outcome and the seconds Graphviz spent drawing what was not in the cache.
    struct Report: Sendable {
        var outcome: Outcome
        var graphvizSeconds: Double
    }

    let settings: Settings
    /// The writer of the site at the output, resolved as the kernel sees it (see `open`).
    let writer: SiteWriter
    /// What a failed or stopped build takes away again (see `BuildCleanup`).
    let cleanup: BuildCleanup

    private init(settings: Settings, writer: SiteWriter, cleanup: BuildCleanup) {
        self.settings = settings
        self.writer = writer
        self.cleanup = cleanup
    }

    /// The build of `settings.output`, once the output is known to be one relmap may write: refuses, before
    /// anything is read or written, a path that is empty, the root, or holds the current folder, the model or the
    /// templates (exit 64), and anything there that relmap did not write (exit 73); then makes the folder the
    /// output goes in and takes the output's lock (exit 75 when another build holds it). `--check` writes
    /// nothing, so it refuses nothing and takes no lock.
    static func open(_ settings: Settings, cleanup: BuildCleanup) throws(SiteBuildFailure) -> SiteBuild {
        guard !settings.check else {
            return SiteBuild(settings: settings, writer: SiteWriter(output: settings.output), cleanup: cleanup)
        }
        let path: OutputPath
        do {
            path = try OutputPath(settings.output, protecting: [("the model \(settings.model)", settings.model)]
                                  + (settings.templates.map { [("the templates \($0)", $0)] } ?? []))
        } catch {
            throw SiteBuildFailure(step: "Check the output", lines: [error.description], status: SysExit.usage)
        }
        var writer = SiteWriter(output: path.resolved)
        do {
            try SiteOwnership.check(writer.output, cacheFolder: writer.cacheFolder)
            cleanup.madeFolders(try writer.prepare())
            let lock = try writer.lock()
            cleanup.holds(lock)
            writer.heldLock = lock
        } catch let refusal as OutputRefusal {
            throw SiteBuildFailure.refused(refusal, command: settings.command)
        } catch let error as SiteWriteError {
            throw SiteBuildFailure.cannotWrite(error, step: "Check the output")
        } catch {
            throw SiteBuildFailure(step: "Check the output", lines: ["relmap \(settings.command): error: \(error)"], status: SysExit.software)
        }
        return SiteBuild(settings: settings, writer: writer, cleanup: cleanup)
    }

    /// One named step of the pipeline; `title` is what progress prints, from what the steps before found.
    private struct Step {
        var name: String
        var title: (State) -> String
        var run: (inout State) throws -> Void

        init(_ name: String, title: ((State) -> String)? = nil, run: @escaping (inout State) throws -> Void) {
            self.name = name
            self.title = title ?? { _ in name }
            self.run = run
        }
    }

    /// What the steps hand on to each other.
    private struct State {
        var model: RelationModel?
        var metadata: SiteMetadata?
        var templates: TemplateSet?
        /// The build stamp's hash of everything the site is made from.
        var stampInputs = ""
        var stager: SiteWriter
        var plan: DiagramPlan?
        /// Made while planning, which it starts drawing (see `DrawingWhilePlanning`); stopped once drawn.
        var drawing: (renderer: Renderer, drawing: DiagramDrawing)?
        var context: BuildContext?
        var site: Site?
        /// Set by the step that ends the build: the steps after it do not run.
        var outcome: Outcome?
    }

    /// Runs every step in order, printing `[i/N] name` and, at the end, one line that says what was done.
    func run(progress: BuildProgress) -> Result<Report, SiteBuildFailure> {
        let graphviz = GraphvizClock()
        let check = settings.check
        // --check stages in the system's temporary folder and leaves the output's side alone.
        let stager = check ? SiteWriter(output: NSTemporaryDirectory() + "relmap-check-\(UUID().uuidString)/site") : writer
        if check { Interruption.onStop { try? FileManager.default.removeItem(atPath: stager.parent) } }
        var state = State(stager: stager)
        defer {
            state.drawing?.renderer.shutdown()
            if var context = state.context {
                SiteBuilder.abandon(&context)
                stager.discard(context.site)
            }
            if check { try? FileManager.default.removeItem(atPath: stager.parent) }
        }
        let steps = self.steps(progress: progress, graphviz: graphviz)
        for (index, step) in steps.enumerated() {
            progress.step(index + 1, of: steps.count, step.title(state))
            do {
                try step.run(&state)
            } catch {
                progress.finish("build failed")
                return .failure(failure(error, in: step, state: state))
            }
            if let outcome = state.outcome {
                progress.finish(summary(outcome))
                return .success(Report(outcome: outcome, graphvizSeconds: graphviz.seconds))
            }
        }
        preconditionFailure("the last step of a build sets its outcome")
    }

    /// The steps, from reading the model to recording what was published.
    private func steps(progress: BuildProgress, graphviz: GraphvizClock) -> [Step] {
        let settings = self.settings
        let writer = self.writer
        var steps = [
            Step("Read the model") { state in
                state.model = try loadModel(progress: progress)
                state.metadata = SiteMetadata(modelHash: try modelHash(), relmapVersion: Relmap.version)
            },
            Step("Read the templates") { state in
                state.templates = try SiteBuild.templateSet(overrides: settings.templates)
            },
        ]
        if !settings.check {
            steps.append(Step("Check the stamp") { state in
                state.stampInputs = BuildStamp.inputs(metadata: state.metadata!, executable: RenderSettings.runningExecutablePath,
                                                      templates: state.templates!,
                                                      options: ["focus-formats: \(settings.focusFormats.map(\.rawValue).joined(separator: ","))"])
                if !FileManager.default.fileExists(atPath: writer.cacheFolder) { cleanup.startedCache(writer.cacheFolder) }
                if let stamp = BuildStamp.load(from: writer.cacheFolder), stamp.isCurrent(inputs: state.stampInputs, output: writer.output) {
                    state.outcome = .upToDate
                }
            })
        }
        steps += [
            Step("Stage the site") { state in
                // Network figures (betweenness above all) cost seconds on a large model, so they wait until a
                // build is due.
                var context = BuildContext(model: state.model!, metadata: state.metadata!, templates: state.templates!,
                                           processors: settings.processors, metricsCache: settings.check ? nil : writer.cacheFolder,
                                           memory: settings.memory)
                let program = BuildStamp.program(version: Relmap.version, executable: RenderSettings.runningExecutablePath)
                let salt = PageMemo.salt(program: program, templates: state.templates!)
                context.pageMemo = settings.check ? nil : PageMemo.load(from: writer.cacheFolder, salt: salt)
                context.diagramMemo = settings.check ? nil : DiagramMemo.load(from: writer.cacheFolder, program: program)
                // Files go to disk as they are made, into a folder that is swapped in at the end, or removed
                // when the build fails.
                context.site = try state.stager.stage()
                state.context = context
            },
            Step("Plan the diagrams") { state in
                let memo = settings.check ? nil
                    : PlanMemo(cacheFolder: writer.cacheFolder,
                               program: BuildStamp.program(version: Relmap.version, executable: RenderSettings.runningExecutablePath))
                // Workers start with the first diagram to draw: a rebuild may have none (the started-ahead worker
                // waits for it meanwhile).
                let renderer = Renderer(settings: RenderSettings(workers: settings.processors), startingWorkers: false)
                var drawing = DiagramDrawing(cache: RenderCache(directory: writer.cacheFolder), focusFormats: settings.focusFormats,
                                             processors: settings.processors, warn: { progress.note($0) },
                                             render: { jobs, report in
                                                 let results = renderer.render(jobs, progress: report)
                                                 graphviz.add(results.graphvizSeconds)
                                                 return results
                                             })
                drawing.finished = settings.check ? nil : settings.memory?.diagrams
                state.drawing = (renderer, drawing)
                let early = settings.check ? nil : DrawingWhilePlanning(drawing)
                state.plan = DiagramPlan.fromViews(of: state.model!, processors: settings.processors, memo: memo, drawing: early)
                early?.finish()
                FreedMemory.returnToSystem()
            },
            Step("Draw the diagrams", title: { "Draw \($0.plan?.all.count.counted("diagram") ?? "the diagrams")" }) { state in
                let (renderer, drawing) = state.drawing!
                defer {
                    renderer.shutdown()
                    state.drawing = nil
                }
                // The pages need what was drawn, not the plan: its DOT and tooltips go once the drawing ends.
                try SiteBuilder.run(drawing.step(state.plan.take()!, progress: progress), on: &state.context!)
                state.context!.site.startFlushing()
                FreedMemory.returnToSystem()
            },
        ]
        steps += SiteBuilder.pageSteps.map { pageStep in
            Step(pageStep.name) { state in try SiteBuilder.run(pageStep, on: &state.context!) }
        }
        if settings.check {
            steps.append(Step("Compare with \(settings.output)") { state in
                let site = try SiteBuilder.finish(&state.context!)
                state.outcome = .compared(SiteComparison(site: site, output: settings.output))
            })
            return steps
        }
        steps += [
            Step("Publish the site") { state in
                let site = try SiteBuilder.finish(&state.context!)
                BuildStamp.remove(from: writer.cacheFolder)
                PageMemo.remove(from: writer.cacheFolder)
                DiagramMemo.remove(from: writer.cacheFolder)
                try writer.commit(site)
                state.site = site
            },
            Step("Record the page memo and stamp") { state in
                let site = state.site!
                state.context?.pageMemo?.save(in: writer.cacheFolder, files: site.paths)
                state.context?.diagramMemo?.save(in: writer.cacheFolder)
                BuildStamp.record(inputs: state.stampInputs, output: writer.output, cacheFolder: writer.cacheFolder)
                state.outcome = .published(files: site.paths.count)
            },
        ]
        return steps
    }

    /// The line that ends the progress of a build that did what was asked.
    private func summary(_ outcome: Outcome) -> String {
        switch outcome {
        case .upToDate: return "\(settings.output) is up to date"
        case .published(let files): return "Wrote \(files.counted("file")) to \(settings.output)"
        case .compared(let comparison): return comparison.isUpToDate ? "\(settings.output) is up to date" : "\(settings.output) is stale"
        }
    }

    /// Loads and validates the model: its warnings are printed above the progress (unless not wanted); its
    /// errors end the build (exit 65), with the warnings among them in file order, and a model that cannot be
    /// read ends it with exit 66.
    private func loadModel(progress: BuildProgress) throws -> RelationModel {
        let loaded: LoadedModel
        do {
            loaded = try ModelLoader.load(path: settings.model, processors: settings.processors)
        } catch let error as ModelInputError {
            throw SiteBuildFailure(step: "Read the model", lines: [error.description], status: SysExit.noInput)
        }
        let report = DiagnosticReport(loaded.diagnostics + Validator.validate(loaded.model))
        let shown = report.diagnostics.filter { $0.severity == .error || settings.printWarnings }
        if report.hasErrors {
            throw SiteBuildFailure(step: "Read the model", diagnostics: shown, status: SysExit.dataError)
        }
        for warning in shown { progress.note(Terminal.text(of: warning)) }
        return loaded.model
    }

    /// SHA-256 over the model files' names (relative to the model) and bytes.
    private func modelHash() throws -> String {
        let model = settings.model
        let base = model.hasSuffix("/") ? String(model.dropLast()) : model
        let files = try ModelLoader.modelFiles(at: model).map { path -> (name: String, data: Data) in
            let name = path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : (path as NSString).lastPathComponent
            return (name, FileManager.default.contents(atPath: path) ?? Data())
        }
        return SiteMetadata.hash(of: files)
    }

    /// The folder of default templates (`RELMAP_TEMPLATES`, or `templates/` found from the executable or the
    /// current folder); nil when relmap uses the templates built into it.
    static var defaultTemplateFolder: String? {
        let executable = CommandLine.arguments.first.map { $0.contains("/") ? $0 : "/proc/self/exe" } ?? "/proc/self/exe"
        return TemplateSet.defaultFolder(executable: executable == "/proc/self/exe" ? ((try? FileManager.default.destinationOfSymbolicLink(atPath: executable)) ?? executable) : executable,
                                         currentDirectory: FileManager.default.currentDirectoryPath)
    }

    /// The templates: the default folder, else the templates built into relmap; files in `overrides` replace
    /// them by name.
    static func templateSet(overrides: String?) throws -> TemplateSet {
        if let defaults = defaultTemplateFolder { return try TemplateSet(defaults: defaults, overrides: overrides) }
        return try TemplateFiles.embedded(overriddenBy: overrides)
    }

    /// The failure of `step` for an error it threw, with the lines that say what went wrong and the exit status.
    private func failure(_ error: Error, in step: Step, state: State) -> SiteBuildFailure {
        let command = settings.command
        switch error {
        case let failure as SiteBuildFailure:
            return failure
        case let error as TemplateError:
            return SiteBuildFailure(step: step.name, lines: ["relmap \(command): error: \(error)"],
                                    status: error.isUnreadable ? SysExit.noInput : SysExit.dataError)
        case let error as ModelInputError:
            // A model file removed between listing and hashing (an editor's save).
            return SiteBuildFailure(step: step.name, lines: [error.description], status: SysExit.noInput)
        case let refusal as OutputRefusal:
            return .refused(refusal, command: command)
        case let error as SiteWriteError:
            let located = state.context.map { state.stager.located(error, in: $0.site) } ?? error
            return .cannotWrite(located, step: step.name)
        case let error as BuildError:
            if let failure = (error.underlying as? DiagramFailure)?.failures.first(where: { $0.cause != .diagram }) {
                return SiteBuildFailure(step: error.step, lines: ["relmap \(command): error: \(failure.message)"],
                                        status: failure.cause == .noWorker ? SysExit.osError : SysExit.unavailable)
            }
            return SiteBuildFailure(step: error.step, lines: ["relmap \(command): error: \(error)"], status: SysExit.software)
        default:
            return SiteBuildFailure(step: step.name, lines: ["relmap \(command): error: build step '\(step.name)' failed: \(error)"],
                                    status: SysExit.software)
        }
    }
}

/// Why a build stopped: the step, the lines to print (a model's diagnostics, or one line), and the exit status.
struct SiteBuildFailure: Error, Sendable {
    var step: String
    /// The model's diagnostics, when the model has errors; they are printed in colour on a terminal.
    var diagnostics: [Diagnostic] = []
    var otherLines: [String] = []
    var status: ExitCode

    init(step: String, lines: [String], status: ExitCode) {
        self.step = step
        self.otherLines = lines
        self.status = status
    }

    init(step: String, diagnostics: [Diagnostic], status: ExitCode) {
        self.step = step
        self.diagnostics = diagnostics
        self.status = status
    }

    /// Every line, as printed without colour: `file:line:column: error: message` for the model's diagnostics.
    var lines: [String] { diagnostics.map(\.description) + otherLines }

    /// Prints the lines to stderr.
    func print() {
        diagnostics.forEach(Terminal.diagnostic)
        otherLines.forEach(Terminal.error)
    }

    /// An output that relmap will not write: 75 when another build holds it, 73 otherwise.
    static func refused(_ refusal: OutputRefusal, command: String) -> SiteBuildFailure {
        if refusal.kind == .busy {
            return SiteBuildFailure(step: "Check the output", lines: ["relmap \(command): error: \(refusal.reason)"], status: SysExit.tryAgain)
        }
        return SiteBuildFailure(step: "Check the output", lines: [refusal.description], status: SysExit.cannotCreate)
    }

    /// A file or folder that cannot be written, in the one-line `path: error: …` form (exit 74).
    static func cannotWrite(_ error: SiteWriteError, step: String) -> SiteBuildFailure {
        SiteBuildFailure(step: step, lines: ["\(error.path): error: cannot write: \(error.reason)"], status: SysExit.ioError)
    }
}

/// The seconds Graphviz spent in a build's batches, added up from the threads that draw them.
private final class GraphvizClock: Sendable {
    private let total = Mutex(0.0)

    func add(_ seconds: Double) {
        total.withLock { $0 += seconds }
    }

    var seconds: Double { total.withLock { $0 } }
}
