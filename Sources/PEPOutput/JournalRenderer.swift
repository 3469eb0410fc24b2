import PEPModel

/// The balanced GL journal for journal (LA-maintained) schools, as a CSV upload file in the
/// layout `Rules/exports/journal.yaml` declares (standard, research §5.5, §8.5):
///
/// ```
/// HEAD,batch_id,journal_date,period,source,description,line_count,total_debit,total_credit,prepared_by,authorised_by
/// LINE,line_no,DR|CR,cost_centre,subjective,analysis_code,debit,credit,school_urn,narrative,reference
/// END,line_count,total_debit,total_credit,hash_total
/// ```
///
/// Each school paid gets a pair of lines: debit the Virtual School's PP+ budget, credit the
/// school's cost centre. A payment reversed (made in error) is a pair the other way round in
/// the next run, never an edit of an earlier file. Narratives and references carry counts and
/// payment references, never a child.
package enum JournalRenderer {
    /// One journal line, before it is written.
    package struct Line: Sendable, Hashable {
        package enum Side: String, Sendable, Hashable { case debit = "DR", credit = "CR" }
        package enum Kind: String, Sendable, Hashable { case payment, reversal }
        package var side: Side
        package var costCentre: String
        package var amount: Pence
        package var schoolURN: String
        package var narrative: String
        package var reference: String
        package var kind: Kind = .payment
    }

    package struct Unbalanced: Error, CustomStringConvertible {
        package var debit: Pence
        package var credit: Pence
        package var description: String { "journal does not balance: debits \(debit) against credits \(credit)" }
    }

    /// `JNL-000007`.
    package static func batchID(_ batch: PaymentBatchInfo) -> String { "JNL-" + batch.sequenceLabel }

    /// The debit/credit pairs for a run: per school in URN order, its payments, then its
    /// reversals (the payment's pair the other way round).
    package static func lines(_ run: PaymentRun, batch: PaymentBatchInfo, register: SchoolRegister, settings: FinanceSettings) -> [Line] {
        var lines: [Line] = []
        var pair = 0
        for (urn, paid, reversed) in PaymentRun.bySchool(paid: run.journal, reversed: run.journalReversals) {
            let school = register[urn]?.costCentre ?? ""
            for (kind, group) in [(Line.Kind.payment, paid), (.reversal, reversed)] where !group.isEmpty {
                pair += 1
                let amount = group.reduce(Pence.zero) { $0 + $1.amount }
                let pupils = Set(group.map(\.childID)).count
                let what = kind == .payment ? "CIC" : "reversal"
                let narrative = String(
                    "PP+ \(batch.termCode) \(what) \(pupils) pupil\(pupils == 1 ? "" : "s")".prefix(settings.narrativeMaxLength))
                let reference = batch.reference(rule: settings.journalFile.reference, prefix: settings.referencePrefix, payee: pair)
                let (from, to) = kind == .payment ? (settings.vsCostCentre, school) : (school, settings.vsCostCentre)
                lines.append(
                    Line(
                        side: .debit, costCentre: from, amount: amount, schoolURN: urn, narrative: narrative, reference: reference,
                        kind: kind))
                lines.append(
                    Line(
                        side: .credit, costCentre: to, amount: amount, schoolURN: urn, narrative: narrative, reference: reference,
                        kind: kind))
            }
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
    package static func render(
        _ run: PaymentRun, batch: PaymentBatchInfo, register: SchoolRegister, settings: FinanceSettings
    ) throws -> String {
        let journalLines = lines(run, batch: batch, register: register, settings: settings)
        let totals = try checkBalanced(journalLines)
        let analysis = settings.analysisCode(financialYear: batch.financialYear)
        var w = FinanceLayoutWriter(settings.journalFile)
        let count = CSVWriter.Cell.number(String(journalLines.count))
        let (debit, credit) = (w.money(totals.debit), w.money(totals.credit))
        w.header([
            "batch_id": .text(batchID(batch)), "run": .number(String(batch.sequence)), "date": w.date(batch.date),
            "period": .text(batch.period), "financial_year": .text(batch.financialYear), "source": .text(settings.journalSource),
            "description": .text("PP+ \(batch.term.rawValue.capitalized) \(batch.academicYear) termly allocation"),
            "line_count": count, "total_debit": debit, "total_credit": credit, "prepared_by": .text(settings.preparedBy),
            "authorised_by": .text(settings.authorisedBy ?? ""),
        ])
        for (i, l) in journalLines.enumerated() {
            w.line([
                "line_no": .number(String(i + 1)), "date": w.date(batch.date), "side": .text(l.side.rawValue),
                "cost_centre": .text(l.costCentre),
                "subjective": .text(settings.subjective), "analysis_code": .text(analysis),
                "debit": w.money(l.side == .debit ? l.amount : .zero), "credit": w.money(l.side == .credit ? l.amount : .zero),
                "amount": w.money(l.side == .debit ? l.amount : .zero - l.amount), "school_urn": .text(l.schoolURN),
                "narrative": .text(l.narrative), "reference": .text(l.reference), "kind": .text(l.kind.rawValue),
            ])
        }
        w.trailer([
            "line_count": count, "total_debit": debit, "total_credit": credit,
            "hash_total": w.money(journalLines.reduce(Pence.zero) { $0 + $1.amount }),
        ])
        return w.text
    }
}
