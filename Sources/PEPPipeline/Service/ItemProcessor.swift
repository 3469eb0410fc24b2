import Foundation
import Logging
import PEPIntake
import PEPLedger
import PEPModel

/// Takes one inbox item through the pipeline and files it under its `FilingPolicy`: the only
/// place that decides where a file goes, and always after the ledger has committed what it
/// holds. `pepqa process` and the service both use it; only the policy differs.
///
/// - A rated document is archived; a rejected one is quarantined with its reason.
/// - A duplicate (the bytes are already in the ledger: a crash hit after the commit and before
///   the move, or a school sent the same file twice) is not rated again: it is archived, or
///   quarantined with the ledger's reason if it was rejected, and its QA report is rewritten
///   if the crash also lost that.
/// - A transient failure (an unreadable file, a busy ledger) leaves the file where it is, for a retry.
/// - An e-mail moves (Maildir `new/` → `cur/`, or a `.eml` to the archive) only once every PEP
///   in it is committed; one with no PEP, or whose PEPs were all rejected, is quarantined.
struct ItemProcessor: Sendable {
    let handler: any SubmissionHandling
    let filing: FilingPolicy
    let logger: Logger
    var reader = InboxItemReader()

    /// An item read, and each of its submissions read into a PEP, before its turn: the part of
    /// the work that touches nothing but the item's own bytes (`ReadAhead` runs it on another core).
    struct PreparedItem: Sendable {
        let contents: InboxItemReader.Contents
        /// One per submission, in order.
        let reads: [PreparedRead]
    }

    func prepare(_ item: InboxItem) -> PreparedItem {
        let contents = reader.read(item)
        guard case .submissions(let submissions, _) = contents else { return PreparedItem(contents: contents, reads: []) }
        return PreparedItem(contents: contents, reads: submissions.map(handler.prepare))
    }

    /// Waits for what the handler left to other threads (see `SubmissionHandling.finishPending`).
    func finishPending() { handler.finishPending() }

    /// Reads, records and files one item, on this thread.
    func process(_ item: InboxItem) -> ItemResult { process(item, prepared: prepare(item)) }

    /// Records and files an item `prepare` read: in turn, on the one thread that writes.
    func process(_ item: InboxItem, prepared: PreparedItem) -> ItemResult {
        let url = URL(fileURLWithPath: item.path)
        switch prepared.contents {
        case .gone:
            return ItemResult(outcomes: [], disposition: .gone)
        case .unreadable(let reason):
            return ItemResult(outcomes: [], disposition: .retry(reason: reason))
        case .unusable(let problem, let receivedAt):
            let outcome = DocumentOutcome.rejected(file: item.name, reason: problem.description)
            return quarantine(url, reason: problem.description, receivedAt: receivedAt, outcomes: [outcome])
        case .submissions(let submissions, let receivedAt):
            return settle(item, submissions: submissions, reads: prepared.reads, receivedAt: receivedAt)
        }
    }

    /// Sets an item aside without reading it as a PEP (the process died on it too often). A drop
    /// file whose bytes the ledger already holds as rated is archived instead: the crash came
    /// after its commit, and a rated submission's file belongs in the archive.
    func quarantineUnread(_ item: InboxItem, reason: String) -> ItemResult {
        let url = URL(fileURLWithPath: item.path)
        if case .dropFile(let file) = item, let submission = try? file.submission(maxBytes: reader.maxFileBytes, clock: reader.clock),
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

    /// Handles every submission of an item, then files it: left for a retry if any failed,
    /// quarantined if every one was rejected, else done with.
    func settle(_ item: InboxItem, submissions: [Submission], reads: [PreparedRead], receivedAt: Date) -> ItemResult {
        var outcomes: [DocumentOutcome] = []
        var failures: [String] = []
        var rejections: [String] = []
        for (index, submission) in submissions.enumerated() {
            let outcome = handler.handle(submission, prepared: reads.indices.contains(index) ? reads[index] : nil)
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
        let url = URL(fileURLWithPath: item.path)
        switch item {
        case .dropFile:
            if let reason = rejections.first {
                return quarantine(url, reason: reason, receivedAt: receivedAt, outcomes: outcomes)
            }
            return archive(url, receivedAt: receivedAt, sha256: submissions.first?.sha256, outcomes: outcomes)
        case .emailFile, .maildirMessage:
            if rejections.count == submissions.count {
                let reason = "\(item.name): no PEP in the e-mail could be read: " + rejections.joined(separator: "; ")
                return quarantine(url, reason: reason, receivedAt: receivedAt, outcomes: outcomes)
            }
            guard case .maildirMessage(_, let maildir) = item else {
                return archive(url, receivedAt: receivedAt, sha256: nil, outcomes: outcomes)
            }
            return markDone(url, in: maildir, outcomes: outcomes)
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
                    try handler.ensureReport(submissionID: record.submissionID)
                } catch {
                    return .failed("\(submission.fileName): its QA report cannot be written: \(error)")
                }
                return .rated
            }
        } catch {
            return .failed("\(submission.fileName): the ledger cannot be read: \(error)")
        }
    }

    // MARK: - Moves (under the filing policy)

    func archive(_ url: URL, receivedAt: Date, sha256: String?, outcomes: [DocumentOutcome]) -> ItemResult {
        file(outcomes, as: { .archived($0.path) }) { try $0.archive(file: url, receivedAt: receivedAt, sha256: sha256) }
    }

    func quarantine(_ url: URL, reason: String, receivedAt: Date?, outcomes: [DocumentOutcome]) -> ItemResult {
        file(outcomes, as: { .quarantined($0.path) }) { try $0.quarantine(file: url, reason: reason, receivedAt: receivedAt) }
    }

    /// One move under the policy: none when files are left in place; a move that fails leaves
    /// the item for a retry (its ledger commit already stands, so the retry only files it).
    private func file(
        _ outcomes: [DocumentOutcome], as disposition: (URL) -> ItemResult.Disposition, move: (Filing) throws -> URL
    ) -> ItemResult {
        guard case .file(let filing) = filing else { return ItemResult(outcomes: outcomes, disposition: .leftInPlace) }
        do {
            return ItemResult(outcomes: outcomes, disposition: disposition(try move(filing)))
        } catch {
            return ItemResult(outcomes: outcomes, disposition: .retry(reason: "\(error)"))
        }
    }

    func markDone(_ url: URL, in maildir: Maildir, outcomes: [DocumentOutcome]) -> ItemResult {
        file(outcomes, as: { .markedDone($0.path) }) { _ in try maildir.markDone(messageAt: url) }
    }
}
