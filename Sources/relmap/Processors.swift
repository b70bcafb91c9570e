import Foundation
import GraphvizRendering

/// `--jobs`, bounded: at most four per processor of the machine. More only start worker processes and threads
/// that wait for a core (`--jobs 100000` once started 1,230 workers and never finished); a warning says so.
enum Processors {
    static func capped(_ jobs: Int, command: String) -> Int {
        let limit = 4 * ProcessInfo.processInfo.activeProcessorCount
        guard jobs > limit else { return jobs }
        Terminal.error("relmap \(command): warning: --jobs \(jobs) is more than this machine can use; using \(limit) (4 per processor)")
        return limit
    }
}

extension Result where Failure == RenderFailure {
    /// The failure, or nil for a success.
    var failure: RenderFailure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
