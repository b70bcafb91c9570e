import Crypto
import Foundation
import Hashing
import Synchronization
import SystemIO

/// What each page of the last build was rendered from, so that a rebuild keeps a page whose template and values
/// are unchanged instead of rendering it again: its bytes are taken from the site on disk, once they are checked
/// to be the ones that build wrote.
///
/// A page's inputs are a digest of the build's salt (relmap's version and executable, every template and
/// partial) and of its template values, read field by field through their `Encodable` conformance (a page's
/// values are `Encodable` by its type); a page whose values cannot be encoded renders as usual.
public final class PageMemo: Sendable {
    /// The digests of one page: what it was rendered from, and the bytes it came out as.
    public struct Entry: Codable, Equatable, Sendable {
        public var inputs: String
        public var output: String
    }

    private let salt: String
    private let previous: [String: Entry]
    /// Every file the last build wrote, pages or not; nil when the memo does not know them.
    let previousFiles: Set<String>?
    private let current = Mutex<[String: Entry]>([:])

    /// A memo that remembers nothing yet: every page renders.
    public convenience init(salt: String) {
        self.init(salt: salt, previous: [:], previousFiles: nil)
    }

    init(salt: String, previous: [String: Entry], previousFiles: Set<String>?) {
        self.salt = salt
        self.previous = previous
        self.previousFiles = previousFiles
    }

    /// The salt of a build by `program` (see `BuildStamp.program`) with `templates`: pages rendered by another
    /// relmap or from other templates or partials are never kept.
    public static func salt(program: String, templates: TemplateSet) -> String {
        SiteMetadata.hash(of: [("relmap", Data(program.utf8))]
            + templates.templates.keys.sorted().map { ("template \($0)", Data(templates.templates[$0]!.utf8)) })
    }

    /// The file the memo keeps in a cache folder.
    public static func path(in cacheFolder: String) -> String { "\(cacheFolder)/pages.json" }

    /// The memo of the last build made with the same `salt`; an empty one when there is none or it was made
    /// with another salt.
    public static func load(from cacheFolder: String, salt: String) -> PageMemo {
        guard let data = FileManager.default.contents(atPath: path(in: cacheFolder)),
              let saved = try? JSONDecoder().decode(Saved.self, from: data), saved.salt == salt else { return PageMemo(salt: salt) }
        return PageMemo(salt: salt, previous: saved.pages, previousFiles: saved.files.map(Set.init))
    }

    /// Saves what this build rendered and every file of the site it wrote (`files`), once that site is in place:
    /// a memo is only ever saved by a build that passed every step, the link check included. A memo that
    /// cannot be written only costs a full render next time.
    public func save(in cacheFolder: String, files: [String]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(Saved(salt: salt, pages: recorded, files: files)) else { return }
        try? FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
        try? AtomicFile.replace(PageMemo.path(in: cacheFolder), with: data)
    }

    /// Forgets the last build's pages, before the output is replaced.
    public static func remove(from cacheFolder: String) {
        unlink(path(in: cacheFolder))
    }

    /// The digest of a page's inputs, or nil when its values cannot be read completely.
    func inputs(template: String, context: Any) -> String? {
        var digest = TemplateValueDigest()
        digest.add(salt)
        digest.add(template)
        guard digest.add(value: context) else { return nil }
        return digest.hexadecimal
    }

    /// What the last build wrote at `path` from the same inputs, if anything.
    func previousEntry(at path: String, inputs: String) -> Entry? {
        guard let entry = previous[path], entry.inputs == inputs else { return nil }
        return entry
    }

    /// How many pages of the last build the memo knows.
    var rememberedPages: Int { previous.count }

    /// The digest of the bytes the last build wrote at `path`.
    func previousOutput(at path: String) -> String? {
        previous[path]?.output
    }

    /// The pages this build wrote with the very bytes the last build wrote.
    var unchangedPages: Set<String> {
        Set(recorded.filter { path, entry in previous[path]?.output == entry.output }.keys)
    }

    /// Notes what this build wrote at `path`.
    func record(_ entry: Entry, at path: String) {
        current.withLock { $0[path] = entry }
    }

    /// The digest of a page's bytes.
    static func outputDigest(_ data: Data) -> String {
        SHA256.hash(data: data).hexadecimal
    }

    var recorded: [String: Entry] {
        current.withLock { $0 }
    }

    private struct Saved: Codable {
        var salt: String
        var pages: [String: Entry]
        var files: [String]?
    }
}

/// A SHA-256 over a template value, fed by its `Encodable` conformance: every stored field by name (an absent
/// optional as an explicit nil), every element of a list behind a marker, every string with its length, so two
/// different values of one type never feed the same bytes.
struct TemplateValueDigest {
    private let sink: DigestSink

    /// - Parameter direct: whether `DirectlyDigested` values feed themselves (the tests compare both ways).
    init(direct: Bool = true) {
        sink = DigestSink(direct: direct)
    }

    mutating func add(_ text: String) {
        sink.text(text)
    }

    /// Adds `value`; false when it is not `Encodable` (or its encoding fails), so its page is not memoised.
    mutating func add(value: Any) -> Bool {
        guard let value = value as? any Encodable else { return false }
        sink.token("<\(String(reflecting: type(of: value)))")
        do {
            try value.encode(to: DigestEncoder(sink: sink))
            return true
        } catch {
            return false
        }
    }

    var hexadecimal: String { sink.finalize().hexadecimal }
}

/// The hash the digest's containers write into.
final class DigestSink {
    // A sink is fed by one thread, a token at a time: the runtime's exclusivity checks on its two fields took
    // as long as the feeding.
    @exclusivity(unchecked) private var hash = SHA256()
    /// Bytes not yet hashed: the hash is fed in blocks rather than a call per token.
    @exclusivity(unchecked) private var pending: [UInt8] = []
    private static let blockSize = 1 << 14
    /// Whether `DirectlyDigested` values feed themselves.
    let direct: Bool

