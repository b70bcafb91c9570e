import DOT
import Foundation
import Synchronization
import SystemIO

/// One running `render-worker` process and the socket to it.
///
/// Its stdin and stdout are one end of a socket pair, so writes fail with an error instead of
/// SIGPIPE when it has died; its stderr goes to a second socket pair, kept so a crash message can be reported. Every
/// descriptor is close-on-exec, so no worker inherits another's connection. Swift's backtracer is
/// turned off in workers, so a crash ends at once with C's own message (e.g. "double free or corruption").
///
/// The connection is used by one thread at a time (its slot's, then the one that stops it): its state is held
/// under a lock for the whole of each exchange.
final class WorkerProcess: Sendable {
    enum Outcome: Sendable {
        case replied(WorkerReply)
        case crashed(String)
        case timedOut
        /// The worker cannot render at all (it exited with `RenderWorker.unavailableStatus`), for the reason given.
        case unavailable(String)
    }

    struct StartFailure: Error { var message: String }

    let processID: pid_t
    /// The command and the added environment it was started with.
    let launch: Launch
    private let connection: Mutex<Connection>

    struct Launch: Equatable, Sendable {
        var command: [String]
        var environment: [String: String]
    }

    init(command: [String], environment extraEnvironment: [String: String]) throws(StartFailure) {
        guard let executable = command.first else { throw StartFailure(message: "no render worker command") }
        var pair: [Int32] = [-1, -1]
        var errorPipe: [Int32] = [-1, -1]
        let socketType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, socketType, 0, &pair) == 0 else {
            throw StartFailure(message: "cannot create a socket for the render worker: \(String(cString: strerror(errno)))")
        }
        guard socketpair(AF_UNIX, socketType, 0, &errorPipe) == 0 else {
            close(pair[0]); close(pair[1])
            throw StartFailure(message: "cannot create a socket for the render worker: \(String(cString: strerror(errno)))")
        }
        defer {
            close(pair[1])
            close(errorPipe[1])
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pair[1], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, pair[1], STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], STDERR_FILENO)
        // Nor does it inherit what this process was given without close-on-exec (a caller's pipes, which a worker
        // outliving this process would hold open).
        _ = WorkerProcess.addCloseFrom?(&actions, STDERR_FILENO + 1)

        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        environment.merge(extraEnvironment) { $1 }
        let arguments = command.map { strdup($0) } + [nil]
        let variables = environment.keys.sorted().map { strdup("\($0)=\(environment[$0]!)") } + [nil]
        defer {
            arguments.forEach { free($0) }
            variables.forEach { free($0) }
        }
        var processID: pid_t = 0
        let status = WorkerProcess.running.withLock { running -> Int32 in
            guard !running.stopping else { return ECANCELED }
            let status = posix_spawnp(&processID, executable, &actions, nil, arguments, variables)
            if status == 0 { running.processIDs.insert(processID) }
            return status
        }
        guard status == 0 else {
            close(pair[0]); close(errorPipe[0])
            throw StartFailure(message: "cannot start the render worker \(executable): \(String(cString: strerror(status)))")
        }
        self.processID = processID
        launch = Launch(command: command, environment: extraEnvironment)
        _ = fcntl(errorPipe[0], F_SETFL, fcntl(errorPipe[0], F_GETFL) | O_NONBLOCK)
        connection = Mutex(Connection(processID: processID, socket: pair[0], errorOutput: errorPipe[0]))
    }

    deinit {
        stop()
    }

    /// The workers of this process that have not been collected, so a signal can kill them all; once the
    /// process is stopping, no worker is started.
    private struct Running {
        var processIDs: Set<pid_t> = []
        var stopping = false
    }

    private static let running = Mutex(Running())

    /// Kills every worker this process started and starts no more: the process is about to exit.
    static func killAll() {
        let processIDs = running.withLock { running in
            running.stopping = true
            return running.processIDs
        }
        for processID in processIDs { Glibc.kill(processID, SIGKILL) }
        // Collected before this process exits, so none is left behind, not even as a zombie for an init that is
        // slow to reap; a worker another thread collected first is ECHILD.
        for processID in processIDs {
            var status: Int32 = 0
            while waitpid(processID, &status, 0) < 0, errno == EINTR {}
        }
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which its module for Swift does not
    /// export.
    private static let addCloseFrom = ExportedFunction.named("posix_spawn_file_actions_addclosefrom_np",
                                                             as: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)

    /// A worker started before anything asked for one (see `Renderer.startWorkerAhead`).
    private static let startedAhead = Mutex<WorkerProcess?>(nil)

    /// Starts a worker for `launch` to be taken later; with SIGINT and SIGTERM blocked in it, as in a worker
    /// started once the command has blocked them (see the CLI's `Interruption`).
    static func startAhead(_ launch: Launch) {
        var stopSignals = sigset_t()
        var previous = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGINT)
        sigaddset(&stopSignals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &stopSignals, &previous)
        let worker = try? WorkerProcess(command: launch.command, environment: launch.environment)
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        let replaced = startedAhead.withLock { started in
            defer { started = worker }
            return started
        }
        replaced?.stop()
    }

    /// The worker started ahead, if it was started for `launch` and not taken yet.
    static func takeStartedAhead(for launch: Launch) -> WorkerProcess? {
        startedAhead.withLock { started in
            guard let worker = started, worker.launch == launch else { return nil }
            started = nil
            return worker
        }
    }

    /// Kills the worker started ahead if nothing took it: it has done nothing but start. After `killAll` there is
    /// nothing left to kill.
    static func stopStartedAhead() {
        let worker = startedAhead.withLock { started in
            defer { started = nil }
            return started
        }
        if let worker, !running.withLock({ $0.stopping }) { worker.kill() }
    }

    /// Collects the worker's process, and forgets it.
    fileprivate static func collect(_ processID: pid_t, _ status: inout Int32, options: Int32) -> Bool {
        let result = waitpid(processID, &status, options)
        let collected = result == processID || (result < 0 && errno == ECHILD)
        if collected { _ = WorkerProcess.running.withLock { $0.processIDs.remove(processID) } }
        return collected
    }

    /// How many jobs the worker has replied to.
    var jobsDone: Int {
        connection.withLock { $0.jobsDone }
    }

    /// Sends `job` and waits for the reply, at most `timeout` seconds; kills the worker when it runs over.
    func run(_ job: RenderJob, timeout: Double) -> Outcome {
        run([job], timeout: timeout).first!
    }

    /// Sends every job of `jobs` at once, one frame each, so the worker goes from one to the next without waiting
    /// for this process, and collects the replies in order, waiting at most `timeout` seconds for each. The
    /// outcomes end at the first job that did not get a reply (the worker crashed or ran over on it, and is
    /// gone); the jobs after it were not rendered. The frames must fit in the socket's buffer together (a few
    /// tens of kilobytes), or this process would block sending while the worker blocks replying.
    ///
    /// `ahead` are the jobs that will come next: they are sent before the replies are awaited, when they fit in
    /// the socket's buffer beside the jobs not yet answered, so the worker starts them as soon as it is done with
    /// `jobs`, without waiting for this process to read its replies. The next `run` then names them as its
    /// `jobs` and they are not sent again (`isRunning`).
    func run(_ jobs: [RenderJob], sendingAhead ahead: [RenderJob] = [], timeout: Double) -> [Outcome] {
        connection.withLock { $0.run(jobs, sendingAhead: ahead, timeout: timeout) }
    }

    /// Whether the worker has been sent jobs it has not answered (sent ahead, see `run`).
    var hasUnansweredJobs: Bool {
        connection.withLock { !$0.unanswered.isEmpty }
    }

    /// The resident memory the worker reported with its last reply, in MiB; 0 before its first.
    var residentMemoryMB: Int {
        connection.withLock { $0.residentMemoryMB }
    }

    /// Whether `jobs`, and only they, were sent to the worker and are not answered yet.
    func isRunning(_ jobs: [RenderJob]) -> Bool {
        connection.withLock { $0.unanswered.map(\.id) == jobs.map(\.id) }
    }

    /// The DOT bytes of jobs that may wait in the socket, not yet read by the worker: jobs are sent ahead only
    /// within it, far inside a socket's buffer (208 KiB on Debian unless configured otherwise), so sending
    /// never blocks while the worker blocks writing a reply.
    static let bytesInFlight = 128 * 1024

    /// Closes the connection: the worker exits when it has read what was sent.
    func closeConnection() {
        connection.withLock { $0.closeConnection() }
    }

    /// Closes the connection (the worker exits at end of input) and collects the process, killing it when it has
    /// not exited within two seconds.
    func stop() {
        connection.withLock { $0.stop() }
    }

    /// Kills the worker and collects it.
    func kill() {
        connection.withLock { $0.kill() }
    }

    static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGILL: "SIGILL",
                                      SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGTERM: "SIGTERM", SIGTRAP: "SIGTRAP"]
        return names[signal] ?? "signal \(signal)"
    }
}

