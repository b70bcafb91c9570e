import Foundation

/// Writes the header of a frame's payload field by field: a number as 8 bytes, big-endian; a text as its UTF-8
/// length and bytes; a list as its count and its items; an optional as a flag and, when present, its value.
/// JSON took a tenth of a small diagram's trip through the worker; this is read back with no parsing beyond
/// the lengths.
struct FrameHeaderWriter {
    private(set) var bytes: [UInt8] = []

    mutating func number(_ value: Int) {
        word(UInt64(bitPattern: Int64(value)))
    }

    mutating func seconds(_ value: Double) {
        word(value.bitPattern)
    }

    mutating func flag(_ value: Bool) {
        number(value ? 1 : 0)
    }

    mutating func text(_ value: String) {
        number(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optionalText(_ value: String?) {
        flag(value != nil)
        if let value { text(value) }
    }

    mutating func texts(_ values: [String]) {
        number(values.count)
        for value in values { text(value) }
    }

    private mutating func word(_ value: UInt64) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}

/// Reads what a `FrameHeaderWriter` wrote, in the same order; any field that is cut short, too long or not
/// UTF-8 makes the frame malformed.
struct FrameHeaderReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ data: Data) {
        bytes = [UInt8](data)
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { offset == bytes.count }

    mutating func number() throws -> Int {
        Int(Int64(bitPattern: try word()))
    }

    mutating func seconds() throws -> Double {
        Double(bitPattern: try word())
    }

    mutating func flag() throws -> Bool {
        switch try number() {
        case 0: return false
        case 1: return true
        default: throw WorkerFrame.MalformedFrame()
        }
    }

    mutating func text() throws -> String {
        let count = try number()
        guard count >= 0, count <= bytes.count - offset,
              let text = String(validating: bytes[offset..<offset + count], as: UTF8.self) else { throw WorkerFrame.MalformedFrame() }
        offset += count
        return text
    }

    mutating func optionalText() throws -> String? {
        try flag() ? try text() : nil
    }

    mutating func texts() throws -> [String] {
        let count = try number()
        // Each text takes at least its 8-byte length, so a larger count cannot be honest.
        guard count >= 0, count <= (bytes.count - offset) / 8 else { throw WorkerFrame.MalformedFrame() }
        return try (0..<count).map { _ in try text() }
    }

    /// A text that must name a case of `Value`.
    mutating func value<Value: RawRepresentable>(_: Value.Type) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: try text()) else { throw WorkerFrame.MalformedFrame() }
        return value
    }

    private mutating func word() throws -> UInt64 {
        guard bytes.count - offset >= 8 else { throw WorkerFrame.MalformedFrame() }
        defer { offset += 8 }
        return bytes[offset..<offset + 8].reduce(0) { $0 << 8 | UInt64($1) }
    }
}

extension FrameHeaderWriter {
    /// Lists files by name and length in bytes; their bytes follow the header, in this order (see `FramePayload`).
    mutating func files(_ files: [(name: String, data: Data)]) {
        number(files.count)
        for file in files {
            text(file.name)
            number(file.data.count)
        }
    }
}

extension FrameHeaderReader {
    /// The files a writer's `files` listed, at most `limit` of them, cut from `attached` in order; their lengths
    /// must add up to all of `attached`.
    mutating func files(in attached: Data, atMost limit: Int) throws -> [String: Data] {
        let count = try number()
        guard count >= 0, count <= limit else { throw WorkerFrame.MalformedFrame() }
        var files: [String: Data] = [:]
        var offset = attached.startIndex
        for _ in 0..<count {
            let name = try text()
            let bytes = try number()
            guard bytes >= 0, bytes <= attached.endIndex - offset else { throw WorkerFrame.MalformedFrame() }
            files[name] = attached.subdata(in: offset..<(offset + bytes))
            offset += bytes
        }
        guard offset == attached.endIndex else { throw WorkerFrame.MalformedFrame() }
        return files
    }
}

/// A header and the bytes it accounts for, in one piece: the header's length (4 bytes, big-endian), the
/// header, then the bytes. A worker frame's payload has this shape, and so has a render cache file after its
/// first line.
enum FramePayload {
    /// The payload, after its own length when `lengthPrefixed` (a worker frame); its bytes are copied once, into
    /// storage of the final size (a reply carries whole drawings).
    static func make(header: FrameHeaderWriter, attached: [Data], lengthPrefixed: Bool = false) -> Data {
        let count = 4 + header.bytes.count + attached.reduce(0) { $0 + $1.count }
        var payload = Data(capacity: count + (lengthPrefixed ? 4 : 0))
        if lengthPrefixed { appendLength(count, to: &payload) }
        appendLength(header.bytes.count, to: &payload)
        payload.append(contentsOf: header.bytes)
        for data in attached { payload.append(data) }
        return payload
    }

    private static func appendLength(_ count: Int, to data: inout Data) {
        var length = UInt32(count).bigEndian
        withUnsafeBytes(of: &length) { data.append(contentsOf: $0) }
    }

    /// The header, ready to read, and the bytes after it.
    static func split(_ payload: Data) throws -> (header: FrameHeaderReader, attached: Data) {
        let prefix = [UInt8](payload.prefix(4))
        guard prefix.count == 4 else { throw WorkerFrame.MalformedFrame() }
        let headerEnd = 4 + WorkerFrame.length(of: prefix)
        guard headerEnd <= payload.count else { throw WorkerFrame.MalformedFrame() }
        let start = payload.startIndex
        return (FrameHeaderReader(payload[(start + 4)..<(start + headerEnd)]), payload[(start + headerEnd)...])
    }
}