    /// - Parameter capacity: the bytes to make room for at first: a block for a page, less for a small value.
    init(direct: Bool, capacity: Int = DigestSink.blockSize + 256) {
        self.direct = direct
        pending.reserveCapacity(capacity)
    }

    /// The digest of every byte fed so far.
    func finalize() -> SHA256.Digest {
        flush()
        return hash.finalize()
    }

    func token(_ token: String) {
        bytes(token)
        pending.append(0)
    }

    /// A token made of a one-letter kind and a name, without building the string.
    func token(_ kind: StaticString, _ name: String) {
        pending.append(contentsOf: UnsafeBufferPointer(start: kind.utf8Start, count: kind.utf8CodeUnitCount))
        token(name)
    }

    func text(_ text: String) {
        pending.append(UInt8(ascii: "s"))
        decimal(text.utf8.count)
        pending.append(0)
        bytes(text)
    }

    /// A count in decimal digits, as `String(count)` spells it.
    private func decimal(_ count: Int) {
        if count >= 10 { decimal(count / 10) }
        pending.append(UInt8(ascii: "0") + UInt8(count % 10))
    }

    /// The opening of a keyed value's fields.
    func fields() {
        token("{")
    }

    /// A text field, as a keyed container writes it.
    func field(_ key: String, _ value: String) {
        token("k", key)
        text(value)
    }

    /// An optional text field, as a keyed container writes it.
    func field(_ key: String, _ value: String?) {
        guard let value else { return absent(key) }
        field(key, value)
    }

    /// A field of a value that feeds itself.
    func field(_ key: String, _ value: some DirectlyDigested) {
        token("k", key)
        value.digest(into: self)
    }

    /// An optional field of a value that feeds itself.
    func field(_ key: String, _ value: (some DirectlyDigested)?) {
        guard let value else { return absent(key) }
        field(key, value)
    }

    /// A list field of values that feed themselves, as a keyed container writes an array.
    func field(_ key: String, _ values: [some DirectlyDigested]) {
        token("k", key)
        token("[")
        for value in values {
            token("e")
            value.digest(into: self)
        }
    }

    private func absent(_ key: String) {
        token("k", key)
        token("nil")
    }

    private func bytes(_ text: String) {
        var text = text
        text.withUTF8 { pending.append(contentsOf: $0) }
        if pending.count >= DigestSink.blockSize { flush() }
    }

    private func flush() {
        pending.withUnsafeBytes { hash.update(bufferPointer: $0) }
        pending.removeAll(keepingCapacity: true)
    }
}

/// A template value that feeds the page digest itself, the very bytes its synthesised `Encodable` conformance
/// feeds through the digest's containers (a test compares the two), without their dynamic dispatch: the values
/// that fill pages by the thousand.
protocol DirectlyDigested: Encodable {
    func digest(into sink: DigestSink)
}

private struct DigestEncoder: Encoder {
    let sink: DigestSink
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.token("{")
        return KeyedEncodingContainer(KeyedDigest(sink: sink))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        sink.token("[")
        return UnkeyedDigest(sink: sink)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        SingleDigest(sink: sink)
    }
}

/// Writes a primitive or, for anything else, the value's own encoding.
private func digest<T: Encodable>(_ value: T, into sink: DigestSink) throws {
    if sink.direct, let direct = value as? DirectlyDigested {
        return direct.digest(into: sink)
    }
    switch value {
    case let text as String: sink.text(text)
    case let number as Double: sink.token("d\(number.bitPattern)")
    case let number as Float: sink.token("f\(number.bitPattern)")
    case let flag as Bool: sink.token(flag ? "true" : "false")
    case let number as any BinaryInteger: sink.token("i\(number)")
    default: try value.encode(to: DigestEncoder(sink: sink))
    }
}

private struct KeyedDigest<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: DigestSink
    var codingPath: [CodingKey] = []

    mutating func encodeNil(forKey key: Key) throws {
        sink.token("k", key.stringValue)
        sink.token("nil")
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        sink.token("k", key.stringValue)
        try digest(value, into: sink)
    }

    // Synthesised conformances skip an absent optional; the digest records it, so every key of a type is always
    // there and a value cannot pass for another of different shape.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try present(value, forKey: key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, forKey: key) }

    private mutating func present<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else { return try encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        sink.token("k", key.stringValue)
        return DigestEncoder(sink: sink).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        sink.token("k", key.stringValue)
        return DigestEncoder(sink: sink).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder {
        sink.token("super")
        return DigestEncoder(sink: sink)
    }

    mutating func superEncoder(forKey key: Key) -> Encoder {
        sink.token("k", key.stringValue)
        return DigestEncoder(sink: sink)
    }
}

private struct UnkeyedDigest: UnkeyedEncodingContainer {
    let sink: DigestSink
    var codingPath: [CodingKey] = []
    var count = 0

    mutating func encodeNil() throws {
        count += 1
        sink.token("e")
        sink.token("nil")
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        count += 1
        sink.token("e")
        try digest(value, into: sink)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        count += 1
        sink.token("e")
        return DigestEncoder(sink: sink).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        count += 1
        sink.token("e")
        return DigestEncoder(sink: sink).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder {
        count += 1
        sink.token("e")
        return DigestEncoder(sink: sink)
    }
}

private struct SingleDigest: SingleValueEncodingContainer {
    let sink: DigestSink
    var codingPath: [CodingKey] = []

    mutating func encodeNil() throws {
        sink.token("nil")
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try digest(value, into: sink)
    }
}
