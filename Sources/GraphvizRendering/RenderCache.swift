import Crypto
import Foundation

/// Rendered diagrams on disk, keyed by a hash of everything that determines the output.
///
/// Each diagram is a file per format, `<key>.svg`, `<key>.png`…, plus `<key>.json` with the
/// metadata. Every file is written to a temporary name and renamed into place, and the metadata
/// goes last, so a diagram counts as cached only once all of its files are complete.
public struct RenderCache {
    /// Changes whenever the renderer's output for the same job changes, so old entries stop matching.
    public static let formatVersion = 2

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

    /// The stored diagram for `job`, or nil unless its metadata and every requested format are on disk.
    public func cached(_ job: RenderJob) -> RenderedDiagram? {
        let key = Self.key(for: job)
        guard let metadataData = FileManager.default.contents(atPath: path(key, "json")),
              let metadata = try? JSONDecoder().decode(Metadata.self, from: metadataData) else { return nil }
        var outputs: [OutputFormat: Data] = [:]
        for format in job.distinctFormats {
            guard let data = FileManager.default.contents(atPath: path(key, format.fileExtension)) else { return nil }
            outputs[format] = data
        }
        return RenderedDiagram(id: job.id, outputs: outputs, warnings: metadata.warnings,
                               engineUsed: metadata.engineUsed, usedFallback: metadata.usedFallback)
    }

    /// Stores a successfully rendered diagram: each format atomically, then the metadata.
    public func store(_ diagram: RenderedDiagram, for job: RenderJob) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let key = Self.key(for: job)
        for format in OutputFormat.allCases {
            if let data = diagram.outputs[format] {
                try writeAtomically(data, to: path(key, format.fileExtension))
            }
        }
        let metadata = Metadata(formatVersion: Self.formatVersion, id: diagram.id, engineUsed: diagram.engineUsed,
                                usedFallback: diagram.usedFallback, warnings: diagram.warnings,
                                formats: OutputFormat.allCases.filter { diagram.outputs[$0] != nil })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try writeAtomically(try encoder.encode(metadata), to: path(key, "json"))
    }

    /// The path of a cache file.
    public func path(_ key: String, _ fileExtension: String) -> String {
        (directory as NSString).appendingPathComponent("\(key).\(fileExtension)")
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

    /// What `<key>.json` holds.
    struct Metadata: Codable {
        var formatVersion: Int
        var id: String
        var engineUsed: LayoutEngine
        var usedFallback: Bool
        var warnings: [String]
        var formats: [OutputFormat]
    }
}

extension Digest {
    /// The digest as lowercase hexadecimal digits.
    public var hexadecimal: String {
        map { byte in byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined()
    }
}
