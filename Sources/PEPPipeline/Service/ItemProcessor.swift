import Foundation
import Logging
import PEPIntake
import PEPLedger
import PEPModel

/// Takes one inbox item through the pipeline and files it: the only place that decides where a
/// file goes, and always after the ledger has committed what it holds.
///
/// - A rated document is archived; a rejected one is quarantined with its reason.
/// - A duplicate (the bytes are already in the ledger: a crash hit after the commit and before
///   the move, or a school sent the same file twice) is not rated again: it is archived, or
///   quarantined with the ledger's reason if it was rejected, and its QA report is rewritten
///   if the crash also lost that.
/// - A transient failure leaves the file where it is, for a retry.
/// - An e-mail moves (Maildir `new/` → `cur/`, or a `.eml` to the archive) only once every PEP
///   in it is committed; one with no PEP, or whose PEPs were all rejected, is quarantined.
struct ItemProcessor: Sendable {
    let handler: any SubmissionHandling
    let filing: Filing
    let logger: Logger
    var maxFileBytes = DropFile.maxBytes
    var mailReader = MailMessageReader()

    func process(_ item: InboxItem) -> ItemResult {
        switch item {
        case .dropFile(let file): return processDropFile(file)
        case .emailFile(let file): return processMessage(at: file.url, maildir: nil)
        case .maildirMessage(let url, let maildir): return processMessage(at: url, maildir: maildir)
        }
    }

    /// Sets an item aside without reading it as a PEP (the process died on it too often). A drop
    /// file whose bytes the ledger already holds as rated is archived instead: the crash came
    /// after its commit, and a rated submission's file belongs in the archive.
    func quarantineUnread(_ item: InboxItem, reason: String) -> ItemResult {
        let url = URL(fileURLWithPath: item.path)
        if case .dropFile(let file) = item, let submission = try? file.submission(maxBytes: maxFileBytes),
            let record = try? handler.recorded(sha256: submission.sha256)
        {
            let outcome = DocumentOutcome.duplicate(file: file.name, submissionID: record.submissionID)
            if record.status == .rated {
                return archive(url, receivedAt: submission.receivedAt, sha256: submission.sha256, outcomes: [outcome])
            }
            return quarantine(url, reason: record.rejectReason ?? reason, receivedAt: submission.receivedAt, outcomes: [outcome])
        }
        let outcome = DocumentOutcome.rejected(file: item.name, reason: reason)
        return quarantine(url, reason: reason, receivedAt: nil, outcomes: [outcome])
    }

    // MARK: - Drop files

    func processDropFile(_ file: DropFile) -> ItemResult {
        let submission: Submission
        do {
            submission = try file.submission(maxBytes: maxFileBytes)
        } catch {
            guard FileManager.default.fileExists(atPath: file.url.path) else { return ItemResult(outcomes: [], disposition: .gone) }
            if error.code == .unreadable { return ItemResult(outcomes: [], disposition: .retry(reason: error.description)) }
            let outcome = DocumentOutcome.rejected(file: file.name, reason: error.description)
            return quarantine(file.url, reason: error.description, receivedAt: file.modified, outcomes: [outcome])
        }
        let outcome = handler.handle(submission)
        let outcomes = [outcome]
        switch outcome {
        case .rated:
            return archive(file.url, receivedAt: submission.receivedAt, sha256: submission.sha256, outcomes: outcomes)
        case .rejected(_, let reason):
            return quarantine(file.url, reason: reason, receivedAt: submission.receivedAt, outcomes: outcomes)
        case .failed(_, let reason):
            return ItemResult(outcomes: outcomes, disposition: .retry(reason: reason))
        case .duplicate:
            switch settleDuplicate(submission) {
            case .rated:
                return archive(file.url, receivedAt: submission.receivedAt, sha256: submission.sha256, outcomes: outcomes)
            case .rejected(let reason):
                return quarantine(file.url, reason: reason, receivedAt: submission.receivedAt, outcomes: outcomes)
            case .failed(let reason):
                return ItemResult(outcomes: outcomes, disposition: .retry(reason: reason))
            }
        }
    }

