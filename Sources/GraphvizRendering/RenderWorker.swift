import AllocationPadding
import Foundation
import SystemIO

/// The loop of `relmap render-worker`: reads framed `RenderJob`s from stdin, renders each in
/// process and writes a framed reply to stdout, until end of input.
///
/// Only frames reach stdout: it is moved to a private descriptor first and the standard output
/// descriptor is pointed at stderr, so a stray message from a library cannot corrupt the stream.
public enum RenderWorker {
    /// Serves jobs until stdin ends; returns the exit status (0, or 65 for a malformed request, 74 when the pool went away).
    public static func serve() -> Int32 {
        let replies = dup(STDOUT_FILENO)
        guard replies >= 0, dup2(STDERR_FILENO, STDOUT_FILENO) >= 0 else { return 74 }
        // A Ctrl-C reaches the whole process group: the pool decides when its workers stop.
        signal(SIGINT, SIG_IGN)
        relmap_pad_allocations()
        let hooks = WorkerTestHooks()
        hooks.applyAtStart()
        if let missing = GraphvizSession.missingPlugins() {
            writeAll(Data((missing + "\n").utf8), to: STDERR_FILENO)
            return unavailableStatus
        }
        var jobsDone = 0
        GraphvizSession.warmUp()
        while true {
            let request: Data
            switch readFrame(from: STDIN_FILENO) {
            case .endOfInput: return 0
            case .broken: return 74
            case .frame(let data): request = data
            }
            guard let job = try? WorkerFrame.decodeJob(request) else {
                writeAll(Data("render-worker: malformed request\n".utf8), to: STDERR_FILENO)
                return 65
            }
            let unavailable = GraphvizSession.formatsWithoutRenderer(job.distinctFormats.filter { $0 != .dot }.map(\.rawValue))
            guard unavailable.isEmpty else {
                let list = unavailable.joined(separator: ", ")
                writeAll(Data("Graphviz has no renderer for \(list): its plugin is missing; reinstall Graphviz's plugins or unset GVBINDIR\n".utf8),
                         to: STDERR_FILENO)
                return unavailableStatus
            }
            hooks.apply(to: job, jobsBefore: jobsDone)
            jobsDone += 1
            let result = Result { () throws(RenderFailure) in try InProcessRenderer.render(job) }
            let reply = WorkerReply(result, job: job, residentMemoryMB: ProcessMemory.residentMegabytes())
            guard let frame = try? WorkerFrame.encode(reply), writeAll(frame, to: replies) else { return 74 }
        }
    }

    /// The status a worker exits with when this Graphviz cannot render at all (sysexits' UNAVAILABLE); its last
    /// line on stderr says why.
    static let unavailableStatus: Int32 = 69

    private enum ReadOutcome { case frame(Data), endOfInput, broken }

    private static func readFrame(from descriptor: Int32) -> ReadOutcome {
        guard let header = readExactly(4, from: descriptor) else { return .endOfInput }
        guard header.count == 4 else { return .broken }
        let length = WorkerFrame.length(of: header)
        guard length <= WorkerFrame.maximumLength, let payload = readExactly(length, from: descriptor), payload.count == length else {
            return .broken
        }
        return .frame(payload)
    }

    /// `count` bytes, fewer if input ends early, or nil if it ends before the first byte.
    private static func readExactly(_ count: Int, from descriptor: Int32) -> Data? {
        var data = Data(count: count)
        let filled = data.withUnsafeMutableBytes { Descriptor.readFully(into: $0, from: descriptor) }
        if filled <= 0, count > 0 { return nil }
        return data.prefix(filled)
    }

    @discardableResult
    private static func writeAll(_ data: Data, to descriptor: Int32) -> Bool {
        data.withUnsafeBytes { Descriptor.writeAll($0, to: descriptor) }
    }
}
