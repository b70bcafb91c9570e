import Foundation
import HTTPTypes
import HummingbirdCore
import NIOCore

/// Answers the preview's requests: the site's files as they are on disk now (so a build swapped in is served at
/// once, and a failed build leaves the last good site), HTML with `LiveReload`'s script and overlay, and the
/// event stream. Only GET and HEAD are answered; nothing is cached by the browser.
struct PreviewResponder: Sendable {
    let files: SiteFiles
    let events: ReloadEvents
    /// Host names the requests must name (the loopback names when serving on loopback), so a page of another
    /// site cannot read the preview through a name it rebinds to 127.0.0.1; nil accepts any.
    let allowedHosts: Set<String>?

    func respond(to request: Request) async -> Response {
        let head = request.method == .head
        guard request.method == .get || head else {
            return PreviewResponder.text(.methodNotAllowed, "Only GET and HEAD are served.\n", allow: true)
        }
        if let allowedHosts, !allowedHosts.contains(PreviewResponder.hostName(request.head.authority ?? "")) {
            return PreviewResponder.text(.forbidden, "This server answers only to the names of this machine's loopback address.\n")
        }
        // The path as sent, decoded once: a request that tries to leave the site is refused, never served
        // something else.
        guard let path = request.uri.path.removingPercentEncoding else {
            return PreviewResponder.text(.badRequest, "The path is not percent-encoded correctly.\n")
        }
        if path == LiveReload.eventsPath {
            return eventStream()
        }
        switch files.lookup(path) {
        case .badRequest:
            return PreviewResponder.text(.badRequest, "The path leaves the site.\n")
        case .notFound:
            return notFound(path, head: head)
        case .redirect(let location):
            var headers = HTTPFields()
            headers[.location] = PreviewResponder.percentEncoded(location)
            headers[.cacheControl] = "no-store"
            return Response(status: .movedPermanently, headers: headers)
        case .file(let real, let sitePath):
            guard let data = FileManager.default.contents(atPath: real) else { return notFound(path, head: head) }
            let body = ContentType.isHTML(sitePath) ? LiveReload.inject(into: data, status: events.status) : data
            return PreviewResponder.file(body, type: ContentType.of(sitePath), head: head)
        }
    }

    /// The event stream: it stays open, and carries only what `ReloadEvents` sends.
    private func eventStream() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        let stream = events.subscribe()
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            for await event in stream {
                try await writer.write(ByteBuffer(bytes: event))
            }
            try await writer.finish(nil)
        })
    }

    /// 404, as an HTML page with the live script, so a page that is missing while the model is broken still shows
    /// the errors, and appears once it is built.
    private func notFound(_ path: String, head: Bool) -> Response {
        let status = events.status
        let title = status.build == 0 && !status.hasErrors ? "The site is being built" : "Not found"
        let page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(title)</title></head>
            <body><h1>\(title)</h1><p>The site has no file at <code>\(LiveReload.escaped(path))</code>.</p></body></html>

            """
        var response = PreviewResponder.file(LiveReload.inject(into: Data(page.utf8), status: status),
                                              type: "text/html; charset=utf-8", head: head)
        response.status = .notFound
        return response
    }

    static func file(_ data: Data, type: String, head: Bool) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[.contentLength] = String(data.count)
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return Response(status: .ok, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func text(_ status: HTTPResponse.Status, _ text: String, allow: Bool = false) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        if allow { headers[.allow] = "GET, HEAD" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// The host name of a `Host` header, without its port, lowercased; an IPv6 literal keeps its brackets.
    static func hostName(_ header: String) -> String {
        let host = header.trimmingCharacters(in: .whitespaces).lowercased()
        if host.hasPrefix("["), let end = host.firstIndex(of: "]") { return String(host[...end]) }
        return host.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? host
    }

    /// A site path as it goes in a `Location` header.
    static func percentEncoded(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }
}
