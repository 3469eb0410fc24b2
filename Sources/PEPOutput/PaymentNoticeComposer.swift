import Foundation
import PEPModel

/// After a payment batch closes, one e-mail to each paid school's remittance address listing
/// what it is paid, by child ID and reference (never a name), and how it arrives.
package struct PaymentNoticeComposer: Sendable {
    package let settings: FinanceSettings
    let from: EmailAddress

    package struct SettingsError: Error, CustomStringConvertible {
        package var description: String { "finance.yaml: `notices.from` is not a single e-mail address" }
    }

    package init(settings: FinanceSettings) throws {
        self.settings = settings
        guard let from = EmailAddress(parsing: settings.noticeFrom) else { throw SettingsError() }
        self.from = from
    }

    /// One message per school with an address in the register, for both routes; a school with
    /// no remittance e-mail gets none (the pipeline reports it). Sent at `sentAt`.
    package func compose(_ run: PaymentRun, batch: PaymentBatchInfo, register: SchoolRegister, sentAt: Date) -> [FeedbackComposer.Output] {
        var outputs: [FeedbackComposer.Output] = []
        let journal = JournalRenderer.lines(run.journal, batch: batch, register: register, settings: settings)
        let journalRefs = Dictionary(journal.map { ($0.schoolURN, $0.reference) }, uniquingKeysWith: { a, _ in a })
        for group in PaymentRun.bySchool(run.journal) {
            guard let school = register[group.urn], let to = EmailAddress(parsing: school.remittanceEmail) else { continue }
            let how = "by internal transfer to your school budget (journal \(JournalRenderer.batchID(batch)))"
            outputs.append(notice(school, to: to, lines: group.lines, reference: journalRefs[group.urn] ?? "", how: how, batch: batch, sentAt: sentAt))
        }
        for p in ChequeBatchRenderer.payments(run.cheque, batch: batch, register: register, settings: settings) {
            guard let to = EmailAddress(parsing: p.school.remittanceEmail) else { continue }
            let how = p.school.paidByBACS
                ? "by BACS to the account ending \(p.school.accountNumber.suffix(4)) (batch \(ChequeBatchRenderer.batchID(batch)))"
                : "by cheque (batch \(ChequeBatchRenderer.batchID(batch)))"
            outputs.append(notice(p.school, to: to, lines: p.lines, reference: p.reference, how: how, batch: batch, sentAt: sentAt))
        }
        return outputs
    }

    func notice(
        _ school: SchoolRecord, to: EmailAddress, lines: [PaymentLine], reference: String, how: String, batch: PaymentBatchInfo,
        sentAt: Date
    ) -> FeedbackComposer.Output {
        let total = lines.reduce(Pence.zero) { $0 + $1.amount }
        var body = """
            Dear colleague,

            Pupil Premium Plus for \(batch.term.rawValue.capitalized) \(batch.academicYear) is being paid to \(school.name) \(how).

            Payment reference: \(reference)
            Total: \(total.display)

            Child ID          Term              Amount
            """
        body += "\n"
        for l in lines {
            body += "\(pad(l.childID, 18))\(pad(l.term.rawValue.capitalized + " " + l.academicYear, 18))\(l.amount.display)\n"
        }
        body += """

            Children are identified by their local authority ID only. Your Designated Teacher has the PEP \
            feedback that explains each amount; please record the spending against the child's PEP targets.

            Virtual School Finance

            """
        let subject = "PP+ payment \(reference): \(school.name), \(batch.term.rawValue.capitalized) \(batch.academicYear)"
        let message = EmailMessage(
            date: sentAt, from: from, to: [to], subject: subject, body: body, idSeed: "payment-\(batch.sequence)-\(school.urn)",
            messageIDDomain: settings.messageIDDomain)
        return .init(fileName: "payment-\(batch.sequenceLabel)-\(school.urn).eml", message: message)
    }

    func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(1, width - s.count)) }
}
