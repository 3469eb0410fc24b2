import Foundation
import Logging
import PEPIntake
import PEPLedger
import PEPModel
import PEPTestSupport
@testable import PEPPipeline

/// A throwaway service layout: an inbox, and state/out folders, under one temporary root.
struct ServiceFixture {
    let root: URL
    let inbox: URL

    init(maildir: Bool = false) throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pepqa-service-\(UUID().uuidString)")
        inbox = root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        if maildir {
            for sub in ["new", "cur", "tmp"] {
                try FileManager.default.createDirectory(at: inbox.appendingPathComponent(sub), withIntermediateDirectories: true)
            }
        }
    }

    var configuration: ServiceConfiguration {
        var config = ServiceConfiguration()
        config.inboxes = [inbox.path]
        config.rulesDir = Repository.rules.path
        config.stateDir = root.appendingPathComponent("state").path
        config.outDir = root.appendingPathComponent("out").path
        return config
    }

    var archive: URL { URL(fileURLWithPath: configuration.resolvedArchiveDir) }
    var quarantine: URL { URL(fileURLWithPath: configuration.resolvedQuarantineDir) }
    var filing: Filing { Filing(archiveRoot: archive, quarantineRoot: quarantine) }

    func pipeline() throws -> Pipeline { try Pipeline(configuration: configuration, logger: quietLogger) }

    /// Copies a file of SampleInbox/ into the inbox (under `name`, by default its own).
    @discardableResult
    func drop(sample: String, as name: String? = nil) throws -> URL {
        let source = Repository.sampleInbox.appendingPathComponent(sample)
        let target = inbox.appendingPathComponent(name ?? source.lastPathComponent)
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }

    /// Writes bytes into the inbox.
    @discardableResult
    func drop(_ text: String, as name: String) throws -> URL {
        let target = inbox.appendingPathComponent(name)
        try Data(text.utf8).write(to: target)
        return target
    }

    /// Files (not folders) under `folder`, relative names sorted; nothing when it does not exist.
    func files(in folder: URL) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var names: [String] = []
        while let name = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDir), !isDir.boolValue {
                names.append(name)
            }
        }
        return names.sorted()
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

let quietLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

/// A `--once` service over the fixture with short gaps, so a test drains an inbox quickly.
func onceOptions() -> RunOptions {
    var options = RunOptions()
    options.once = true
    options.onceGap = 0.05
    options.pollInterval = 3600
    return options
}

/// A handler that passes through to a real pipeline, but can be told to fail chosen files,
/// and counts what it was asked to handle.
final class ScriptedHandler: SubmissionHandling, @unchecked Sendable {
    let pipeline: Pipeline
    private let lock = NSLock()
    private var failuresLeft: [String: Int] = [:]
    private var handled: [String] = []
    /// Called with the file name before each submission is handled (to block, or to record).
    let beforeHandle: (@Sendable (String) -> Void)?

    init(pipeline: Pipeline, beforeHandle: (@Sendable (String) -> Void)? = nil) {
        self.pipeline = pipeline
        self.beforeHandle = beforeHandle
    }

    /// `file` fails (transiently) the next `times` times it is handled.
    func fail(_ file: String, times: Int) { lock.withLock { failuresLeft[file] = times } }

    var handledFiles: [String] { lock.withLock { handled } }

    func handle(_ submission: Submission) -> DocumentOutcome {
        beforeHandle?(submission.fileName)
        let fail: Bool = lock.withLock {
            handled.append(submission.fileName)
            guard let left = failuresLeft[submission.fileName], left > 0 else { return false }
            failuresLeft[submission.fileName] = left - 1
            return true
        }
        if fail { return .failed(file: submission.fileName, reason: "database is locked (simulated)") }
        return pipeline.handle(submission)
    }

    func recorded(sha256: String) throws -> RecordedSubmission? { try pipeline.recorded(sha256: sha256) }

    func ensureReport(for submission: Submission, submissionID: Int64) throws -> Bool {
        try pipeline.ensureReport(for: submission, submissionID: submissionID)
    }
}

/// Runs a `--once` service to the end and returns its counts.
@discardableResult
func drain(_ fixture: ServiceFixture, handler: any SubmissionHandling, options: RunOptions = onceOptions(),
           notifier: SystemdNotifier = SystemdNotifier(socketPath: nil)) async -> ServiceTally.Counts {
    let service = InboxService(
        configuration: fixture.configuration, handler: handler, options: options, notifier: notifier, logger: quietLogger)
    await service.run()
    return service.tally.counts
}
