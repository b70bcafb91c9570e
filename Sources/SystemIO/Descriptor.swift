import Glibc

/// Reads and writes on file descriptors that go on after a signal interrupts them (`EINTR`) and after a short
/// count, so a caller gets all of its bytes or an error.
public enum Descriptor {
    /// Writes every byte to `descriptor`; false with `errno` set when it cannot (a full disk, a closed pipe).
    public static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        transferAll(bytes) { write(descriptor, $0, $1) }
    }

    /// Sends every byte on a socket without raising SIGPIPE when its peer is gone; false when it cannot.
    public static func sendAll(_ bytes: UnsafeRawBufferPointer, to socket: Int32) -> Bool {
        transferAll(bytes) { send(socket, $0, $1, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads at most `buffer.count` bytes: how many (0 at end of input), or -1 with `errno` set.
    public static func read(into buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32) -> Int {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count < 0, errno == EINTR { continue }
            return count
        }
    }

    /// Reads until `buffer` is full or input ends: how many bytes it holds, or -1 with `errno` set when a read
    /// fails before the first byte.
    public static func readFully(into buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]), from: descriptor)
            if count < 0, filled == 0 { return -1 }
            if count <= 0 { break }
            filled += count
        }
        return filled
    }

    private static func transferAll(_ bytes: UnsafeRawBufferPointer, _ transfer: (UnsafeRawPointer, Int) -> Int) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var done = 0
        while done < bytes.count {
            let count = transfer(base + done, bytes.count - done)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return false }
            done += count
        }
        return true
    }
}
