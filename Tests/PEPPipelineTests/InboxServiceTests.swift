import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Testing
import PEPPipelineTestSupport
import PEPTestSupport
@testable import PEPPipeline

#if canImport(Glibc)
    import Glibc
#endif

/// The loop: draining, retries that do not block the queue, graceful stop, systemd messages.

@Test func onceDrainsTheInboxIntoArchiveAndQuarantine() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    for sample in ["01-green-review-secondary.json", "02-green-review-primary.xml", "90-broken-truncated.json"] {
        try fixture.drop(sample: sample)
    }
    let counts = await drain(fixture, handler: try fixture.pipeline().rater)
    #expect(counts.rated == 2)
    #expect(counts.rejected == 1)
    #expect(counts.archived == 2)
    #expect(counts.quarantined == 1)
    #expect(fixture.files(in: fixture.inbox).isEmpty)
    #expect(fixture.files(in: fixture.quarantine).count == 2, "the file and its .reason")
}

@Test func aFailingItemIsRetriedWithBackoffAndDoesNotBlockTheOthers() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    for sample in ["01-green-review-secondary.json", "03-amber-thin-targets.json", "07-initial-pep.json"] {
        try fixture.drop(sample: sample)
    }
    let handler = ScriptedHandler(pipeline: try fixture.pipeline())
    handler.fail("03-amber-thin-targets.json", times: 2)
    var options = onceOptions()
    options.backoff = BackoffSchedule(initial: 0)
    let counts = await drain(fixture, handler: handler, options: options)
    #expect(
        handler.handledFiles == [
            "01-green-review-secondary.json", "03-amber-thin-targets.json", "07-initial-pep.json",
            "03-amber-thin-targets.json", "03-amber-thin-targets.json",
        ])
    #expect(counts.retried == 2)
    #expect(counts.archived == 3)
    #expect(counts.leftToRetry == 0)
    #expect(fixture.files(in: fixture.inbox).isEmpty)
}

@Test func onceLeavesAnItemStillInBackoffInTheInboxAndSaysSo() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    try fixture.drop(sample: "01-green-review-secondary.json")
    try fixture.drop(sample: "03-amber-thin-targets.json")
    let handler = ScriptedHandler(pipeline: try fixture.pipeline())
    handler.fail("03-amber-thin-targets.json", times: 100)
    let counts = await drain(fixture, handler: handler)
    #expect(counts.archived == 1)
    #expect(counts.leftToRetry == 1)
    #expect(fixture.files(in: fixture.inbox) == ["03-amber-thin-targets.json"])
    #expect(counts.summary.contains("1 left in the inbox to retry"))
}

@Test func afterCycleRunsAtStartAndAfterACycleThatHandledSomething() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    try fixture.drop(sample: "01-green-review-secondary.json")
    let calls = LockedLines()
    var options = onceOptions()
    options.afterCycle = { _ in calls.append("called") }
    await drain(fixture, handler: try fixture.pipeline().rater, options: options)
    #expect(calls.all.count == 2)
}

@Test func afterCycleFailingDoesNotStopTheService() async throws {
    struct Broken: Error {}
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    try fixture.drop(sample: "01-green-review-secondary.json")
    var options = onceOptions()
    options.afterCycle = { _ in throw Broken() }
    let counts = await drain(fixture, handler: try fixture.pipeline().rater, options: options)
    #expect(counts.archived == 1)
}

@Test func aFileTheProcessDiedOnTooOftenIsQuarantinedUnread() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let poison = try fixture.drop(sample: "02-green-review-primary.xml")
    try fixture.drop(sample: "01-green-review-secondary.json")
    let config = fixture.configuration
    try FileManager.default.createDirectory(atPath: config.stateDir, withIntermediateDirectories: true)
    // Two earlier deaths recorded, and the run that just died makes three.
    try Data("2\t\(poison.path)".utf8).write(to: URL(fileURLWithPath: CrashMarker(stateDir: config.stateDir).path))
    let handler = ScriptedHandler(pipeline: try fixture.pipeline())
    let counts = await drain(fixture, handler: handler)
    #expect(handler.handledFiles == ["01-green-review-secondary.json"])
    #expect(counts.quarantined == 1)
    let quarantined = try fixture.filing.quarantinedFiles()
    #expect(quarantined.count == 1)
    #expect(fixture.filing.note(forQuarantined: quarantined[0])?.reason.contains("stopped 3 times") == true)
    #expect(!FileManager.default.fileExists(atPath: CrashMarker(stateDir: config.stateDir).path))
}

@Test func aFileTheProcessDiedOnOnceIsReadAgain() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let file = try fixture.drop(sample: "02-green-review-primary.xml")
    let config = fixture.configuration
    try FileManager.default.createDirectory(atPath: config.stateDir, withIntermediateDirectories: true)
    try Data("0\t\(file.path)".utf8).write(to: URL(fileURLWithPath: CrashMarker(stateDir: config.stateDir).path))
    let counts = await drain(fixture, handler: try fixture.pipeline().rater)
    #expect(counts.rated == 1)
    #expect(counts.archived == 1)
}

