import Crypto
import DOT
import Foundation
import Hashing
import RelationModel
import SystemIO

/// The last build's plan of diagrams, kept in the cache folder under the digest of the model it was planned from,
/// so that a build from a model that draws the same skips planning. Planning is pure, so a kept plan is the plan:
/// on a large model, laying out the overview and placing the maps' labels costs more than anything else a
/// reworded summary asks for (summaries do not count, see `SummaryPlaceholders`).
///
/// One plan is kept, `plan.memo`: a line naming the format, a line with the key, the plan, and a SHA-256 of all
/// that, so that a damaged file is a miss. The key digests relmap's program (version and executable) and the
/// model's encoding, every field but where it was written, so another relmap or another model never takes it.
public struct PlanMemo: Sendable {
    /// Changes whenever the archive's layout or what a plan holds changes.
    public static let formatVersion = 1

    public let cacheFolder: String
    /// See `BuildStamp.program`.
    public let program: String

    public init(cacheFolder: String, program: String) {
        self.cacheFolder = cacheFolder
        self.program = program
    }

    /// The file the memo keeps in a cache folder.
    public static func path(in cacheFolder: String) -> String { "\(cacheFolder)/plan.memo" }

    /// The key of the plan of `model`; nil when the model cannot be digested (then nothing is kept).
    func key(for model: RelationModel) -> String? {
        var digest = TemplateValueDigest()
        digest.add("relmap plan memo \(Self.formatVersion)")
        digest.add(program)
        guard digest.add(value: model) else { return nil }
        return digest.hexadecimal
    }

    /// The kept plan of a model, if the file is whole and holds the plan of that model.
    func plan(for model: RelationModel) -> DiagramPlan? {
        key(for: model).flatMap(plan(forKey:))
    }

    /// The kept plan, if the file is whole and holds the plan of the model of `key`.
    func plan(forKey key: String) -> DiagramPlan? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: Self.path(in: cacheFolder)), options: .alwaysMapped) else { return nil }
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> DiagramPlan? in
            let header = Array(Self.header(key: key).utf8)
            let digestSize = SHA256.byteCount
            guard bytes.count >= header.count + digestSize, bytes.prefix(header.count).elementsEqual(header) else { return nil }
            let body = UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - digestSize)])
            guard SHA256.hash(data: body).elementsEqual(bytes.suffix(digestSize)) else { return nil }
            var reader = PlanArchiveReader(bytes: UnsafeRawBufferPointer(rebasing: body[header.count...]))
            guard let plan = reader.plan(), reader.isAtEnd else { return nil }
            return plan
        }
    }

    /// Keeps `plan` as the plan of the model of `key`, in place of the plan kept before. A plan that cannot be
    /// written only costs planning next time.
    func keep(_ plan: DiagramPlan, forKey key: String) {
        try? FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
        try? AtomicFile.replace(Self.path(in: cacheFolder)) { append in
            withoutActuallyEscaping(append) { append in
                var writer = PlanArchiveWriter(append: append)
                writer.bytes(Array(Self.header(key: key).utf8))
                writer.plan(plan)
                return writer.finish()
            }
        }
    }

    private static func header(key: String) -> String {
        "relmap plan memo \(formatVersion)\n\(key)\n"
    }
}

/// Writes a plan as lengths and bytes, handing the file a megabyte at a time, and the SHA-256 of it all last.
struct PlanArchiveWriter {
    private let append: (UnsafeRawBufferPointer) -> Bool
    private var pending: [UInt8] = []
    private var hash = SHA256()
    private var failed = false
    private static let chunk = 1 << 20

    init(append: @escaping (UnsafeRawBufferPointer) -> Bool) {
        self.append = append
        pending.reserveCapacity(Self.chunk + 4096)
    }

    mutating func bytes(_ bytes: [UInt8]) {
        pending.append(contentsOf: bytes)
        flushIfFull()
    }

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { pending.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        var text = text
        int(text.utf8.count)
        text.withUTF8 { pending.append(contentsOf: $0) }
        flushIfFull()
    }

    mutating func string(_ text: String?) {
        guard let text else { return int(-1) }
        string(text)
    }

    mutating func strings(_ texts: [String]) {
        int(texts.count)
        texts.forEach { string($0) }
    }

    mutating func plan(_ plan: DiagramPlan) {
        int(plan.views.count)
        for (entry, diagram) in plan.views {
            string(entry.id)
            string(entry.title)
            string(entry.diagram)
            self.diagram(diagram)
        }
        string(plan.overview)
        int(plan.years.count)
        for year in plan.years.keys.sorted() {
            int(year)
            diagram(plan.years[year]!)
        }
        int(plan.yearMaps.count)
        for year in plan.yearMaps.keys.sorted() {
            int(year)
            int(plan.yearMaps[year]!.count)
            plan.yearMaps[year]!.forEach { diagram($0) }
        }
        int(plan.actors.count)
        for actor in plan.actors.keys.sorted() {
            string(actor)
            diagram(plan.actors[actor]!)
        }
    }

