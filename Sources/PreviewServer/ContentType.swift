/// The media type a site file is sent with, by its extension: browsers must not guess (an SVG sent as text is
/// not drawn, a DOT file would be offered as an unknown download).
public enum ContentType {
    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "json": "application/json",
        "svg": "image/svg+xml",
        "png": "image/png",
        "pdf": "application/pdf",
        "dot": "text/vnd.graphviz; charset=utf-8",
        "gv": "text/vnd.graphviz; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
        "xml": "application/xml",
        "csv": "text/csv; charset=utf-8",
        "ico": "image/x-icon",
        "woff2": "font/woff2",
    ]

    /// The media type of a file named `path`; `application/octet-stream` for an extension relmap never writes.
    public static func of(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "application/octet-stream" }
        return byExtension[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }

    public static func isHTML(_ path: String) -> Bool {
        of(path).hasPrefix("text/html")
    }
}
