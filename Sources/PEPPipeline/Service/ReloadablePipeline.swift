import Foundation
import Logging
import PEPLedger
import PEPModel
import Synchronization
import UnixSignals

/// The service's pipeline, which `systemctl reload pepqa` (SIGHUP) replaces with one built from
/// the rules and configuration as they are now. A reload that fails (a rules file edited into
/// an invalid state, a broken register) changes nothing: the last good rules stay in use and
/// the log says why, with file and line. Documents are rated by whichever pipeline is current
/// when each one is taken; one in hand finishes with the rules it started with.
package final class ReloadablePipeline: SubmissionHandling, Sendable {
    let configuration: ServiceConfiguration
    let logger: Logger
    private let current: Mutex<Pipeline>

    package init(_ pipeline: Pipeline, configuration: ServiceConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        current = Mutex(pipeline)
    }

    package var pipeline: Pipeline { current.withLock { $0 } }

    /// Builds a new pipeline from the rules folder and the configuration; keeps the old one if
    /// that fails. - Returns: true when the new rules are in use.
    @discardableResult
    package func reload() -> Bool {
        do {
            let next = try Pipeline.build(configuration: configuration, logger: logger)
            let previous = current.withLock { previous in
                defer { previous = next }
                return previous
            }
            previous.rater.finishPending()
            logger.notice("rules reloaded", metadata: ["rules": "\(configuration.rulesDir)"])
            return true
        } catch {
            logger.error(
                "rules not reloaded; the last good rules stay in use",
                metadata: ["problem": "\(String(describing: error).split(whereSeparator: \.isNewline).joined(separator: "; "))"])
            return false
        }
    }

    /// Reloads on every SIGHUP until the task is cancelled.
    package func reloadOnHangup() async {
        for await _ in await UnixSignalsSequence(trapping: .sighup) {
            if Task.isCancelled { return }
            reload()
        }
    }

    package func prepare(_ submission: Submission) -> PreparedRead { pipeline.rater.prepare(submission) }
    package func handle(_ submission: Submission, prepared: PreparedRead?) -> DocumentOutcome {
        pipeline.rater.handle(submission, prepared: prepared)
    }
    package func recorded(sha256: String) throws -> RecordedSubmission? { try pipeline.rater.recorded(sha256: sha256) }
    @discardableResult
    package func ensureReport(submissionID: Int64) throws -> Bool { try pipeline.rater.ensureReport(submissionID: submissionID) }
    package func finishPending() { pipeline.rater.finishPending() }
}
