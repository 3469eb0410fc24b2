import PEPModel

/// The balanced GL journal for journal (LA-maintained) schools, as a CSV upload file
/// (research §5.5, §8.5):
///
/// ```
/// HEAD,batch_id,journal_date,period,source,description,line_count,total_debit,total_credit,prepared_by[,authorised_by]
/// LINE,line_no,DR|CR,cost_centre,subjective,analysis_code,debit,credit,school_urn,narrative,reference
/// END,line_count,total_debit,total_credit,hash_total
/// ```
///
/// Each school gets a pair of lines: debit the Virtual School's PP+ budget, credit the school's
/// cost centre. Narratives and references carry counts and payment references, never a child.
package enum JournalRenderer {
    /// One journal line, before it is written.
    package struct Line: Sendable, Hashable {
        package enum Side: String, Sendable, Hashable { case debit = "DR", credit = "CR" }
        package var side: Side
        package var costCentre: String
        package var amount: Pence
        package var schoolURN: String
        package var narrative: String
        package var reference: String
    }

    package struct Unbalanced: Error, CustomStringConvertible {
        package var debit: Pence
        package var credit: Pence
        package var description: String { "journal does not balance: debits \(debit) against credits \(credit)" }
    }

    /// `JNL-000007`.
    package static func batchID(_ batch: PaymentBatchInfo) -> String { "JNL-" + batch.sequenceLabel }

    /// The debit/credit pairs for a batch, one pair per school.
    package static func lines(_ payments: [PaymentLine], batch: PaymentBatchInfo, register: SchoolRegister, settings: FinanceSettings) -> [Line] {
        var lines: [Line] = []
        for (index, group) in PaymentRun.bySchool(payments).enumerated() {
            let amount = group.lines.reduce(Pence.zero) { $0 + $1.amount }
            let pupils = Set(group.lines.map(\.childID)).count
            let narrative = String("PP+ \(batch.termCode) CIC \(pupils) pupil\(pupils == 1 ? "" : "s")".prefix(settings.narrativeMaxLength))
            let reference = batch.reference(prefix: settings.referencePrefix, payee: index + 1, route: .journal)
            let school = register[group.urn]?.costCentre ?? ""
            lines.append(Line(side: .debit, costCentre: settings.vsCostCentre, amount: amount, schoolURN: group.urn, narrative: narrative, reference: reference))
            lines.append(Line(side: .credit, costCentre: school, amount: amount, schoolURN: group.urn, narrative: narrative, reference: reference))
        }
        return lines
    }

    /// Debit and credit totals. - Throws: `Unbalanced` when they differ.
    package static func checkBalanced(_ lines: [Line]) throws -> (debit: Pence, credit: Pence) {
        let debit = lines.filter { $0.side == .debit }.reduce(Pence.zero) { $0 + $1.amount }
        let credit = lines.filter { $0.side == .credit }.reduce(Pence.zero) { $0 + $1.amount }
        guard debit == credit else { throw Unbalanced(debit: debit, credit: credit) }
        return (debit, credit)
    }

    /// The journal file. - Throws: `Unbalanced` (never for lines from `lines(...)`).
    package static func render(_ payments: [PaymentLine], batch: PaymentBatchInfo, register: SchoolRegister, settings: FinanceSettings) throws -> String {
        let journalLines = lines(payments, batch: batch, register: register, settings: settings)
        let totals = try checkBalanced(journalLines)
        let analysis = settings.analysisCode(financialYear: batch.financialYear)
        var w = CSVWriter()
        w.row([
            "HEAD", .text(batchID(batch)), .text(batch.date.iso), .text(batch.period), .text(settings.journalSource),
            .text("PP+ \(batch.term.rawValue.capitalized) \(batch.academicYear) termly allocation"),
            .number(String(journalLines.count)), .number(totals.debit.decimalString), .number(totals.credit.decimalString),
            .text(settings.preparedBy),
        ] + (settings.authorisedBy.map { [.text($0)] } ?? []))
        for (i, l) in journalLines.enumerated() {
            w.row([
                "LINE", .number(String(i + 1)), .text(l.side.rawValue), .text(l.costCentre), .text(settings.subjective),
                .text(analysis), .number(l.side == .debit ? l.amount.decimalString : "0.00"),
                .number(l.side == .credit ? l.amount.decimalString : "0.00"), .text(l.schoolURN), .text(l.narrative),
                .text(l.reference),
            ])
        }
        let hashTotal = journalLines.reduce(Pence.zero) { $0 + $1.amount }
        w.row([
            "END", .number(String(journalLines.count)), .number(totals.debit.decimalString), .number(totals.credit.decimalString),
            .number(hashTotal.decimalString),
        ])
        return w.text
    }
}
