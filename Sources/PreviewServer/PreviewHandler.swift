import FlyingFox
import FlyingSocks
import Foundation

/// Answers the preview's requests: the site's files as they are on disk now (so a build swapped in is served at
/// once, and a failed build leaves the last good site), HTML with `LiveReload`'s script and overlay, and the
/// event stream. Only GET and HEAD are answered; nothing is cached by the browser.
struct PreviewHandler: HTTPHandler {
    let files: SiteFiles
    let events: ReloadEvents
    /// Host names the requests must name (the loopback names when serving on loopback), so a page of another
    /// site cannot read the preview through a name it rebinds to 127.0.0.1; nil accepts any.
    let allowedHosts: Set<String>?

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return PreviewHandler.text(.methodNotAllowed, "Only GET and HEAD are served.\n", extra: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        if let allowedHosts, !allowedHosts.contains(PreviewHandler.hostName(request.headers[.host] ?? "")) {
            return PreviewHandler.text(.forbidden, "This server answers only to the names of this machine's loopback address.\n")
        }
        // The target as sent, not FlyingFox's path, from which it removed the dot segments it recognised: a
        // request that tries to leave the site is refused, never served something else.
        guard let path = request.target.path(percentEncoded: true).removingPercentEncoding else {
            return PreviewHandler.text(.badRequest, "The path is not percent-encoded correctly.\n")
        }
        if path == LiveReload.eventsPath {
            return eventStream()
        }
        switch files.lookup(path) {
        case .badRequest:
            return PreviewHandler.text(.badRequest, "The path leaves the site.\n")
        case .notFound:
            return notFound(request)
        case .redirect(let location):
            let headers: HTTPHeaders = [.location: PreviewHandler.percentEncoded(location), .cacheControl: "no-store"]
            return HTTPResponse(statusCode: .movedPermanently, headers: headers)
        case .file(let path, let sitePath):
            guard let data = FileManager.default.contents(atPath: path) else { return notFound(request) }
            let type = ContentType.of(sitePath)
            let body = ContentType.isHTML(sitePath) ? LiveReload.inject(into: data, status: events.status) : data
            return PreviewHandler.file(body, type: type, head: request.method == .HEAD)
        }
    }

    /// The event stream: it stays open, and carries only what `ReloadEvents` sends.
    private func eventStream() -> HTTPResponse {
        let headers: HTTPHeaders = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: EventBytes(events.subscribe())))
    }

    /// 404, as an HTML page with the live script, so a page that is missing while the model is broken still shows
    /// the errors and appears once it is built.
    private func notFound(_ request: HTTPRequest) -> HTTPResponse {
        let title = events.status.build == 0 && !events.status.hasErrors ? "The site is being built" : "Not found"
        let page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(title)</title></head>
            <body><h1>\(title)</h1><p>The site has no file at <code>\(LiveReload.escaped(request.target.path(percentEncoded: false)))</code>.</p></body></html>

            """
        let body = LiveReload.inject(into: Data(page.utf8), status: events.status)
        var response = PreviewHandler.file(body, type: "text/html; charset=utf-8", head: request.method == .HEAD)
        response.statusCode = .notFound
        return response
    }

    static func file(_ data: Data, type: String, head: Bool) -> HTTPResponse {
        let headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store", .contentLength: String(data.count),
                                    HTTPHeader("X-Content-Type-Options"): "nosniff"]
        return HTTPResponse(statusCode: .ok, headers: headers, body: head ? Data() : data)
    }

    static func text(_ status: HTTPStatusCode, _ text: String, extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"]
        for (name, value) in extra { headers[name] = value }
        return HTTPResponse(statusCode: status, headers: headers, body: Data(text.utf8))
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

/// The bytes of an event stream, as FlyingFox sends a body whose length is not known (chunked).
struct EventBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let events: AsyncStream<Data>

    init(_ events: AsyncStream<Data>) {
        self.events = events
    }

    func makeAsyncIterator() -> Iterator {
        Iterator(events: events.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<Data>.Iterator
        var pending: [UInt8] = []

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        /// Up to `count` bytes: what is left of the last event, or the next event once it is sent.
        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            if pending.isEmpty {
                guard let event = await events.next() else { return nil }
                pending = [UInt8](event)
            }
            let taken = Array(pending.prefix(Swift.max(1, count)))
            pending.removeFirst(taken.count)
            return taken
        }
    }
}
