import Crypto

extension Digest {
    /// The digest as lowercase hexadecimal digits, as the render cache, the page memo and the site's stamps
    /// write their keys.
    public var hexadecimal: String {
        map { byte in byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined()
    }
}