    /// How the ledger recorded a duplicate's bytes, with its report made whole if it was rated.
    enum Recorded: Equatable {
        case rated
        case rejected(String)
        case failed(String)
    }

    func settleDuplicate(_ submission: Submission) -> Recorded {
        do {
            guard let record = try handler.recorded(sha256: submission.sha256) else {
                return .failed("\(submission.fileName): reported as already recorded, but the ledger has no record of it")
            }
            switch record.status {
            case .rejected:
                return .rejected(record.rejectReason ?? "\(submission.fileName): rejected")
            case .rated:
                do {
                    try handler.ensureReport(for: submission, submissionID: record.submissionID)
                } catch {
                    return .failed("\(submission.fileName): its QA report cannot be written: \(error)")
                }
                return .rated
            }
        } catch {
            return .failed("\(submission.fileName): the ledger cannot be read: \(error)")
        }
    }

    // MARK: - E-mails

    func processMessage(at url: URL, maildir: Maildir?) -> ItemResult {
        guard FileManager.default.fileExists(atPath: url.path) else { return ItemResult(outcomes: [], disposition: .gone) }
        let message = mailReader.read(fileAt: url)
        if message.submissions.isEmpty {
            let problem = message.problem ?? IngestError(.unsupportedFormat, file: message.fileName, message: "no PEP attachment")
            if problem.code == .unreadable {
                return ItemResult(outcomes: [], disposition: .retry(reason: problem.description))
            }
            let outcome = DocumentOutcome.rejected(file: message.fileName, reason: problem.description)
            return quarantine(url, reason: problem.description, receivedAt: message.receivedAt, outcomes: [outcome])
        }
        var outcomes: [DocumentOutcome] = []
        var failures: [String] = []
        var rejections: [String] = []
        for submission in message.submissions {
            let outcome = handler.handle(submission)
            outcomes.append(outcome)
            switch outcome {
            case .rated: break
            case .rejected(_, let reason): rejections.append(reason)
            case .failed(_, let reason): failures.append(reason)
            case .duplicate:
                switch settleDuplicate(submission) {
                case .rated: break
                case .rejected(let reason): rejections.append(reason)
                case .failed(let reason): failures.append(reason)
                }
            }
        }
        if !failures.isEmpty {
            return ItemResult(outcomes: outcomes, disposition: .retry(reason: failures.joined(separator: "; ")))
        }
        if rejections.count == message.submissions.count {
            let reason = "\(message.fileName): no PEP in the e-mail could be read: " + rejections.joined(separator: "; ")
            return quarantine(url, reason: reason, receivedAt: message.receivedAt, outcomes: outcomes)
        }
        guard let maildir else {
            return archive(url, receivedAt: message.receivedAt, sha256: nil, outcomes: outcomes)
        }
        do {
            let done = try maildir.markDone(messageAt: url)
            return ItemResult(outcomes: outcomes, disposition: .markedDone(done.path))
        } catch {
            return ItemResult(outcomes: outcomes, disposition: .retry(reason: error.description))
        }
    }

    // MARK: - Moves

    func archive(_ url: URL, receivedAt: Date, sha256: String?, outcomes: [DocumentOutcome]) -> ItemResult {
        do {
            let moved = try filing.archive(file: url, receivedAt: receivedAt, sha256: sha256)
            return ItemResult(outcomes: outcomes, disposition: .archived(moved.path))
        } catch {
            return ItemResult(outcomes: outcomes, disposition: .retry(reason: error.description))
        }
    }

    func quarantine(_ url: URL, reason: String, receivedAt: Date?, outcomes: [DocumentOutcome]) -> ItemResult {
        do {
            let moved = try filing.quarantine(file: url, reason: reason, receivedAt: receivedAt)
            return ItemResult(outcomes: outcomes, disposition: .quarantined(moved.path))
        } catch {
            return ItemResult(outcomes: outcomes, disposition: .retry(reason: error.description))
        }
    }
}
