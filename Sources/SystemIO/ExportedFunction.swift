import Glibc

/// Functions the running program has loaded (from glibc or a library) that no Swift module declares: glibc's
/// module for Swift leaves some out, and some libraries export functions their headers do not name.
public enum ExportedFunction {
    /// The function exported as `name`, as `type` (a `@convention(c)` function type that must match its C
    /// declaration); nil when nothing loaded exports it.
    public static func named<Function>(_ name: String, as type: Function.Type) -> Function? {
        // RTLD_DEFAULT: every object loaded, in load order.
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name).map { unsafeBitCast($0, to: type) }
    }
}
