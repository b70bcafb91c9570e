import Crypto
import DOT
import Foundation
import Hashing
import SystemIO

/// Rendered diagrams on disk, keyed by a hash of everything that determines the output.
///
/// Each diagram is one file, `<key>.diagram`: a first line naming the cache's format version and the SHA-256
/// of the rest, then a header (engine, warnings, and each format drawn with its length in bytes) and the bytes
/// of each in that order, laid out as a worker's reply is (`FramePayload`). A large build stores thousands
/// of diagrams, and creating a file costs more than writing it, so a diagram's formats share one. The file is
/// written to a temporary name and renamed into place; a file whose checksum or lengths do not add up is a
/// miss, and is replaced by the next store, so a damaged entry costs one render and never a wrong file.
///
/// The key holds the Graphviz installation (see `GraphvizInstallation`), so a diagram drawn by another Graphviz
/// or another set of plugins is never taken for this one's. A diagram drawn with the fallback engine (after a
/// crash or a timeout) or by a Graphviz without its text layout plugin is not stored: what happened to one
/// build must not decide the bytes of the next.
public struct RenderCache: Sendable {
    /// Changes whenever the renderer's output for the same job, or this file's layout, changes, so old entries
    /// stop matching.
    public static let formatVersion = 5

    public let directory: String
    /// The Graphviz installation the diagrams are drawn with, part of every key.
    public let graphviz: String

    public init(directory: String, graphviz: String = GraphvizInstallation.fingerprint) {
        self.directory = directory
        self.graphviz = graphviz
    }

    /// The SHA-256 (hex) of the DOT text, engine, formats, fallback engine, the Graphviz installation and
    /// `formatVersion`.
    public static func key(for job: RenderJob, graphviz: String = GraphvizInstallation.fingerprint) -> String {
        let formats = Set(job.formats).map(\.rawValue).sorted().joined(separator: ",")
        let header = """
            relmap render cache \(formatVersion)
            graphviz: \(graphviz)
            engine: \(job.engine.rawValue)
            fallback: \(job.fallbackEngine?.rawValue ?? "none")
            formats: \(formats)


            """
        // Fed in two parts rather than as one copy: a large map's DOT is megabytes (24 MB for the overview of
        // 10,000 actors), and the key is asked for while the diagram's drawing is held.
        var hash = SHA256()
        hash.update(data: Array(header.utf8))
        var dot = job.dot
        dot.withUTF8 { hash.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return hash.finalize().hexadecimal
    }

    /// The stored diagram for `job`, or nil unless its file is whole and holds every requested format.
    public func cached(_ job: RenderJob) -> RenderedDiagram? {
        guard let file = FileManager.default.contents(atPath: path(for: job)),
              let stored = Self.decode(file) else { return nil }
        var outputs: [OutputFormat: Data] = [:]
        for format in job.distinctFormats where format != .dot {
            guard let data = stored.outputs[format] else { return nil }
            outputs[format] = data
        }
        outputs[.dot] = job.sourceFile
        return RenderedDiagram(id: job.id, outputs: outputs, warnings: stored.warnings,
                               engineUsed: stored.engineUsed, usedFallback: stored.usedFallback)
    }

    /// Stores a rendered diagram, atomically, unless it must not be kept: drawn with the fallback engine, or by
    /// a Graphviz missing its text layout plugin. Returns whether it was stored.
    @discardableResult
    public func store(_ diagram: RenderedDiagram, for job: RenderJob) throws -> Bool {
        guard RenderCache.mayStore(diagram) else { return false }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let pieces = Self.pieces(diagram)
        try AtomicFile.replace(path(for: job)) { append in pieces.allSatisfy { $0.withUnsafeBytes(append) } }
        return true
    }

    /// Whether a diagram is what any build with the same key would draw.
    public static func mayStore(_ diagram: RenderedDiagram) -> Bool {
        !diagram.usedFallback && !diagram.drawnByDegradedGraphviz
    }

    /// Whether there is a file for `job`'s diagram, whole or not: cheaper than `cached`, for work that may be
    /// skipped when it is.
    public func holdsFile(for job: RenderJob) -> Bool {
        access(path(for: job), F_OK) == 0
    }

    /// The path of the file that holds `job`'s diagram.
    public func path(for job: RenderJob) -> String {
        (directory as NSString).appendingPathComponent("\(Self.key(for: job, graphviz: graphviz)).diagram")
    }

    /// The first line's start; the checksum of the rest follows, in hex, then a line feed.
    private static var lineStart: Data { Data("relmap render cache \(formatVersion) ".utf8) }
    /// The length of the first line.
    private static var firstLineLength: Int { lineStart.count + 64 + 1 }

    /// A cache file in the pieces it is written in: the first line, the frame header, then each file's bytes as
    /// the diagram holds them, not copied into one payload (a full build stores every drawing it makes). The DOT
    /// source is left out: it is the job's own, part of the key, and `cached` gives it back from the job.
    static func pieces(_ diagram: RenderedDiagram) -> [Data] {
        let files = OutputFormat.allCases.filter { $0 != .dot }.compactMap { format in
            diagram.outputs[format].map { (name: format.rawValue, data: $0) }
        }
        var header = FrameHeaderWriter()
        header.text(diagram.engineUsed.rawValue)
        header.flag(diagram.usedFallback)
        header.texts(diagram.warnings)
        header.files(files)
        let payload = [FramePayload.make(header: header, attached: [])] + files.map(\.data)
        var hash = SHA256()
        for piece in payload { hash.update(data: piece) }
        return [lineStart + Data((hash.finalize().hexadecimal + "\n").utf8)] + payload
    }

    /// What a cache file holds, or nil when it is of another version, its bytes do not match its checksum, or it
    /// is cut short or too long.
    static func decode(_ file: Data) -> Stored? {
        let start = lineStart
        guard file.count >= firstLineLength, file.starts(with: start),
              file[file.startIndex + firstLineLength - 1] == UInt8(ascii: "\n") else { return nil }
        let checksum = file[(file.startIndex + start.count)..<(file.startIndex + firstLineLength - 1)]
        let payload = file.dropFirst(firstLineLength)
        guard SHA256.hash(data: payload).hexadecimal.utf8.elementsEqual(checksum),
              case (var header, let attached)? = try? FramePayload.split(payload),
              let engineUsed = try? header.value(LayoutEngine.self),
              let usedFallback = try? header.flag(),
              let warnings = try? header.texts(),
              let files = try? header.files(in: attached, atMost: OutputFormat.allCases.count), header.isAtEnd
        else { return nil }
        var outputs: [OutputFormat: Data] = [:]
        for (name, data) in files {
            guard let format = OutputFormat(rawValue: name) else { return nil }
            outputs[format] = data
        }
        return Stored(engineUsed: engineUsed, usedFallback: usedFallback, warnings: warnings, outputs: outputs)
    }

    /// What a cache file holds.
    struct Stored {
        var engineUsed: LayoutEngine
        var usedFallback: Bool
        var warnings: [String]
        var outputs: [OutputFormat: Data]
    }
}
