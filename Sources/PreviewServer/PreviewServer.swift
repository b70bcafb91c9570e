import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// The HTTP server of `relmap serve`: FlyingFox (Swift concurrency over non-blocking sockets, an epoll wait with
/// no timeout when idle) serving a site folder through `PreviewHandler`.
public final class PreviewServer: Sendable {
    public let host: String
    private let server: HTTPServer
    private let running = Mutex<Task<Void, Never>?>(nil)

    /// A server for the site in `files`, on `host` (an IPv4 or IPv6 address) and `port` (0: any free port).
    /// Requests must name a loopback host when `host` is a loopback address.
    public init(files: SiteFiles, events: ReloadEvents, host: String, port: UInt16) throws(PreviewServerError) {
        self.host = host
        let address: any SocketAddress
        do {
            address = host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
        } catch {
            throw PreviewServerError.badHost(host)
        }
        let allowed: Set<String>? = PreviewServer.isLoopback(host) ? ["localhost", "127.0.0.1", "[::1]"] : nil
        server = HTTPServer(address: address, timeout: 30, pool: HTTPServer.defaultPool(), logger: .disabled,
                            handler: PreviewHandler(files: files, events: events, allowedHosts: allowed))
    }

    /// Whether `host` is a loopback address: only this machine can connect.
    public static func isLoopback(_ host: String) -> Bool {
        host == "::1" || host.hasPrefix("127.")
    }

    /// Starts listening and returns the port, or fails when the address cannot be bound (the port taken, for
    /// one); the server then answers until `stop`.
    public func start() async throws(PreviewServerError) -> UInt16 {
        let (outcomes, outcome) = AsyncStream<Result<Void, any Error>>.makeStream()
        let server = self.server
        let task = Task {
            do {
                try await server.run()
                outcome.yield(.failure(PreviewServerError.stopped))
            } catch {
                outcome.yield(.failure(error))
            }
        }
        running.withLock { $0 = task }
        let waiting = Task {
            do {
                try await server.waitUntilListening(timeout: 30)
                outcome.yield(.success(()))
            } catch {
                outcome.yield(.failure(error))
            }
        }
        var iterator = outcomes.makeAsyncIterator()
        let first = await iterator.next() ?? .failure(PreviewServerError.stopped)
        waiting.cancel()
        switch first {
        case .success:
            guard let address = await server.listeningAddress else { throw .stopped }
            switch address {
            case .ip4(_, let port), .ip6(_, let port): return port
            default: throw .stopped
            }
        case .failure(let error):
            if case SocketError.failed(_, let code, let message) = error {
                throw code == EADDRINUSE ? .portTaken : code == EADDRNOTAVAIL ? .badHost(host) : .cannotListen(message)
            }
            throw .cannotListen("\(error)")
        }
    }

    /// Closes the listening socket and every connection.
    public func stop() async {
        await server.stop(timeout: 0)
        running.withLock { $0 }?.cancel()
    }
}

/// Why the preview server cannot serve.
public enum PreviewServerError: Error, Equatable, Sendable {
    /// Another program listens on the port.
    case portTaken
    /// Not an address of this machine, or not an address.
    case badHost(String)
    case cannotListen(String)
    /// The server stopped before it listened.
    case stopped
}
