import Foundation
import PEPFiles
import PEPLedger
import PEPModel
import PEPOutput

/// Writes the feedback e-mails of every rated submission into `outbox/`, once per submission
/// and recipient (Designated Teacher, social worker), superseded ones included: the school sent
/// that PEP and is told how it was rated, whether or not a later one has arrived since.
///
/// Once is the ledger's to say, not the folder's (the relay empties it): each message is
/// written atomically, then recorded. A crash in between writes the same file again (same name,
/// same bytes: the date is the rating's, the Message-ID is derived from the content), so at
/// worst the relay sees one message twice, never none. A recipient the PEP gives no usable
/// address for is recorded with no file, so it is decided once and reported, not retried.
///
/// Where the register of children looked after has another address for the Designated Teacher
/// or the social worker, the e-mail goes to the register's, says the PEP gave another, and the
/// outbox record notes it (`FeedbackInput.address(from:)`).
struct FeedbackPublisher {
    let ledger: Ledger
    let composer: FeedbackComposer
    /// The register, by child ID.
    let roster: [String: RosterEntry]
    let builder: StoredReportBuilder
    let outbox: URL

    struct Result {
        var written: [URL] = []
        var withoutAddress = 0
    }

    /// - Parameter after: the last successful publish's mark (only what changed since can be
    ///   owed feedback); nil looks at every submission.
    func publish(now: Date, after mark: LedgerMark? = nil, problems: inout [String]) throws -> Result {
        var result = Result()
        for (submissionID, missing) in try ledger.outbox.submissionsAwaitingFeedback(after: mark) {
            do {
                guard let stored = try ledger.ratings.latestStoredRating(submissionID: submissionID) else { continue }
                let report = try builder.report(stored)
                var input = FeedbackInput(report: report, sentAt: stored.ratedAt)
                input.address(from: roster[report.childID])
                let messages = try composer.compose(input)
                for recipient in missing {
                    guard let message = messages.first(where: { $0.fileName.hasSuffix("-\(recipient.rawValue).eml") }) else {
                        try ledger.outbox.recordFeedback(
                            submissionID: submissionID, recipient: recipient, fileName: nil,
                            note: "no usable e-mail address in the PEP", at: now)
                        result.withoutAddress += 1
                        continue
                    }
                    let url = outbox.appendingPathComponent(message.fileName)
                    try DurableFile.write(message.message.rendered(), to: url)
                    let replaced = recipient == .designatedTeacher ? input.designatedTeacherPEPAddress : input.socialWorkerPEPAddress
                    let note = replaced == nil ? "written" : "written to the register's address; the PEP gave another"
                    if try ledger.outbox.recordFeedback(
                        submissionID: submissionID, recipient: recipient, fileName: message.fileName, note: note, at: now)
                    {
                        result.written.append(url)
                    }
                }
            } catch {
                problems.append("feedback for submission \(submissionID): \(error)")
            }
        }
        return result
    }
}
