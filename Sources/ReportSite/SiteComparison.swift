import Foundation

/// How a site on disk differs from the site a build would write: the guard for teams that commit their site.
public struct SiteComparison: Sendable, Equatable {
    /// Files whose bytes differ.
    public var changed: [String] = []
    /// Files the build makes that are not on disk.
    public var missing: [String] = []
    /// Files on disk that the build would not make (a top-level `README.md` is the publisher's own, and the
    /// marker is written when the site is published: both are ignored).
    public var extra: [String] = []

    public var isUpToDate: Bool { changed.isEmpty && missing.isEmpty && extra.isEmpty }

    public init(site: Site, output: String) {
        let fileManager = FileManager.default
        var onDisk: Set<String> = []
        if let enumerator = fileManager.enumerator(atPath: output) {
            while let relative = enumerator.nextObject() as? String {
                var isDirectory: ObjCBool = false
                if fileManager.fileExists(atPath: "\(output)/\(relative)", isDirectory: &isDirectory), !isDirectory.boolValue {
                    onDisk.insert(relative)
                }
            }
        }
        for path in site.paths {
            if !onDisk.contains(path) {
                missing.append(path)
            } else if fileManager.contents(atPath: "\(output)/\(path)") != site[path] {
                changed.append(path)
            }
        }
        extra = onDisk.subtracting(site.paths).filter { $0 != "README.md" && $0 != SiteOwnership.markerName }.sorted()
    }

    /// One line per stale file: `changed: x`, `missing: y`, `extra: z`.
    public var lines: [String] {
        changed.map { "changed: \($0)" } + missing.map { "missing: \($0)" } + extra.map { "extra: \($0)" }
    }
}
