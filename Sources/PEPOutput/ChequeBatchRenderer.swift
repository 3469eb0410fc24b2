import PEPModel

/// The cheque/BACS payment batch for chequebook schools (academies, out-of-area and independent
/// settings) in the layout `Rules/exports/payments.yaml` declares, its remittance advice, and
/// the recoveries a reversal leaves (research §5.5, §8.5).
///
/// The batch has ONE row per payee — the bank sees a school and a total, never a child
/// (standard layout):
///
/// ```
/// HDR,batch_id,payment_date,description,payment_count,total,approver,prepared_by
/// PAY,n,supplier_id,payee_name,payee_urn,method,sort_code,account_number,account_name_18,amount,reference_18,cost_centre,subjective
/// TRL,payment_count,total
/// ```
///
/// A payment reversed (made in error) is a credit line in the next run: it is taken off what
/// the school is paid then; when that leaves nothing to pay, the school is not in the bank
/// batch and what it owes is in `recoveries-N.csv` for the Admin team to invoice. The per-child
/// breakdown (child IDs only, credits negative) is in the remittance file, which goes to the
/// school's bursar, not to the bank.
package enum ChequeBatchRenderer {
    /// One payee of the run, before it is written.
    package struct Payment: Sendable, Hashable {
        package var number: Int
        package var school: SchoolRecord
        /// What the school is paid: its lines less its reversals (negative: it owes that much).
        package var amount: Pence
        package var reference: String
        package var lines: [PaymentLine]
        /// Reversed payments credited in this run (amounts positive: what is taken back).
        package var reversals: [PaymentLine] = []

        /// In the bank batch: there is something to pay.
        package var paid: Bool { amount > .zero }
    }

    /// `PAY-000007`.
    package static func batchID(_ batch: PaymentBatchInfo) -> String { "PAY-" + batch.sequenceLabel }

    /// One payee per school in the register with a line or a reversal, in URN order; lines
    /// whose school is missing are left out (the planner holds them before this point).
    package static func payments(
        _ run: PaymentRun, batch: PaymentBatchInfo, register: SchoolRegister, settings: FinanceSettings
    ) -> [Payment] {
        var payments: [Payment] = []
        for (urn, lines, reversals) in PaymentRun.bySchool(paid: run.cheque, reversed: run.chequeReversals) {
            guard let school = register[urn] else { continue }
            let n = payments.count + 1
            payments.append(
                Payment(
                    number: n, school: school,
                    amount: lines.reduce(Pence.zero) { $0 + $1.amount } - reversals.reduce(Pence.zero) { $0 + $1.amount },
                    reference: batch.reference(rule: settings.paymentsFile.reference, prefix: settings.referencePrefix, payee: n),
                    lines: lines, reversals: reversals))
        }
        return payments
    }

    package static func render(_ run: PaymentRun, batch: PaymentBatchInfo, register: SchoolRegister, settings: FinanceSettings) -> String {
        let list = payments(run, batch: batch, register: register, settings: settings).filter(\.paid)
        let total = list.reduce(Pence.zero) { $0 + $1.amount }
        var w = FinanceLayoutWriter(settings.paymentsFile)
        w.header([
            "batch_id": .text(batchID(batch)), "run": .number(String(batch.sequence)), "date": w.date(batch.date),
            "description": .text("PP+ \(batch.term.rawValue.capitalized) \(batch.academicYear)"),
            "payment_count": .number(String(list.count)), "total": w.money(total),
            "approver": .text(settings.authorisedBy ?? settings.preparedBy), "prepared_by": .text(settings.preparedBy),
            "authorised_by": .text(settings.authorisedBy ?? ""),
        ])
        for p in list {
            let bacs = p.school.paidByBACS
            w.line([
                "number": .number(String(p.number)), "date": w.date(batch.date), "supplier_id": .text(p.school.supplierID),
                "payee_name": .text(bacsCharacters(p.school.payeeName, limit: 60)), "payee_urn": .text(p.school.urn),
                "method": .text(bacs ? "bacs" : "cheque"), "sort_code": .number(bacs ? p.school.sortCode : ""),
                "account_number": .number(bacs ? p.school.accountNumber : ""),
                "account_name": .text(
                    bacs ? bacsCharacters(p.school.bacsAccountName.isEmpty ? p.school.payeeName : p.school.bacsAccountName, limit: 18) : ""),
                "amount": w.money(p.amount), "reference": .text(p.reference), "cost_centre": .text(settings.vsCostCentre),
                "subjective": .text(settings.subjective),
            ])
        }
        w.trailer(["payment_count": .number(String(list.count)), "total": w.money(total)])
        return w.text
    }

    /// The remittance advice: one row per child line, child ID only; a reversal negative.
    package static func remittance(
        _ run: PaymentRun, batch: PaymentBatchInfo, register: SchoolRegister, settings: FinanceSettings
    ) -> String {
        var w = CSVWriter()
        w.row(["batch_id", "reference", "payee_urn", "payee_name", "child_id", "term", "academic_year", "amount", "source_reference"])
        var total = Pence.zero
        for p in payments(run, batch: batch, register: register, settings: settings) {
            for (l, sign) in p.lines.map({ ($0, 1) }) + p.reversals.map({ ($0, -1) }) {
                let amount = sign < 0 ? .zero - l.amount : l.amount
                total = total + amount
                w.row([
                    .text(batchID(batch)), .text(p.reference), .text(p.school.urn), .text(p.school.payeeName), .text(l.childID),
                    .text(l.term.rawValue.capitalized), .text(l.academicYear), .number(amount.decimalString),
                    .text(sign < 0 ? "reversal of " + l.sourceReference : l.sourceReference),
                ])
            }
        }
        w.row(["TOTAL", "", "", "", "", "", "", .number(total.decimalString), ""])
        return w.text
    }

    /// What chequebook schools owe after this run's reversals (nil when none does): one row per
    /// school, for the Admin team to recover by invoice.
    package static func recoveries(
        _ run: PaymentRun, batch: PaymentBatchInfo, register: SchoolRegister, settings: FinanceSettings
    ) -> String? {
        let owing = payments(run, batch: batch, register: register, settings: settings).filter { $0.amount < .zero }
        guard !owing.isEmpty else { return nil }
        var w = CSVWriter()
        w.row(["batch_id", "reference", "payee_urn", "payee_name", "supplier_id", "amount_to_recover", "reversed_references"])
        for p in owing {
            w.row([
                .text(batchID(batch)), .text(p.reference), .text(p.school.urn), .text(p.school.payeeName), .text(p.school.supplierID),
                .number((.zero - p.amount).decimalString), .text(p.reversals.map(\.sourceReference).joined(separator: " ")),
            ])
        }
        w.row(["TOTAL", "", "", "", "", .number(owing.reduce(Pence.zero) { $0 - $1.amount }.decimalString), ""])
        return w.text
    }

    /// Why a school cannot be paid by BACS as the register has it (empty when it can): the
    /// bank's limits, checked before a run is recorded, so no batch is written that the bank
    /// would reject or that would pay a truncated name. A school without bank details is paid
    /// by cheque and has none.
    package static func bacsProblems(_ school: SchoolRecord) -> [String] {
        guard school.paidByBACS else { return [] }
        var problems: [String] = []
        let urn = "school URN \(school.urn)"
        if school.sortCode.count != 6 || !school.sortCode.allSatisfy({ $0.isASCII && $0.isNumber }) {
            problems.append("\(urn): the sort code must be 6 digits")
        }
        if school.accountNumber.count != 8 || !school.accountNumber.allSatisfy({ $0.isASCII && $0.isNumber }) {
            problems.append("\(urn): the account number must be 8 digits")
        }
        let name = school.bacsAccountName.isEmpty ? school.payeeName : school.bacsAccountName
        let bacs = bacsCharacters(name, limit: 1_000)
        if bacs.isEmpty {
            problems.append("\(urn): there is no account name for BACS")
        } else if bacs.count > 18 {
            problems.append(
                "\(urn): the BACS account name '\(bacs)' is longer than 18 characters; set bacs_account_name in the school register")
        }
        return problems
    }

    /// Upper case, BACS characters only (A–Z, 0–9, space, `.`, `&`, `/`, `-`), apostrophes dropped, others as spaces,
    /// runs of spaces collapsed, cut to `limit`.
    package static func bacsCharacters(_ text: String, limit: Int) -> String {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .&/-")
        var out = ""
        for ch in text.uppercased() where ch != "'" && ch != "\u{2019}" {
            let c = allowed.contains(ch) ? ch : " "
            if c == " ", out.last == " " || out.isEmpty { continue }
            out.append(c)
        }
        return String(out.prefix(limit)).trimmed
    }
}