    mutating func diagram(_ diagram: PlannedDiagram) {
        string(diagram.id)
        string(diagram.title)
        string(diagram.caption)
        string(diagram.dot)
        strings(diagram.tooltips)
        string(diagram.engine.rawValue)
        string(diagram.fallbackEngine?.rawValue)
        strings(diagram.relationIDs)
        strings(diagram.actorIDs)
        int(diagram.legend.count)
        for line in diagram.legend {
            string(line.symbol)
            string(line.meaning)
            string(line.picture)
            string(line.filter)
        }
        int(diagram.truncatedCount)
        int((diagram.startsFromGivenPositions ? 1 : 0) | (diagram.isVectorOnly ? 2 : 0) | (diagram.hasOwnIDs ? 4 : 0))
    }

    /// Writes what is pending and the SHA-256 of everything; false when the file could not take it all.
    mutating func finish() -> Bool {
        flush()
        let digest = Array(hash.finalize())
        return !failed && digest.withUnsafeBytes { append($0) }
    }

    private mutating func flushIfFull() {
        if pending.count >= Self.chunk { flush() }
    }

    private mutating func flush() {
        guard !failed else { return pending.removeAll(keepingCapacity: true) }
        pending.withUnsafeBytes { bytes in
            hash.update(bufferPointer: bytes)
            failed = !append(bytes)
        }
        pending.removeAll(keepingCapacity: true)
    }
}

/// Reads what `PlanArchiveWriter` wrote; nil for anything that does not add up.
struct PlanArchiveReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func int() -> Int? {
        guard bytes.count - offset >= 8 else { return nil }
        var value: Int64 = 0
        withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + 8)])) }
        offset += 8
        return Int(Int64(littleEndian: value))
    }

    /// A count of things that each take at least one more byte, so a damaged count cannot ask for more than is left.
    mutating func count() -> Int? {
        guard let count = int(), count >= 0, count <= bytes.count - offset else { return nil }
        return count
    }

    /// A text, or nil inside for an absent one; nil outside when the bytes do not add up.
    mutating func optionalString() -> String?? {
        guard let length = int() else { return nil }
        if length == -1 { return .some(nil) }
        guard length >= 0, length <= bytes.count - offset else { return nil }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
        offset += length
        return .some(text)
    }

    mutating func string() -> String? {
        guard case let .some(.some(text)) = optionalString() else { return nil }
        return text
    }

    mutating func strings() -> [String]? {
        guard let count = count() else { return nil }
        var texts: [String] = []
        texts.reserveCapacity(count)
        for _ in 0..<count {
            guard let text = string() else { return nil }
            texts.append(text)
        }
        return texts
    }

    mutating func plan() -> DiagramPlan? {
        var plan = DiagramPlan()
        guard let viewCount = count() else { return nil }
        for _ in 0..<viewCount {
            guard let id = string(), let title = string(), let diagramID = string(), let diagram = diagram() else { return nil }
            plan.views.append((ViewEntry(id: id, title: title, diagram: diagramID), diagram))
        }
        guard let overview = optionalString(), let yearCount = count() else { return nil }
        plan.overview = overview
        for _ in 0..<yearCount {
            guard let year = int(), let diagram = diagram() else { return nil }
            plan.years[year] = diagram
        }
        guard let mapYearCount = count() else { return nil }
        for _ in 0..<mapYearCount {
            guard let year = int(), let mapCount = count() else { return nil }
            var maps: [PlannedDiagram] = []
            for _ in 0..<mapCount {
                guard let diagram = diagram() else { return nil }
                maps.append(diagram)
            }
            plan.yearMaps[year] = maps
        }
        guard let actorCount = count() else { return nil }
        for _ in 0..<actorCount {
            guard let actor = string(), let diagram = diagram() else { return nil }
            plan.actors[actor] = diagram
        }
        return plan
    }

    mutating func diagram() -> PlannedDiagram? {
        guard let id = string(), let title = string(), let caption = string(), let dot = string(), let tooltips = strings(),
              let engine = string().flatMap(LayoutEngine.init(rawValue:)), let fallback = optionalString(),
              let relationIDs = strings(), let actorIDs = strings(), let legendCount = count() else { return nil }
        var legend: [LegendLine] = []
        for _ in 0..<legendCount {
            guard let symbol = string(), let meaning = string(), let picture = optionalString(), let filter = optionalString() else { return nil }
            legend.append(LegendLine(symbol: symbol, meaning: meaning, picture: picture, filter: filter))
        }
        guard let truncatedCount = int(), let flags = int() else { return nil }
        let fallbackEngine = fallback.map(LayoutEngine.init(rawValue:))
        guard fallbackEngine != .some(nil) else { return nil }
        var diagram = PlannedDiagram(id: id, title: title, caption: caption, dot: dot, tooltips: tooltips, engine: engine,
                                     fallbackEngine: fallbackEngine ?? nil, relationIDs: relationIDs, actorIDs: actorIDs,
                                     legend: legend, truncatedCount: truncatedCount)
        diagram.startsFromGivenPositions = flags & 1 != 0
        diagram.isVectorOnly = flags & 2 != 0
        diagram.hasOwnIDs = flags & 4 != 0
        return diagram
    }
}