/// The worker's end of the exchange: the sockets, what was read and not yet taken, and how the process ended.
private struct Connection {
    let processID: pid_t
    let socket: Int32
    let errorOutput: Int32
    private(set) var jobsDone = 0
    /// The jobs sent and not answered yet, oldest first.
    private(set) var unanswered: [(id: String, bytes: Int)] = []
    private(set) var residentMemoryMB = 0
    private var errorText = Data()
    /// Bytes read from the worker and not yet taken as a reply.
    private var received = Data()
    private var errorOutputEnded = false
    private var finished = false
    private var connectionClosed = false
    private var errorOutputClosed = false
    /// The status the worker exited with, once collected by `terminationReason`; nil for a signal.
    private var exitStatus: Int32?

    init(processID: pid_t, socket: Int32, errorOutput: Int32) {
        self.processID = processID
        self.socket = socket
        self.errorOutput = errorOutput
    }

    private func collect(_ status: inout Int32, options: Int32) -> Bool {
        WorkerProcess.collect(processID, &status, options: options)
    }

    typealias Outcome = WorkerProcess.Outcome

    mutating func run(_ jobs: [RenderJob], sendingAhead ahead: [RenderJob], timeout: Double) -> [Outcome] {
        drainErrorOutput()
        errorText = Data()
        if unanswered.map(\.id) != jobs.map(\.id) {
            guard unanswered.isEmpty else { return [.crashed("the worker was sent other jobs")] }
            guard let frames = Self.frames(jobs) else { return [.crashed("the job could not be encoded")] }
            guard send(frames, of: jobs) else { return [ended()] }
        }
        let waiting = unanswered.reduce(0) { $0 + $1.bytes }
        if !ahead.isEmpty, waiting + ahead.reduce(0, { $0 + $1.dot.utf8.count }) <= WorkerProcess.bytesInFlight,
           let frames = Self.frames(ahead) {
            // A worker that is gone is found by the replies awaited next.
            _ = send(frames, of: ahead)
        }
        var outcomes: [Outcome] = []
        for job in jobs {
            let outcome = awaitReply(to: job, timeout: timeout)
            outcomes.append(outcome)
            guard case .replied = outcome else { break }
        }
        return outcomes
    }

