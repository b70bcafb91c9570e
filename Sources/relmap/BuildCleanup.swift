import Foundation
import ReportSite
import Synchronization

/// What a build takes away again when it fails or is stopped by a signal, so that it leaves nothing it made:
/// the folders it made for the output, a render cache it started, and the output's lock. The staged site is
/// the writer's to remove. A cache that was there before keeps the entries this build added: each is whole.
final class BuildCleanup: Sendable {
    private struct State {
        var madeFolders: [String] = []
        var startedCache: String?
        var lock: OutputLock?
        var finished = false
    }

    private let state = Mutex(State())

    /// Folders made for the output, outermost first; removed when the build fails, if they are empty by then.
    func madeFolders(_ folders: [String]) {
        state.withLock { $0.madeFolders += folders }
    }

    /// A render cache folder that did not exist before this build.
    func startedCache(_ folder: String) {
        state.withLock { $0.startedCache = folder }
    }

    func holds(_ lock: OutputLock) {
        state.withLock { $0.lock = lock }
    }

    /// The build did what was asked: only the lock goes.
    func succeeded() {
        finish(failed: false)
    }

    /// The build failed or was stopped: everything recorded goes. A second call does nothing.
    func failed() {
        finish(failed: true)
    }

    private func finish(failed: Bool) {
        let taken: State? = state.withLock { state in
            guard !state.finished else { return nil }
            state.finished = true
            return state
        }
        guard let taken else { return }
        if failed {
            if let cache = taken.startedCache { try? FileManager.default.removeItem(atPath: cache) }
        }
        taken.lock?.release()
        if failed {
            for folder in taken.madeFolders.reversed() { rmdir(folder) }
        }
    }
}
