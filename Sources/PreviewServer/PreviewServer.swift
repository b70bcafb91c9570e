import Foundation
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization

/// The HTTP server of `relmap serve`: Hummingbird's HTTP/1.1 server (on SwiftNIO, whose event loop waits in
/// `epoll_wait` without a timeout while nothing happens) serving a site folder through `PreviewResponder`.
public final class PreviewServer: Sendable {
    public let host: String
    private let port: UInt16
    private let responder: PreviewResponder
    private let running = Mutex<Task<Void, Never>?>(nil)

    /// A server for the site in `files`, on `host` (an IPv4 or IPv6 address) and `port` (0: any free port).
    /// Requests must name a loopback host when `host` is a loopback address.
    public init(files: SiteFiles, events: ReloadEvents, host: String, port: UInt16) {
        self.host = host
        self.port = port
        let allowed: Set<String>? = PreviewServer.isLoopback(host) ? ["localhost", "127.0.0.1", "[::1]"] : nil
        responder = PreviewResponder(files: files, events: events, allowedHosts: allowed)
    }

    /// Whether `host` is a loopback address: only this machine can connect.
    public static func isLoopback(_ host: String) -> Bool {
        host == "::1" || host.hasPrefix("127.")
    }

    /// Starts listening and returns the port, or fails when the address cannot be bound (the port taken, for
    /// one); the server then answers until the process ends or `stop` is called.
    public func start() async throws(PreviewServerError) -> UInt16 {
        let (outcomes, outcome) = AsyncStream<Result<Int, any Error>>.makeStream()
        let responder = self.responder
        // HummingbirdCore's server alone: Hummingbird's `Application` would add a clock that wakes the process
        // every second to keep a `Date` header, and a preview needs no `Date` header.
        let server: any Service
        do {
            server = try HTTPServerBuilder.http1(configuration: .init(idleTimeout: nil)).buildServer(
                configuration: ServerConfiguration(address: .hostname(host, port: Int(port)), serverName: nil),
                eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
                logger: Logger(label: "relmap-serve", factory: { _ in SwiftLogNoOpLogHandler() }),
                responder: { request, writer, _ in
                    let response = await responder.respond(to: request)
                    try await writer.write(response: response.head, body: response.body)
                },
                onServerRunning: { channel in outcome.yield(.success(channel.localAddress?.port ?? 0)) })
        } catch {
            throw .cannotListen("\(error)")
        }
        // Never on libdispatch's pool: see `EventLoopTaskExecutor`.
        let task = Task(executorPreference: EventLoopTaskExecutor.shared) {
            do {
                try await server.run()
                outcome.yield(.failure(PreviewServerError.stopped))
            } catch {
                outcome.yield(.failure(error))
            }
        }
        running.withLock { $0 = task }
        var iterator = outcomes.makeAsyncIterator()
        switch await iterator.next() ?? .failure(PreviewServerError.stopped) {
        case .success(let port):
            guard let port = UInt16(exactly: port), port != 0 else { throw .stopped }
            return port
        case .failure(let error):
            if let error = error as? IOError {
                switch error.errnoCode {
                case EADDRINUSE: throw .portTaken
                case EADDRNOTAVAIL: throw .badHost(host)
                default: throw .cannotListen(String(cString: strerror(error.errnoCode)))
                }
            }
            throw .cannotListen("\(error)")
        }
    }

    /// Closes the listening socket and every connection.
    public func stop() {
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