@Test func logsOfTheServiceNeverCarryAChildsNameOrDateOfBirth() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    for sample in ["01-green-review-secondary.json", "02-green-review-primary.xml", "90-broken-truncated.json"] {
        try fixture.drop(sample: sample)
    }
    let lines = LockedLines()
    var logger = Logger(label: "test") { label in JournalLogHandler(label: label, journald: false, sink: { lines.append($0) }) }
    logger.logLevel = .trace
    let pipeline = try Pipeline.build(configuration: fixture.configuration, logger: logger)
    let service = InboxService(
        configuration: fixture.configuration, handler: pipeline.rater, options: onceOptions(),
        notifier: SystemdNotifier(socketPath: nil), logger: logger)
    await service.run()
    let text = lines.all.joined(separator: "\n")
    #expect(text.contains("started"))
    for secret in ["Ava", "Testwood", "Leo", "Marchant", "2012-03-14", "2017-01-22"] {
        #expect(!text.contains(secret), "the log mentions \(secret)")
    }
}

// MARK: - Graceful stop

/// A gate a test opens once it has seen the service start a document.
final class Gate: @unchecked Sendable {
    private let lock = NSLock()
    private var entered: [String] = []
    private let release = DispatchSemaphore(value: 0)
    private var blocking = true

    func arrive(_ name: String) {
        let block = lock.withLock {
            entered.append(name)
            return blocking
        }
        if block { release.wait() }
    }

    var arrivals: [String] { lock.withLock { entered } }

    func open() {
        lock.withLock { blocking = false }
        release.signal()
    }
}

@Test(.timeLimit(.minutes(5)))  // a hang guard: generous, as a loaded 2-core CI machine starves the pool
func aGracefulStopFinishesTheDocumentInHandAndTakesNoOther() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    for sample in ["01-green-review-secondary.json", "03-amber-thin-targets.json", "07-initial-pep.json"] {
        try fixture.drop(sample: sample)
    }
    let gate = Gate()
    let handler = ScriptedHandler(pipeline: try fixture.pipeline(), beforeHandle: { gate.arrive($0) })
    var options = RunOptions()
    options.pollInterval = 0.05
    let service = InboxService(
        configuration: fixture.configuration, handler: handler, options: options,
        notifier: SystemdNotifier(socketPath: nil), logger: quietLogger)
    let group = ServiceGroup(
        configuration: ServiceGroupConfiguration(
            services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)], logger: quietLogger))
    let running = Task { try await group.run() }
    while gate.arrivals.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
    await group.triggerGracefulShutdown()
    gate.open()
    try await running.value

    #expect(gate.arrivals == ["01-green-review-secondary.json"])
    #expect(service.tally.counts.archived == 1, "the document in hand was committed and filed")
    #expect(fixture.files(in: fixture.inbox) == ["03-amber-thin-targets.json", "07-initial-pep.json"])
}

@Test(.timeLimit(.minutes(5)))  // a hang guard: generous, as a loaded 2-core CI machine starves the pool
func aGracefulStopCutsTheSleepBetweenPollsShort() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    var options = RunOptions()
    options.pollInterval = 3600
    let listener = try NotifyListener()
    let service = InboxService(
        configuration: fixture.configuration, handler: try fixture.pipeline().rater, options: options,
        notifier: SystemdNotifier(socketPath: listener.path), logger: quietLogger)
    let group = ServiceGroup(
        configuration: ServiceGroupConfiguration(
            services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)], logger: quietLogger))
    let running = Task { try await group.run() }
    #expect(try await listener.waitFor("READY=1"))
    await group.triggerGracefulShutdown()
    try await running.value
    #expect(try await listener.waitFor("STOPPING=1"))
}

@Test(.timeLimit(.minutes(5)))  // a hang guard: generous, as a loaded 2-core CI machine starves the pool
func cancellingTheServiceTaskStopsItToo() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    var options = RunOptions()
    options.pollInterval = 3600
    let listener = try NotifyListener()
    let service = InboxService(
        configuration: fixture.configuration, handler: try fixture.pipeline().rater, options: options,
        notifier: SystemdNotifier(socketPath: listener.path), logger: quietLogger)
    let running = Task { await service.run() }
    #expect(try await listener.waitFor("READY=1"))
    running.cancel()
    await running.value
    #expect(try await listener.waitFor("STOPPING=1"))
}

// MARK: - systemd

extension NotifySocket {
    /// A socket whose reads wait up to `seconds` (the default two seconds is short on a loaded machine).
    static func patient(seconds: Int = 30) throws -> NotifySocket {
        let socket = try NotifySocket()
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(socket.fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return socket
    }

    /// Every datagram already queued, without waiting.
    func drain() -> [String] {
        var messages: [String] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            guard n > 0 else { return messages }
            messages.append(String(decoding: buffer[0..<n], as: UTF8.self))
        }
    }
}

