import Foundation
import PEPModel

/// After a payment batch closes, one e-mail to each paid school's remittance address listing
/// what it is paid, by child ID and reference (never a name), and how it arrives.
package struct PaymentNoticeComposer: Sendable {
    package let settings: FinanceSettings
    let from: EmailAddress
    let body: MailTemplate

    package struct SettingsError: Error, CustomStringConvertible {
        package var description: String { "finance.yaml: `notices.from` is not a single e-mail address" }
    }

    /// - Throws: `SettingsError` for a bad `notices.from`; `TemplateError` (line) for a notice
    ///   template that does not parse or asks for a key the notice does not have.
    package init(settings: FinanceSettings) throws {
        self.settings = settings
        guard let from = EmailAddress(parsing: settings.noticeFrom) else { throw SettingsError() }
        self.from = from
        body = try MailTemplate(
            name: "notices/payment.mustache", source: settings.noticeTemplate ?? Self.builtInTemplate,
            sample: Self.context(
                term: "Autumn", academicYear: "2025/26", school: "X", how: "X", reference: "X", total: .zero,
                lines: [("X", "X", .zero)]))
    }

    /// The wording when the rules folder has no `notices/payment.mustache`.
    static let builtInTemplate = String(decoding: PackageResources.payment_notice_mustache, as: UTF8.self)

    /// The notice's keys: no child names, only IDs.
    static func context(
        term: String, academicYear: String, school: String, how: String, reference: String, total: Pence,
        lines: [(childID: String, term: String, amount: Pence)]
    ) -> [String: Any] {
        func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(1, width - s.count)) }
        let corrected = lines.contains { $0.amount < .zero }
        return [
            "term": term, "academic_year": academicYear, "school_name": school, "how": how, "reference": reference,
            "total": total.display, "corrected": corrected && total > .zero, "recovery": corrected && total <= .zero,
            "lines": lines.map { l -> [String: Any] in
                [
                    "child_id": l.childID, "term": l.term, "amount": l.amount.display,
                    "row": pad(l.childID, 18) + pad(l.term, 18) + l.amount.display,
                ]
            },
        ]
    }

    /// One message per school with an address in the register, for both routes; a school with
    /// no remittance e-mail gets none (the pipeline reports it). Sent at `sentAt`.
    package func compose(_ run: PaymentRun, batch: PaymentBatchInfo, register: SchoolRegister, sentAt: Date) -> [FeedbackComposer.Output] {
        var outputs: [FeedbackComposer.Output] = []
        let journal = JournalRenderer.lines(run, batch: batch, register: register, settings: settings)
        let journalRefs = Dictionary(journal.map { ($0.schoolURN, $0.reference) }, uniquingKeysWith: { a, _ in a })
        for (urn, paid, reversed) in PaymentRun.bySchool(paid: run.journal, reversed: run.journalReversals) {
            guard let school = register[urn], let to = EmailAddress(parsing: school.remittanceEmail) else { continue }
            let how = "by internal transfer to your school budget (journal \(JournalRenderer.batchID(batch)))"
            let lines = paid + reversed.map(Self.credit)
            outputs.append(notice(school, to: to, lines: lines, reference: journalRefs[urn] ?? "", how: how, batch: batch, sentAt: sentAt))
        }
        for p in ChequeBatchRenderer.payments(run, batch: batch, register: register, settings: settings) {
            guard let to = EmailAddress(parsing: p.school.remittanceEmail) else { continue }
            let how =
                !p.paid
                ? ""
                : p.school.paidByBACS
                    ? "by BACS to the account ending \(p.school.accountNumber.suffix(4)) (batch \(ChequeBatchRenderer.batchID(batch)))"
                    : "by cheque (batch \(ChequeBatchRenderer.batchID(batch)))"
            outputs.append(
                notice(
                    p.school, to: to, lines: p.lines + p.reversals.map(Self.credit), reference: p.reference, how: how, batch: batch,
                    sentAt: sentAt))
        }
        return outputs
    }

    /// A reversed payment as a notice line: the amount taken back, negative.
    static func credit(_ line: PaymentLine) -> PaymentLine {
        var credit = line
        credit.amount = .zero - line.amount
        return credit
    }

    func notice(
        _ school: SchoolRecord, to: EmailAddress, lines: [PaymentLine], reference: String, how: String, batch: PaymentBatchInfo,
        sentAt: Date
    ) -> FeedbackComposer.Output {
        let total = lines.reduce(Pence.zero) { $0 + $1.amount }
        let text = body.render(
            Self.context(
                term: batch.term.rawValue.capitalized, academicYear: batch.academicYear, school: school.name, how: how,
                reference: reference, total: total,
                lines: lines.map { ($0.childID, $0.term.rawValue.capitalized + " " + $0.academicYear, $0.amount) }))
        let what = total > .zero ? "payment" : "correction"
        let subject = "PP+ \(what) \(reference): \(school.name), \(batch.term.rawValue.capitalized) \(batch.academicYear)"
        let message = EmailMessage(
            date: sentAt, from: from, to: [to], subject: subject, body: text, idSeed: "payment-\(batch.sequence)-\(school.urn)",
            messageIDDomain: settings.messageIDDomain)
        return .init(fileName: "payment-\(batch.sequenceLabel)-\(school.urn).eml", message: message)
    }
}
