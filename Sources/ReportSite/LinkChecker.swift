import Foundation

/// A link on a page whose target file or anchor is missing.
public struct LinkProblem: Sendable, Equatable, CustomStringConvertible {
    public var page: String
    public var link: String
    public var description: String { "\(page) links to \(link)" }
}

/// Reads the links out of a site's HTML pages and checks each relative one against the site itself.
public struct LinkChecker {
    public let site: Site
    private static let attribute = try! NSRegularExpression(pattern: #"\s(?:href|src|xlink:href)="([^"]*)""#)
    private static let identifier = try! NSRegularExpression(pattern: #"\sid="([^"]*)""#)

    public init(site: Site) {
        self.site = site
    }

    /// The relative links of a page, as written (external `scheme:` links left out).
    public func links(on page: String) -> [String] {
        guard let text = site.text(at: page) else { return [] }
        return LinkChecker.matches(of: LinkChecker.attribute, in: text)
            .map { $0.replacingOccurrences(of: "&amp;", with: "&") }
            .filter { !$0.contains(":") || $0.hasPrefix("#") }
    }

    /// The ids a page defines, for checking `#fragment` links.
    public func anchors(on page: String) -> Set<String> {
        guard let text = site.text(at: page) else { return [] }
        return Set(LinkChecker.matches(of: LinkChecker.identifier, in: text))
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

    /// Every link on every HTML page whose file, or anchor within it, does not exist.
    public func problems() -> [LinkProblem] {
        var anchorCache: [String: Set<String>] = [:]
        var problems: [LinkProblem] = []
        for page in site.paths where page.hasSuffix(".html") {
            for link in links(on: page) {
                guard let (path, fragment) = resolve(link, from: page), site.contains(path) else {
                    problems.append(LinkProblem(page: page, link: link))
                    continue
                }
                guard let fragment, !fragment.isEmpty, path.hasSuffix(".html") else { continue }
                if anchorCache[path] == nil { anchorCache[path] = anchors(on: path) }
                if !anchorCache[path]!.contains(fragment) {
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
        while let page = queue.popLast() {
            guard page.hasSuffix(".html") else { continue }
            for link in links(on: page) {
                guard let (path, _) = resolve(link, from: page), site.contains(path), !seen.contains(path) else { continue }
                seen.insert(path)
                queue.append(path)
            }
        }
        return seen
    }

    private static func matches(of expression: NSRegularExpression, in text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
