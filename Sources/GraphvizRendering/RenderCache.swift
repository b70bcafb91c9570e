import Crypto
import Foundation

/// Rendered diagrams on disk, keyed by a hash of everything that determines the output.
///
/// Each diagram is one file, `<key>.diagram`: a first line naming the cache's format version, then a header
/// (engine, warnings, and each format with its length in bytes) and the bytes of each format in that order,
/// laid out as a worker's reply is (`FramePayload`). A large build stores thousands of diagrams, and creating a
/// file costs more than writing it, so a diagram's formats share one. The file is written to a temporary name
/// and renamed into place, and a file whose lengths do not add up is a miss, so a diagram counts as cached only
/// when all of it is there.
public struct RenderCache {
    /// Changes whenever the renderer's output for the same job, or this file's layout, changes, so old entries
    /// stop matching.
    public static let formatVersion = 4

    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The SHA-256 (hex) of the DOT text, engine, formats, fallback engine and `formatVersion`.
    public static func key(for job: RenderJob) -> String {
        let formats = Set(job.formats).map(\.rawValue).sorted().joined(separator: ",")
        let header = """
            relmap render cache \(formatVersion)
            engine: \(job.engine.rawValue)
            fallback: \(job.fallbackEngine?.rawValue ?? "none")
            formats: \(formats)


            """
        return SHA256.hash(data: Array(header.utf8) + Array(job.dot.utf8)).hexadecimal
    }

    /// The stored diagram for `job`, or nil unless its file is whole and holds every requested format.
    public func cached(_ job: RenderJob) -> RenderedDiagram? {
        guard let file = FileManager.default.contents(atPath: path(for: job)),
              let stored = Self.decode(file) else { return nil }
        var outputs: [OutputFormat: Data] = [:]
        for format in job.distinctFormats {
            guard let data = stored.outputs[format] else { return nil }
            outputs[format] = data
        }
        return RenderedDiagram(id: job.id, outputs: outputs, warnings: stored.warnings,
                               engineUsed: stored.engineUsed, usedFallback: stored.usedFallback)
    }

    /// Stores a successfully rendered diagram, atomically.
    public func store(_ diagram: RenderedDiagram, for job: RenderJob) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try writeAtomically(Self.encode(diagram), to: path(for: job))
    }

    /// The path of the file that holds `job`'s diagram.
    public func path(for job: RenderJob) -> String {
        (directory as NSString).appendingPathComponent("\(Self.key(for: job)).diagram")
    }

    private static var firstLine: Data { Data("relmap render cache \(formatVersion)\n".utf8) }

    static func encode(_ diagram: RenderedDiagram) -> Data {
        let files = OutputFormat.allCases.compactMap { format in diagram.outputs[format].map { (name: format.rawValue, data: $0) } }
        var header = FrameHeaderWriter()
        header.text(diagram.engineUsed.rawValue)
        header.flag(diagram.usedFallback)
        header.texts(diagram.warnings)
        header.files(files)
        return firstLine + FramePayload.make(header: header, attached: files.map(\.data))
    }

    /// What a cache file holds, or nil when it is of another version, cut short or too long.
    static func decode(_ file: Data) -> Stored? {
        let first = firstLine
        guard file.starts(with: first),
              var (header, attached) = try? FramePayload.split(file.dropFirst(first.count)),
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

    private func writeAtomically(_ data: Data, to path: String) throws {
        let temporary = (directory as NSString).appendingPathComponent(".\(UUID().uuidString).tmp")
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// What a cache file holds.
    struct Stored {
        var engineUsed: LayoutEngine
        var usedFallback: Bool
        var warnings: [String]
        var outputs: [OutputFormat: Data]
    }
}

extension Digest {
    /// The digest as lowercase hexadecimal digits.
    public var hexadecimal: String {
        map { byte in byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined()
    }
}
