import Foundation
import ParallelWork
import SiteLayout
import Synchronization

/// A link on a page whose target file or anchor is missing.
public struct LinkProblem: Sendable, Equatable, CustomStringConvertible {
    public var page: String
    public var link: String
    public var description: String { "\(page) links to \(link)" }
}

/// Reads the links out of a site's HTML pages and checks each relative one against the site itself.
public struct LinkChecker: Sendable {
    public let site: Site
    /// How many threads check pages at once.
    public let processors: Int

    /// Each page's ids, read once however many pages link into it.
    private let anchorCache: AnchorCache

    public init(site: Site, processors: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.site = site
        self.processors = processors
        anchorCache = AnchorCache(site: site)
    }

    /// The relative links of a page, as written (external `scheme:` links left out).
    public func links(on page: String) -> [String] {
        site[page].map { LinkChecker.links(in: Array($0)) } ?? []
    }

    /// The relative links in a page's bytes.
    static func links(in bytes: [UInt8]) -> [String] {
        attributeValues(named: linkAttributes, in: bytes, relativeOnly: true)
            .map { $0.utf8.contains(UInt8(ascii: "&")) ? $0.replacingOccurrences(of: "&amp;", with: "&") : $0 }
    }

    /// The ids a page defines, for checking `#fragment` links.
    public func anchors(on page: String) -> Set<String> {
        anchorCache.anchors(on: page)
    }

    /// The ids defined in a page's bytes.
    static func anchors(in bytes: [UInt8]) -> Set<String> {
        Set(attributeValues(named: [Array("id".utf8)], in: bytes))
    }

    private static let linkAttributes = ["href", "src", "xlink:href"].map { Array($0.utf8) }

