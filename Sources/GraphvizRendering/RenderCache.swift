import Crypto
import Foundation

/// Rendered diagrams on disk, keyed by a hash of everything that determines the output.
///
/// Each diagram is one file, `<key>.diagram`: a first line naming the cache's format version, a second line of
/// JSON metadata (engine, warnings, and each format with its length in bytes), then the bytes of each format
/// in that order. A large build stores thousands of diagrams, and creating a file costs more than writing it,
/// so a diagram's formats share one. The file is written to a temporary name and renamed into place, and a file
/// whose lengths do not add up is a miss, so a diagram counts as cached only when all of it is there.
public struct RenderCache {
    /// Changes whenever the renderer's output for the same job, or this file's layout, changes, so old entries
    /// stop matching.
    public static let formatVersion = 3

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
        return RenderedDiagram(id: job.id, outputs: outputs, warnings: stored.metadata.warnings,
                               engineUsed: stored.metadata.engineUsed, usedFallback: stored.metadata.usedFallback)
    }

    /// Stores a successfully rendered diagram, atomically.
    public func store(_ diagram: RenderedDiagram, for job: RenderJob) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try writeAtomically(try Self.encode(diagram), to: path(for: job))
    }

    /// The path of the file that holds `job`'s diagram.
    public func path(for job: RenderJob) -> String {
        (directory as NSString).appendingPathComponent("\(Self.key(for: job)).diagram")
    }

    private static var firstLine: Data { Data("relmap render cache \(formatVersion)\n".utf8) }

    static func encode(_ diagram: RenderedDiagram) throws -> Data {
        let formats = OutputFormat.allCases.filter { diagram.outputs[$0] != nil }
        let metadata = Metadata(id: diagram.id, engineUsed: diagram.engineUsed, usedFallback: diagram.usedFallback,
                                warnings: diagram.warnings,
                                parts: formats.map { Metadata.Part(format: $0, bytes: diagram.outputs[$0]!.count) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var file = firstLine
        file.append(try encoder.encode(metadata))
        file.append(UInt8(ascii: "\n"))
        for format in formats { file.append(diagram.outputs[format]!) }
        return file
    }

    /// The metadata and formats of a cache file, or nil when it is of another version, cut short or too long.
    static func decode(_ file: Data) -> (metadata: Metadata, outputs: [OutputFormat: Data])? {
        let first = firstLine
        guard file.starts(with: first),
              let end = file[(file.startIndex + first.count)...].firstIndex(of: UInt8(ascii: "\n")),
              let metadata = try? JSONDecoder().decode(Metadata.self, from: file.subdata(in: file.startIndex + first.count..<end))
        else { return nil }
        var start = end + 1
        var outputs: [OutputFormat: Data] = [:]
        for part in metadata.parts {
            guard part.bytes >= 0, part.bytes <= file.endIndex - start else { return nil }
            outputs[part.format] = file.subdata(in: start..<start + part.bytes)
            start += part.bytes
        }
        return start == file.endIndex ? (metadata, outputs) : nil
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

    /// The second line of a cache file.
    struct Metadata: Codable {
        /// One format's bytes, in the order they follow the metadata.
        struct Part: Codable {
            var format: OutputFormat
            var bytes: Int
        }

        var id: String
        var engineUsed: LayoutEngine
        var usedFallback: Bool
        var warnings: [String]
        var parts: [Part]
    }
}

extension Digest {
    /// The digest as lowercase hexadecimal digits.
    public var hexadecimal: String {
        map { byte in byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined()
    }
}