    private static func frames(_ jobs: [RenderJob]) -> Data? {
        var frames = Data()
        for job in jobs {
            guard let frame = try? WorkerFrame.encode(job.forWorker) else { return nil }
            frames.append(frame)
        }
        return frames
    }

    private mutating func send(_ frames: Data, of jobs: [RenderJob]) -> Bool {
        unanswered += jobs.map { ($0.id, $0.dot.utf8.count) }
        return send(frames)
    }

    private mutating func awaitReply(to job: RenderJob, timeout: Double) -> Outcome {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, timeout) * 1e9)
        while true {
            if received.count >= 4 {
                let length = WorkerFrame.length(of: received.prefix(4))
                guard length <= WorkerFrame.maximumLength else {
                    kill()
                    return .crashed("the worker sent a malformed reply")
                }
                if received.count >= 4 + length {
                    let frame = received.subdata(in: received.startIndex + 4..<received.startIndex + 4 + length)
                    received = received.count == 4 + length ? Data() : received.subdata(in: received.startIndex + 4 + length..<received.endIndex)
                    guard var reply = try? WorkerFrame.decodeReply(frame), reply.id == job.id else {
                        kill()
                        return .crashed("the worker sent a malformed reply")
                    }
                    jobsDone += 1
                    unanswered.removeFirst()
                    residentMemoryMB = reply.residentMemoryMB
                    reply.outputs[OutputFormat.dot.rawValue] = job.sourceFile
                    return .replied(reply)
                }
            }
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else {
                kill()
                return .timedOut
            }
            switch waitForInput(milliseconds: Int32(min(1000, (deadline - now) / 1_000_000 + 1))) {
            case .some(let chunk) where chunk.isEmpty:
                return ended()
            case .some(let chunk):
                received.append(chunk)
            case .none:
                continue
            }
        }
    }

    mutating func closeConnection() {
        guard !connectionClosed else { return }
        connectionClosed = true
        close(socket)
    }

    private mutating func closeErrorOutput() {
        guard !errorOutputClosed else { return }
        errorOutputClosed = true
        close(errorOutput)
    }

    mutating func stop() {
        guard !finished else { return }
        finished = true
        closeConnection()
        // The worker's stderr ends as it exits, so waiting for that end (rather than polling the process every
        // millisecond) collects it as soon as it is gone: a build waits for its workers before it returns.
        let deadline = DispatchTime.now().uptimeNanoseconds + 2_000_000_000
        var status: Int32 = 0
        while !errorOutputEnded, !errorOutputClosed {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { break }
            var descriptor = pollfd(fd: errorOutput, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, Int32((deadline - now) / 1_000_000) + 1) < 0, errno != EINTR { break }
            drainErrorOutput()
        }
        closeErrorOutput()
        while DispatchTime.now().uptimeNanoseconds < deadline {
            if collect(&status, options: WNOHANG) { return }
            usleep(100)
        }
        Glibc.kill(processID, SIGKILL)
        _ = collect(&status, options: 0)
    }

    /// Kills the worker at once and collects it.
    mutating func kill() {
        guard !finished else { return }
        finished = true
        Glibc.kill(processID, SIGKILL)
        var status: Int32 = 0
        _ = collect(&status, options: 0)
        closeConnection()
        closeErrorOutput()
    }

    private func send(_ data: Data) -> Bool {
        data.withUnsafeBytes { Descriptor.sendAll($0, to: socket) }
    }

    /// Bytes from the worker (empty at end of input), or nil when nothing arrived in time; collects stderr meanwhile.
    private mutating func waitForInput(milliseconds: Int32) -> Data? {
        var descriptors = [pollfd(fd: socket, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: errorOutputEnded ? -1 : errorOutput, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&descriptors, 2, milliseconds)
        guard ready > 0 else { return nil }
        if descriptors[1].revents != 0 { drainErrorOutput() }
        guard descriptors[0].revents != 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let count = buffer.withUnsafeMutableBytes { Descriptor.read(into: $0, from: socket) }
        return count > 0 ? Data(buffer[0..<count]) : Data()
    }

    private mutating func drainErrorOutput() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { Descriptor.read(into: $0, from: errorOutput) }
            if count == 0 { errorOutputEnded = true }
            guard count > 0 else { return }
            errorText.append(contentsOf: buffer[0..<count])
            if errorText.count > 8192 { errorText = errorText.suffix(4096) }
        }
    }

    /// The outcome of a worker that ended without a reply: it could not render at all, or it crashed.
    private mutating func ended() -> Outcome {
        let reason = terminationReason()
        if exitStatus == RenderWorker.unavailableStatus, let lastLine = lastErrorLine { return .unavailable(lastLine) }
        return .crashed(reason)
    }

    private var lastErrorLine: String? {
        String(decoding: errorText, as: UTF8.self).split(separator: "\n").last.map(String.init)
    }

    /// Waits for the dead worker and describes how it ended, with the last line it wrote to stderr.
    private mutating func terminationReason() -> String {
        guard !finished else { return "the worker had stopped" }
        finished = true
        closeConnection()
        var status: Int32 = 0
        var collected = false
        for _ in 0..<300 where !collected {
            collected = collect(&status, options: WNOHANG)
            if !collected { usleep(10_000) }
        }
        if !collected {
            Glibc.kill(processID, SIGKILL)
            _ = collect(&status, options: 0)
        }
        drainErrorOutput()
        closeErrorOutput()
        let signal = status & 0x7f
        if signal == 0 { exitStatus = (status >> 8) & 0xff }
        var reason = signal == 0 ? "exited with status \((status >> 8) & 0xff)" : WorkerProcess.signalName(signal)
        let lastLine = String(decoding: errorText, as: UTF8.self).split(separator: "\n").last.map(String.init)
        if let lastLine, !lastLine.isEmpty { reason += " (\(lastLine))" }
        return reason
    }

}
