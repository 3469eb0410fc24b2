import Foundation
import Logging
import PEPIntake
import PEPLedger
import PEPModel
import PEPTestSupport
import PEPPipelineTestSupport
@testable import PEPPipeline


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

    func prepare(_ submission: Submission) -> PreparedRead { pipeline.rater.prepare(submission) }

    func handle(_ submission: Submission, prepared: PreparedRead?) -> DocumentOutcome {
        beforeHandle?(submission.fileName)
        let fail: Bool = lock.withLock {
            handled.append(submission.fileName)
            guard let left = failuresLeft[submission.fileName], left > 0 else { return false }
            failuresLeft[submission.fileName] = left - 1
            return true
        }
        if fail { return .failed(file: submission.fileName, reason: "database is locked (simulated)") }
        return pipeline.rater.handle(submission, prepared: prepared)
    }

    func recorded(sha256: String) throws -> RecordedSubmission? { try pipeline.rater.recorded(sha256: sha256) }

    func ensureReport(submissionID: Int64) throws -> Bool {
        try pipeline.rater.ensureReport(submissionID: submissionID)
    }

    func finishPending() { pipeline.rater.finishPending() }
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
