import Crypto
import DOT
import Foundation
import GraphvizRendering
import Hashing
import SiteLayout
import Synchronization
import SystemIO

/// What each diagram of the last build was drawn and finished from, and the digest of each file it wrote, so a
/// rebuild takes a diagram planned and asked for exactly as before from the site on disk (hard-linked once its
/// bytes are checked to be the ones recorded) instead of reading it from the render cache and finishing its SVG
/// again: on a large model that was most of what a one-line edit cost.
///
/// A diagram's inputs digest relmap's program (its finishing of SVG, PNG and PDF), the render cache's key for its
/// job (DOT, engine, formats, the Graphviz installation) and everything finishing reads from the plan: id, title,
/// caption, tooltips, and whether its ids are its own. Diagrams drawn with the fallback engine or by a degraded
/// Graphviz are not remembered, as the render cache does not keep them.
public final class DiagramMemo: Sendable {
    /// The digests of one diagram: what it was drawn from, each file's bytes (by format), and Graphviz's
    /// warnings, which a build prints whether it draws the diagram or not.
    struct Entry: Codable, Equatable, Sendable {
        var inputs: String
        var files: [String: String]
        var warnings: [String]
    }

    /// Changes whenever what an entry holds, or the inputs it is keyed by, changes.
    static let formatVersion = 1

    private let salt: String
    private let previous: [String: Entry]
    private let current = Mutex<[String: Entry]>([:])

    /// A memo that remembers nothing yet: every diagram comes from the render cache or Graphviz.
    public convenience init(program: String) {
        self.init(salt: DiagramMemo.salt(program: program), previous: [:])
    }

    private init(salt: String, previous: [String: Entry]) {
        self.salt = salt
        self.previous = previous
    }

    private static func salt(program: String) -> String {
        "relmap diagram memo \(formatVersion)\n\(program)"
    }

    /// The file the memo keeps in a cache folder.
    public static func path(in cacheFolder: String) -> String { "\(cacheFolder)/diagrams.json" }

    /// The memo of the last build by the same `program` (see `BuildStamp.program`); an empty one when there is
    /// none, it cannot be read, or another relmap wrote it.
    public static func load(from cacheFolder: String, program: String) -> DiagramMemo {
        let salt = salt(program: program)
        guard let data = FileManager.default.contents(atPath: path(in: cacheFolder)),
              let saved = try? JSONDecoder().decode(Saved.self, from: data), saved.salt == salt else { return DiagramMemo(salt: salt, previous: [:]) }
        return DiagramMemo(salt: salt, previous: saved.diagrams)
    }

    /// Saves what this build drew, once its site is in place (see `PageMemo.save`).
    public func save(in cacheFolder: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(Saved(salt: salt, diagrams: current.withLock { $0 })) else { return }
        try? FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
        try? AtomicFile.replace(DiagramMemo.path(in: cacheFolder), with: data)
    }

    /// Forgets the last build's diagrams, before the output is replaced.
    public static func remove(from cacheFolder: String) {
        unlink(path(in: cacheFolder))
    }

    /// The digest of everything a diagram's finished files are made from.
    func inputs(of planned: PlannedDiagram, job: RenderJob) -> String {
        var hash = SHA256()
        func add(_ text: String) {
            hash.update(data: Array("\(text.utf8.count):".utf8))
            hash.update(data: Array(text.utf8))
        }
        add(salt)
        add(RenderCache.key(for: job))
        add(planned.id)
        add(planned.title)
        add(planned.caption)
        add(planned.hasOwnIDs ? "own ids" : "prefixed ids")
        add(String(planned.tooltips.count))
        planned.tooltips.forEach(add)
        return hash.finalize().hexadecimal
    }

    /// The diagram as the last build finished it, its files hard-linked into `site` from the site being
    /// replaced, when it was drawn from the same inputs and every file still holds the bytes recorded; nil
    /// otherwise, with nothing of it left in `site`.
    func linkLast(_ planned: PlannedDiagram, job: RenderJob, into site: Site) throws -> DrawnDiagram? {
        let inputs = inputs(of: planned, job: job)
        guard let entry = previous[planned.id], entry.inputs == inputs else { return nil }
        var formats: [OutputFormat: String] = [:]
        for format in DiagramDrawing.formats {
            guard let digest = entry.files[format.rawValue] else { continue }
            let path = SitePath.diagram(planned.id, extension: format.fileExtension)
            guard try site.addPrevious(at: path, digest: digest) else {
                for linked in formats.keys { try site.withdraw(SitePath.diagram(planned.id, extension: linked.fileExtension)) }
                return nil
            }
            formats[format] = digest
        }
        guard !formats.isEmpty else { return nil }
        current.withLock { $0[planned.id] = entry }
        return DrawnDiagram(linked: formats, id: planned.id, warnings: entry.warnings, engine: job.engine)
    }

    /// Notes a diagram this build finished, unless another build might draw it otherwise.
    func record(_ drawn: DrawnDiagram, of planned: PlannedDiagram, job: RenderJob) {
        guard RenderCache.mayStore(drawn.files) else { return }
        let entry = Entry(inputs: inputs(of: planned, job: job),
                          files: Dictionary(uniqueKeysWithValues: drawn.digests.map { ($0.key.rawValue, $0.value) }),
                          warnings: drawn.files.warnings)
        current.withLock { $0[planned.id] = entry }
    }

    /// How many diagrams this build has noted.
    var recordedCount: Int { current.withLock { $0.count } }

    private struct Saved: Codable {
        var salt: String
        var diagrams: [String: Entry]
    }
}
