import Foundation
import Logging
import PEPLedger
import PEPModel
import PEPOutput
import PEPReaders
import PEPRules

/// The stages composed: read, assess, record, report. One instance per run or service; it
/// holds the loaded rules, the reader registry and the open ledger.
///
/// `handle(_:)` is the heart: it never throws. A document that cannot be read is data (it is
/// rejected and recorded); only a transient failure (disk, ledger busy) comes back as
/// `.failed`, with nothing recorded, so that the caller can retry it later.
package final class Pipeline: Sendable {
    package let configuration: ServiceConfiguration
    package let rules: RuleSet
    package let registry: ReaderRegistry
    package let ledger: Ledger
    let reports: ReportPublisher
    let outputSettings: OutputSettings
    let outputFolders: OutputFolders
    let logger: Logger

    /// Loads the rules, the DOCX mapping and the output settings (a broken rule set, template
    /// or finance file stops here, before anything is rated), opens the ledger (creating it if
    /// needed) and makes the output folders.
    package init(configuration: ServiceConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        let rulesURL = URL(fileURLWithPath: configuration.rulesDir)
        rules = try RuleSet.load(directory: rulesURL)
        registry = try ReaderFactory.registry(rulesDirectory: rulesURL)
        ledger = try Ledger(path: configuration.ledgerPath)
        reports = ReportPublisher(outDir: URL(fileURLWithPath: configuration.outDir))
        outputSettings = try OutputSettings.load(rulesDirectory: rulesURL)
        outputFolders = OutputFolders(root: URL(fileURLWithPath: configuration.outDir))
    }

    /// Reads, assesses, records and reports one submission.
    package func handle(_ submission: Submission) -> DocumentOutcome {
        var log = logger
        log[metadataKey: "submission.sha256"] = "\(submission.sha256.prefix(12))"
        do {
            if try ledger.submissions.recorded(sha256: submission.sha256) != nil {
                log.info("already recorded; skipped")
                return .duplicate(file: submission.fileName, submissionID: nil)
            }
            let read: ReadResult
            do {
                read = try registry.read(submission.bytes, file: submission.fileName)
            } catch {
                let reason = error.description
                _ = try ledger.submissions.recordRejected(submission, reason: reason, at: Date())
                log.warning("rejected", metadata: ["reason": "\(error.code)"])
                return .rejected(file: submission.fileName, reason: reason)
            }
            return try rate(submission, read: read, logger: log)
        } catch {
            log.error("not processed; will retry", metadata: ["error": "\(LogLabel.scrub("\(error)", path: submission.fileName))"])
            return .failed(file: submission.fileName, reason: "\(error)")
        }
    }

    func rate(_ submission: Submission, read: ReadResult, logger log: Logger) throws -> DocumentOutcome {
        var log = log
        let receivedOn = CalendarDate(englandDateOf: submission.receivedAt)
        let history = try ledger.history.childHistory(for: read.pep, receivedAt: submission.receivedAt)
        let context = AssessmentContext(receivedOn: receivedOn, attachments: submission.attachments, history: history)
        let assessment = rules.assess(read, context: context)
        let outcome = try ledger.submissions.recordRated(submission, read: read, assessment: assessment, at: Date())
        guard let recorded = outcome.recorded else {
            return .duplicate(file: submission.fileName, submissionID: nil)
        }
        log[metadataKey: "submission.id"] = "\(recorded.submissionID)"
        log[metadataKey: "child.la_id"] = "\(read.pep.child.laId?.value ?? "-")"
        let report = QAReport(
            submissionID: recorded.submissionID, fileName: submission.fileName, sha256: submission.sha256,
            format: read.format, receivedOn: receivedOn, sender: submission.sender, pep: read.pep,
            assessment: assessment)
        let path = try reports.publish(report)
        log.info(
            "rated",
            metadata: [
                "quality": "\(assessment.quality.rawValue)", "compliance": "\(assessment.compliance.rawValue)",
                "assessable": "\(assessment.assessable)",
            ])
        return .rated(
            RatedDocument(
                file: submission.fileName, submissionID: recorded.submissionID,
                childID: read.pep.child.laId?.value ?? "-", assessable: assessment.assessable,
                quality: assessment.quality, compliance: assessment.compliance, requested: assessment.totalRequested,
                approved: assessment.totalApproved, held: assessment.totalHeld,
                supersededEarlier: recorded.superseded != nil, supersededAtOnce: recorded.isSuperseded,
                reportPath: path))
    }
}
