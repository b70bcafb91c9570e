import Foundation
import XCTest

/// A bare HTTP/1.1 client over a socket to 127.0.0.1, which sends the request target exactly as written (a
/// URL library would resolve `..` and decode `%2e` before sending), for the tests of `relmap serve`.
enum HTTPProbe {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Sends `GET target` (or another method) and reads the whole response.
    static func get(_ target: String, port: Int, method: String = "GET", host: String? = nil) throws -> Response {
        let socket = try connect(port: port)
        defer { close(socket) }
        try send("\(method) \(target) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n", to: socket)
        var data = Data()
        while let chunk = try read(socket, deadline: Date().addingTimeInterval(30)), !chunk.isEmpty { data += chunk }
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { throw Failure("no header in \(String(decoding: data, as: UTF8.self))") }
        let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = head[0].split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure("bad status line \(head[0])") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: Data(data[split.upperBound...]))
    }

    /// An open event stream (`text/event-stream`), read as text as it comes.
    final class EventStream {
        private let socket: Int32
        private(set) var text = ""

        init(port: Int, path: String = "/_relmap/events") throws {
            socket = try HTTPProbe.connect(port: port)
            try HTTPProbe.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n", to: socket)
        }

        deinit {
            close(socket)
        }

        /// Reads until the text received so far (from the start) satisfies `condition`, or `timeout` passes.
        @discardableResult
        func wait(timeout: TimeInterval = 120, until condition: (String) -> Bool) throws -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while !condition(text) {
                guard let chunk = try HTTPProbe.read(socket, deadline: deadline) else { return false }
                if chunk.isEmpty { return condition(text) }
                text += String(decoding: chunk, as: UTF8.self)
            }
            return true
        }

        /// How many times `event: NAME` came so far.
        func count(of event: String) -> Int {
            text.components(separatedBy: "event: \(event)\n").count - 1
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func connect(port: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else {
            close(descriptor)
            throw Failure("connect to port \(port): \(String(cString: strerror(errno)))")
        }
        return descriptor
    }

    static func send(_ text: String, to socket: Int32) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw Failure("send: \(String(cString: strerror(errno)))") }
            offset += written
        }
    }

    /// The next bytes from `socket`: empty at its end, nil when `deadline` passes first.
    static func read(_ socket: Int32, deadline: Date) throws -> Data? {
        var request = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
        guard poll(&request, 1, milliseconds) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = recv(socket, &buffer, buffer.count, 0)
        guard count >= 0 else { throw Failure("recv: \(String(cString: strerror(errno)))") }
        return Data(buffer[..<count])
    }
}
