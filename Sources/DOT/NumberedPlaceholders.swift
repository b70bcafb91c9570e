import Foundation

/// Placeholders in text: a marker byte, a number in decimal digits and the marker again, each standing for the
/// text of that number. A build keeps what it laid out while only such texts change: tooltips in the DOT that
/// Graphviz draws (`TooltipPlaceholders`), summaries in the tooltips the views write.
public enum NumberedPlaceholders {
    /// `bytes` with every placeholder of `marker` whose number is below `count` replaced by what `write` appends
    /// for its number; a marker that starts no such placeholder stays. Nil when `bytes` holds no marker at all.
    @inlinable
    public static func filling<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, marker: UInt8, count: Int,
                                                                      write: (Int, inout [UInt8]) -> Void) -> [UInt8]? where Bytes.Index == Int {
        guard count > 0, var found = nextMarker(marker, in: bytes, from: bytes.startIndex) else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 4)
        var copied = bytes.startIndex
        while true {
            var next = found + 1
            if let (number, end) = placeholder(in: bytes, at: found, marker: marker, count: count) {
                result.append(contentsOf: bytes[copied..<found])
                write(number, &result)
                copied = end
                next = end
            }
            guard next < bytes.endIndex, let following = nextMarker(marker, in: bytes, from: next) else { break }
            found = following
        }
        result.append(contentsOf: bytes[copied...])
        return result
    }

    /// Where `marker` next occurs from `start`: memchr over contiguous bytes (a drawing's SVG is megabytes and
    /// holds few markers), element by element otherwise.
    @usableFromInline
    static func nextMarker<Bytes: RandomAccessCollection<UInt8>>(_ marker: UInt8, in bytes: Bytes, from start: Int) -> Int?
        where Bytes.Index == Int {
        let found = bytes.withContiguousStorageIfAvailable { buffer -> Int? in
            let offset = start - bytes.startIndex
            guard let base = buffer.baseAddress, offset < buffer.count,
                  let hit = memchr(base + offset, Int32(marker), buffer.count - offset) else { return nil }
            return bytes.startIndex + base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        if let found { return found }
        return bytes[start...].firstIndex(of: marker)
    }

    /// The number of a placeholder starting at `start`, and where it ends.
    @usableFromInline
    static func placeholder<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, at start: Int, marker: UInt8, count: Int)
        -> (Int, Int)? where Bytes.Index == Int {
        var number = 0
        var index = start + 1
        while index < bytes.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]), number < count {
            number = number * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        guard index > start + 1, index < bytes.endIndex, bytes[index] == marker, number < count else { return nil }
        return (number, index + 1)
    }
}
