import ArgumentParser
import Foundation
import GraphvizRendering
import PreviewServer
import ReportSite

/// `relmap serve`: builds the site, serves it over HTTP, and builds it again whenever the model or the templates
/// are saved, reloading the open pages; a build that fails leaves the last good site served, with its errors
/// over every page.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on this machine, and rebuild and reload it on every save.",
        discussion: """
        The site is built to OUTPUT as relmap build writes it (the same checks, lock, caches and atomic swap), \
        served at http://127.0.0.1:PORT/, and built again after every save of a model file or a template; open \
        pages reload themselves. While the model has errors, the last good site stays served and every page \
        shows the errors. Only this machine can connect unless --host names another address. Ctrl-C stops.
        """
    )

    @OptionGroup var options: ModelOptions

    @Option(name: .customLong("out"), help: ArgumentHelp("The site's folder.", valueName: "output"))
    var output = "output"

    @Option(help: ArgumentHelp("A folder of templates that replace the default ones of the same name; watched too.", valueName: "dir"))
    var templates: String?

    @Option(help: ArgumentHelp("The port to serve on; 0 takes any free port.", valueName: "port"))
    var port = 8000

    @Flag(name: .customLong("free-port"), help: "When the port is taken, serve on a free one instead of exiting 69.")
    var freePort = false

    @Option(help: ArgumentHelp("The address to serve on. Anything but a loopback address lets other machines read the site.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(parsing: .unconditional, help: "How many processors a build uses (default: all of them).")
    var jobs: Int?

    @Option(name: .customLong("focus-formats"),
            help: ArgumentHelp("Formats of the actor focus diagrams, comma-separated: svg, png (2×), pdf, dot.", valueName: "list"))
    var focusFormatList = "svg,dot"

    @Flag(help: "Print no build progress; one line per rebuild still says what happened.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if output.isEmpty { throw ValidationError("--out needs a folder name") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be a number from 0 to 65535") }
        guard ServeCommand.address(host) != nil else {
            throw ValidationError("--host must be an IPv4 or IPv6 address of this machine, or localhost; got '\(host)'")
        }
        _ = try BuildCommand.parseFocusFormats(focusFormatList)
    }

    /// The address to bind for `--host`: `localhost` is 127.0.0.1; anything else must be an IP address.
    static func address(_ host: String) -> String? {
        if host == "localhost" { return "127.0.0.1" }
        let literal = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var buffer = in6_addr()
        if inet_pton(AF_INET, literal, &buffer) == 1 || inet_pton(AF_INET6, literal, &buffer) == 1 { return literal }
        return nil
    }

    func run() throws {
        try Interruption.install(command: "serve", whenStopped: nil)
        let host = ServeCommand.address(self.host)!
        if !PreviewServer.isLoopback(host) {
            Terminal.error("relmap serve: warning: serving on \(host): any machine that can reach this one can read the site, the model's text included")
        }
        let cleanup = BuildCleanup()
        // Stopped, serve keeps what it built: the site, and the render cache whose entries are each whole.
        Interruption.onStop { cleanup.succeeded() }
        defer { cleanup.succeeded() }
        let processors = jobs.map { Processors.capped($0, command: "serve") } ?? ProcessInfo.processInfo.activeProcessorCount
        let settings = SiteBuild.Settings(command: "serve", model: options.model, output: output, templates: templates,
                                          focusFormats: try BuildCommand.parseFocusFormats(focusFormatList),
                                          processors: processors, printWarnings: !quiet, memory: BuildMemory())
        let build: SiteBuild
        do {
            build = try SiteBuild.open(settings, cleanup: cleanup)
        } catch {
            error.print()
            throw error.status
        }
        let watcher: FileWatcher
        do {
            // Watched before the first build, so that a save during it is built next.
            watcher = try FileWatcher(watchedFolders(output: build.writer.output))
        } catch {
            Terminal.error(error.description)
            throw SysExit.osError
        }
        let events = ReloadEvents()
        let (server, boundPort) = try listen(on: host, files: SiteFiles(root: build.writer.output), events: events)
        let isTerminal = isatty(STDERR_FILENO) != 0
        let first = build.run(progress: BuildProgress(style: BuildProgress.style(quiet: quiet, isTerminal: isTerminal),
                                                      write: { Terminal.writeText($0) }))
        if case .failure(let failure) = first, !ServeCommand.isShownInPages(failure) {
            failure.print()
            throw failure.status
        }
        // A first build that fails on the model's errors still serves the site from an earlier run, if any.
        var status = PreviewStatus(build: 0)
        status = publish(first, after: status, events: events, changed: [])
        let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(boundPort)/"
        Terminal.error("relmap serve: serving \(output) at \(url); watching \(watchedNames().joined(separator: " and ")); Ctrl-C stops")
        let rebuildStyle: BuildProgress.Style = quiet || !isTerminal ? .quiet : BuildProgress.style(quiet: false, isTerminal: true)
        // Serves until a signal ends the process.
        withExtendedLifetime(server) {
            while true {
                let changed = watcher.waitForChanges()
                let started = ContinuousClock.now
                let result = build.run(progress: BuildProgress(style: rebuildStyle, write: { Terminal.writeText($0) }))
                status = publish(result, after: status, events: events, changed: changed, seconds: (ContinuousClock.now - started) / .seconds(1))
            }
        }
    }

    /// Whether a failure of a build is one the pages show while serving goes on: the model's or the templates'
    /// errors (65) and a build step that failed on them (70). Anything else (the output refused or unwritable,
    /// Graphviz broken, no processes left) ends `serve` when it happens in the first build.
    static func isShownInPages(_ failure: SiteBuildFailure) -> Bool {
        failure.status.rawValue == SysExit.dataError.rawValue || failure.status.rawValue == SysExit.software.rawValue
    }

    /// Tells the pages what a build did, prints one line about it, and returns the new status: a new site
    /// reloads them, a failure shows its errors over them, and the errors' end reloads them too.
    private func publish(_ result: Result<SiteBuild.Report, SiteBuildFailure>, after previous: PreviewStatus, events: ReloadEvents,
                         changed: [String], seconds: Double? = nil) -> PreviewStatus {
        let cause = changed.isEmpty ? "" : " after a change to \(ServeCommand.describe(changed))"
        let time = seconds.map { String(format: " in %.2f s", $0) } ?? ""
        switch result {
        case .success(let report):
            var status = previous
            status.errors = []
            status.failedStep = nil
            if case .published = report.outcome { status.build += 1 }
            let reload = status != previous
            if seconds != nil {
                Terminal.error(reload ? "relmap serve: rebuilt\(cause)\(time); pages reloaded" : "relmap serve: nothing to rebuild\(cause)")
            }
            events.publish(status, reload: reload && seconds != nil)
            return status
        case .failure(let failure):
            var status = previous
            status.errors = failure.lines.filter { !$0.contains(": warning: ") }
            status.failedStep = failure.step
            failure.print()
            Terminal.error("relmap serve: the build stopped at '\(failure.step)'\(cause); the pages show the errors over the last good site")
            events.publish(status, reload: false)
            return status
        }
    }

    /// Up to three changed files, and how many more.
    static func describe(_ changed: [String]) -> String {
        changed.prefix(3).joined(separator: ", ") + (changed.count > 3 ? " and \(changed.count - 3) more" : "")
    }

    /// The folders whose saves start a build: the model's (its YAML files, in every folder inside it but the
    /// site's), or the folder of a one-file model (that file); the default template folder, when relmap reads
    /// one; and `--templates`.
    private func watchedFolders(output: String) -> [FileWatcher.Folder] {
        var folders: [FileWatcher.Folder] = []
        var isDirectory: ObjCBool = false
        let model = options.model
        if FileManager.default.fileExists(atPath: model, isDirectory: &isDirectory), isDirectory.boolValue {
            let writer = SiteWriter(output: output)
            folders.append(FileWatcher.Folder(path: model, recursive: true, extensions: ["yaml", "yml"],
                                              skipping: Set([output, writer.cacheFolder].map { ServeCommand.relative($0, to: model) })))
        } else {
            let url = URL(fileURLWithPath: model)
            folders.append(FileWatcher.Folder(path: url.deletingLastPathComponent().path, names: [url.lastPathComponent]))
        }
        let templateExtensions: Set<String> = ["mustache", "css", "js"]
        for folder in [SiteBuild.defaultTemplateFolder, templates].compactMap({ $0 }) {
            folders.append(FileWatcher.Folder(path: folder, extensions: templateExtensions))
        }
        return folders
    }

    /// `path` (absolute) as it appears under `folder` as given, so it matches the watcher's paths; unchanged when
    /// it is not under it.
    static func relative(_ path: String, to folder: String) -> String {
        let base = URL(fileURLWithPath: folder).standardizedFileURL.path
        guard path.hasPrefix(base + "/") else { return path }
        let trimmed = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        return trimmed + path.dropFirst(base.count)
    }

    /// What the start line says is watched.
    private func watchedNames() -> [String] {
        [options.model] + [SiteBuild.defaultTemplateFolder, templates].compactMap { $0 }
    }

    /// Starts the server on `--port`, or on a free port when it is taken and `--free-port` allows; a taken port
    /// otherwise ends `serve` with exit 69.
    private func listen(on host: String, files: SiteFiles, events: ReloadEvents) throws -> (PreviewServer, UInt16) {
        var port = UInt16(self.port)
        while true {
            do {
                let server = PreviewServer(files: files, events: events, host: host, port: port)
                return (server, try Blocking.wait { try await server.start() })
            } catch PreviewServerError.portTaken where freePort && port != 0 {
                Terminal.error("relmap serve: port \(port) is taken; serving on a free port")
                port = 0
            } catch PreviewServerError.portTaken {
                Terminal.error("relmap serve: error: port \(port) on \(host) is taken by another program; choose another with --port, or --port 0 for any free port")
                throw SysExit.unavailable
            } catch PreviewServerError.badHost(let address) {
                Terminal.error("relmap serve: error: cannot serve on \(address): not an address of this machine")
                throw SysExit.unavailable
            } catch {
                Terminal.error("relmap serve: error: cannot serve on \(host) port \(port): \(error)")
                throw SysExit.unavailable
            }
        }
    }
}