    /// The values of the double-quoted attributes with these names, each preceded by whitespace, in order: one
    /// pass over the bytes from one `="` to the next (`memchr` finds them; a regular expression over pages with
    /// large inline drawings took most of a build, and a byte-by-byte walk most of a large site's link check).
    /// `relativeOnly` leaves out values with a colon (`scheme:` links) unless they begin with `#`, before
    /// they are made into strings.
    static func attributeValues(named names: [[UInt8]], in bytes: [UInt8], relativeOnly: Bool = false) -> [String] {
        bytes.withUnsafeBufferPointer { buffer -> [String] in
            guard let base = buffer.baseAddress else { return [] }
            let count = buffer.count
            var values: [String] = []
            var index = 0
            func next(_ byte: UInt8, from start: Int) -> Int? {
                guard start < count, let found = memchr(base + start, Int32(byte), count - start) else { return nil }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            while let equals = next(UInt8(ascii: "="), from: index) {
                index = equals + 1
                guard equals + 1 < count, base[equals + 1] == UInt8(ascii: "\"") else { continue }
                let matches = names.contains { name in
                    let start = equals - name.count
                    guard start >= 1, base[start - 1] == 0x20 || (0x09...0x0D).contains(base[start - 1]) else { return false }
                    return UnsafeBufferPointer(start: base + start, count: name.count).elementsEqual(name)
                }
                guard matches else { continue }
                guard let end = next(UInt8(ascii: "\""), from: equals + 2) else { return values }
                index = end + 1
                let value = UnsafeBufferPointer(start: base + equals + 2, count: end - equals - 2)
                if relativeOnly, value.first != UInt8(ascii: "#"), memchr(value.baseAddress!, Int32(UInt8(ascii: ":")), value.count) != nil {
                    continue
                }
                values.append(String(decoding: value, as: UTF8.self))
            }
            return values
        }
    }

    /// Resolves a link written on `page` to a site path and an optional fragment; nil when it leaves the site.
    public func resolve(_ link: String, from page: String) -> (path: String, fragment: String?)? {
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let fragment = parts.count > 1 ? String(parts[1]) : nil
        let target = String(parts[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
        if target.isEmpty { return (page, fragment) }
        var components = page.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            case ".", "": continue
            default: components.append(String(part))
            }
        }
        var path = components.joined(separator: "/")
        if target.hasSuffix("/") || path.isEmpty { path += path.isEmpty ? "index.html" : "/index.html" }
        return (path, fragment)
    }

    /// The site's HTML pages, in path order.
    public var pages: [String] { site.paths.filter { $0.hasSuffix(".html") } }

    /// What a build's link check can take from the last build's, which checked every link (a memo is saved only
    /// after a build that did): the pages to check, and what the last check vouches for on them.
    public struct Recheck: Sendable {
        /// The pages whose links need checking.
        public var pages: [String]
        /// The pages whose bytes are those of the last build: their ids are the ones links were checked against.
        var unchangedPages: Set<String> = []
        /// For each page to check that the last build had, the links its last version held.
        var earlierLinks: [String: Set<String>] = [:]
    }

    /// The pages whose links need checking after a build `memo` remembers: only the pages whose bytes changed,
    /// when the last build's memo lists its files and they are all still there, and no page that changed lost an
    /// id it had. A page with the same bytes still links to files that are there and to ids that are there, and
    /// a link a changed page already had, into a page whose bytes did not change, still finds its id; otherwise,
    /// and without a memo, every page and every link is checked.
    public func recheck(after memo: PageMemo?) -> Recheck {
        let pages = self.pages
        guard let memo, let lastFiles = memo.previousFiles, lastFiles.allSatisfy(site.contains) else { return Recheck(pages: pages) }
        let unchanged = memo.unchangedPages
        let changed = pages.filter { !unchanged.contains($0) }
        var recheck = Recheck(pages: changed, unchangedPages: unchanged)
        for page in changed where lastFiles.contains(page) {
            guard let digest = memo.previousOutput(at: page), let last = site.previousFile(at: page).map(Array.init),
                  PageMemo.outputDigest(Data(last)) == digest,
                  LinkChecker.anchors(in: last).isSubset(of: anchors(on: page)) else {
                return Recheck(pages: pages)
            }
            recheck.earlierLinks[page] = Set(LinkChecker.links(in: last))
        }
        return recheck
    }

    /// The pages whose links need checking after a build `memo` remembers (see `recheck(after:)`).
    public func pagesToCheck(after memo: PageMemo?) -> [String] {
        recheck(after: memo).pages
    }

    /// The links on the pages `recheck` names whose file, or anchor within it, does not exist, in page order.
    public func problems(in recheck: Recheck) -> [LinkProblem] {
        problems(onPages: recheck.pages, vouched: recheck)
    }

    /// Every link on every HTML page whose file, or anchor within it, does not exist, in page order.
    public func problems() -> [LinkProblem] {
        problems(onPages: pages)
    }

    /// The links on `pages` whose file, or anchor within it, does not exist, in page order. Pages are checked
    /// in slices on `processors` threads.
    public func problems(onPages pages: [String]) -> [LinkProblem] {
        problems(onPages: pages, vouched: nil)
    }

    private func problems(onPages pages: [String], vouched: Recheck?) -> [LinkProblem] {
        let sliceCount = max(1, min(pages.count, processors * 4))
        let found = ParallelResults<[LinkProblem]>(count: sliceCount, processors: processors) { slice in
            problems(on: pages[(pages.count * slice / sliceCount)..<(pages.count * (slice + 1) / sliceCount)], vouched: vouched)
        }
        return found.values.flatMap { $0 }
    }

    /// The ids of each page that links point into, read once for all threads and for `pagesToCheck` (a timeline
    /// page of a large model is megabytes, and most pages link into it).
    private final class AnchorCache: Sendable {
        let site: Site
        private let known = Mutex<[String: Entry]>([:])

        /// One page's ids, read by the first thread that asks while any other asking for them waits.
        private final class Entry: Sendable {
            let anchors = Mutex<Set<String>?>(nil)
        }

        init(site: Site) {
            self.site = site
        }

        func anchors(on page: String) -> Set<String> {
            let entry = known.withLock { known in
                if let entry = known[page] { return entry }
                let entry = Entry()
                known[page] = entry
                return entry
            }
            return entry.anchors.withLock { anchors in
                if let anchors { return anchors }
                let read = site[page].map { LinkChecker.anchors(in: Array($0)) } ?? []
                anchors = read
                return read
            }
        }
    }

    private func problems(on pages: ArraySlice<String>, vouched: Recheck?) -> [LinkProblem] {
        var problems: [LinkProblem] = []
        var resolver = Resolver(checker: self)
        for page in pages {
            let earlier = vouched?.earlierLinks[page] ?? []
            for link in links(on: page) {
                guard let (path, fragment) = resolver.resolve(link, from: page), site.contains(path) else {
                    problems.append(LinkProblem(page: page, link: link))
                    continue
                }
                guard let fragment, !fragment.isEmpty, path.hasSuffix(".html") else { continue }
                if earlier.contains(link), vouched?.unchangedPages.contains(path) == true { continue }
                if !anchors(on: path).contains(fragment) {
                    problems.append(LinkProblem(page: page, link: link))
                }
            }
        }
        return problems
    }

    /// The pages reachable by following links from `start`.
    public func reachable(from start: String = SitePath.index) -> Set<String> {
        var seen: Set<String> = [start]
        var queue = [start]
        var resolver = Resolver(checker: self)
        while let page = queue.popLast() {
            guard page.hasSuffix(".html") else { continue }
            for link in links(on: page) {
                guard let (path, _) = resolver.resolve(link, from: page), site.contains(path), !seen.contains(path) else { continue }
                seen.insert(path)
                queue.append(path)
            }
        }
        return seen
    }

    /// Resolves links, remembering each target (the link without its fragment) as resolved from each folder:
    /// pages in one folder share most targets, and a page links to many rows of one page.
    private struct Resolver {
        let checker: LinkChecker
        var known: [String: [String: String?]] = [:]
        /// The folder of the page asked about last: a page's links are resolved one after another.
        var lastPage: String?
        var lastFolder = ""

        mutating func resolve(_ link: String, from page: String) -> (path: String, fragment: String?)? {
            if link.hasPrefix("#") || link.hasPrefix("?") { return checker.resolve(link, from: page) }
            let hash = link.utf8.firstIndex(of: UInt8(ascii: "#"))
            let target = hash.map { String(link[..<$0]) } ?? link
            let fragment = hash.map { String(link[link.index(after: $0)...]) }
            if page != lastPage {
                lastPage = page
                lastFolder = page.lastIndex(of: "/").map { String(page[..<$0]) } ?? ""
            }
            let folder = lastFolder
            let path: String?
            if let resolved = known[folder]?[target] {
                path = resolved
            } else {
                path = checker.resolve(target, from: page)?.path
                known[folder, default: [:]][target] = .some(path)
            }
            return path.map { ($0, fragment) }
        }
    }
}