/// Reads a notify socket on a thread of its own, as systemd does, until `STOPPING=1` or a
/// long silence (ten minutes: in a full parallel run the service under test can wait many
/// seconds for a thread of the shared pool between two messages). Tests wait on it by polling, so no thread of the shared pool is ever blocked
/// (the service under test needs those threads).
final class NotifyListener: @unchecked Sendable {
    let socket: NotifySocket
    private let lines = LockedLines()
    private let lock = NSLock()
    private var finished = false

    init() throws {
        socket = try NotifySocket.patient(seconds: 600)
        Thread.detachNewThread { [self] in
            while let message = socket.receive() {
                lines.append(message)
                if message.hasPrefix("STOPPING=1") { break }
            }
            lock.withLock { finished = true }
        }
    }

    var path: String { socket.path }

    /// Waits (without blocking a thread) until a message starting with `prefix` has arrived.
    func waitFor(_ prefix: String) async throws -> Bool {
        for _ in 0..<3000 {
            if lines.all.contains(where: { $0.hasPrefix(prefix) }) { return true }
            if lock.withLock({ finished }) { return false }
            try await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    /// Every message, once the service has said it is stopping.
    func messages() async throws -> [String] {
        _ = try await waitFor("STOPPING=1")
        return lines.all
    }
}

@Test func theServiceSendsReadyStatusWatchdogAndStoppingToSystemd() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    try fixture.drop(sample: "01-green-review-secondary.json")
    try fixture.drop(sample: "03-amber-thin-targets.json")
    let listener = try NotifyListener()
    // A ping every 100 ms: few enough that the socket's 10-datagram queue cannot overflow
    // (and drop a status) while a loaded CI machine starves the listening thread.
    let notifier = SystemdNotifier(socketPath: listener.path, watchdogInterval: .milliseconds(200))
    await drain(fixture, handler: try fixture.pipeline().rater, notifier: notifier)
    let messages = try await listener.messages()
    #expect(messages.first == "READY=1\nSTATUS=watching 1 inbox")
    #expect(messages.contains("WATCHDOG=1"))
    #expect(messages.contains("STATUS=processing 0/2"))
    #expect(messages.contains("STATUS=idle; 2 processed"))
    #expect(messages.last == "STOPPING=1\nSTATUS=stopping; 2 processed")
}

@Test func withoutAWatchdogNoPingIsSent() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    try fixture.drop(sample: "01-green-review-secondary.json")
    let socket = try NotifySocket()
    await drain(fixture, handler: try fixture.pipeline().rater, notifier: SystemdNotifier(socketPath: socket.path))
    let messages = socket.drain()
    #expect(!messages.isEmpty)
    #expect(!messages.contains("WATCHDOG=1"))
}

/// While an item is recorded, the crash marker names it and every item being read ahead on
/// another core, so that a crash in any of them is counted; an item the process died on is
/// then read alone, so an innocent neighbour of a poison file is never set aside.
@Test func theCrashMarkerNamesEveryItemInHandAndASuspectIsReadAlone() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let names = ["a.json", "b.xml", "c.json", "d.xml", "e.json"]
    let samples = ["01-green-review-secondary.json", "02-green-review-primary.xml"]
    for (index, name) in names.enumerated() { try fixture.drop(sample: samples[index % 2], as: name) }
    let config = fixture.configuration
    try FileManager.default.createDirectory(atPath: config.stateDir, withIntermediateDirectories: true)
    let markerPath = CrashMarker(stateDir: config.stateDir).path
    // The last run died once with c and d in hand.
    let path = { (name: String) in fixture.inbox.appendingPathComponent(name).path }
    try Data("0\t\(path("c.json"))\n0\t\(path("d.xml"))".utf8).write(to: URL(fileURLWithPath: markerPath))
    let marked = Mutex<[String: [String]]>([:])
    let handler = ScriptedHandler(pipeline: try fixture.pipeline()) { file in
        let text = (try? String(contentsOfFile: markerPath, encoding: .utf8)) ?? ""
        let inHand = text.split(separator: "\n").map { URL(fileURLWithPath: String($0.split(separator: "\t").last ?? "")).lastPathComponent }
        marked.withLock { $0[file] = inHand }
    }
    var options = onceOptions()
    options.readAhead = 2
    let counts = await drain(fixture, handler: handler, options: options)
    #expect(counts.archived == 5)
    #expect(counts.quarantined == 0, "neither suspect was set aside: each was read alone and was fine")
    let seen = marked.withLock { $0 }
    #expect(seen["a.json"] == ["a.json", "b.xml"], "b read ahead while a is recorded; c, a suspect, not yet")
    #expect(seen["c.json"] == ["c.json"])
    #expect(seen["d.xml"] == ["d.xml"])
    #expect(seen["e.json"] == ["e.json"])
    #expect(!FileManager.default.fileExists(atPath: markerPath))
}
