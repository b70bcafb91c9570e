import Glibc

/// Memory the process has freed but the allocator still holds.
public enum FreedMemory {
    /// Hands the allocator's free pages back to the system. A build frees its plan of diagrams (hundreds of MiB
    /// on a large model) once they are drawn, and the allocator would otherwise keep those pages resident while
    /// the pages of the site are written. (glibc's `malloc_trim`, which Swift's Glibc module does not declare.)
    public static func returnToSystem() {
        _ = trim?(0)
    }

    private typealias Trim = @convention(c) (Int) -> Int32

    private static let trim = ExportedFunction.named("malloc_trim", as: Trim.self)
}
