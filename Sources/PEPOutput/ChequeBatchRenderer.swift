import PEPModel

/// The cheque/BACS payment batch for chequebook schools (academies, out-of-area and independent
/// settings), and its remittance advice (research §5.5, §8.5).
///
/// The batch has ONE row per payee — the bank sees a school and a total, never a child:
///
/// ```
/// HDR,batch_id,payment_date,description,payment_count,total,approver[,prepared_by]
/// PAY,n,supplier_id,payee_name,payee_urn,method,sort_code,account_number,account_name_18,amount,reference_18,cost_centre,subjective
/// TRL,payment_count,total
/// ```
///
/// The per-child breakdown (child IDs only) is in the separate remittance file, which goes to the
/// school's bursar, not to the bank.
package enum ChequeBatchRenderer {
    /// One payee's row, before it is written.
    package struct Payment: Sendable, Hashable {
        package var number: Int
        package var school: SchoolRecord
        package var amount: Pence
        package var reference: String
        package var lines: [PaymentLine]
    }

    /// `PAY-000007`.
    package static func batchID(_ batch: PaymentBatchInfo) -> String { "PAY-" + batch.sequenceLabel }

    /// One payment per school in the register, in URN order; lines whose school is missing are
    /// left out (the planner holds them before this point).
    package static func payments(_ lines: [PaymentLine], batch: PaymentBatchInfo, register: SchoolRegister, settings: FinanceSettings) -> [Payment] {
        var payments: [Payment] = []
        for group in PaymentRun.bySchool(lines) {
            guard let school = register[group.urn] else { continue }
            let n = payments.count + 1
            payments.append(
                Payment(
                    number: n, school: school, amount: group.lines.reduce(Pence.zero) { $0 + $1.amount },
                    reference: batch.reference(prefix: settings.referencePrefix, payee: n), lines: group.lines))
        }
        return payments
    }

    package static func render(_ lines: [PaymentLine], batch: PaymentBatchInfo, register: SchoolRegister, settings: FinanceSettings) -> String {
        let list = payments(lines, batch: batch, register: register, settings: settings)
        let total = list.reduce(Pence.zero) { $0 + $1.amount }
        var w = CSVWriter()
        w.row([
            "HDR", .text(batchID(batch)), .text(batch.date.iso),
            .text("PP+ \(batch.term.rawValue.capitalized) \(batch.academicYear)"), .number(String(list.count)),
            .number(total.decimalString), .text(settings.authorisedBy ?? settings.preparedBy),
        ] + (settings.authorisedBy == nil ? [] : [.text(settings.preparedBy)]))
        for p in list {
            let bacs = p.school.paidByBACS
            w.row([
                "PAY", .number(String(p.number)), .text(p.school.supplierID), .text(bacsCharacters(p.school.payeeName, limit: 60)),
                .text(p.school.urn), .text(bacs ? "bacs" : "cheque"), .number(bacs ? p.school.sortCode : ""),
                .number(bacs ? p.school.accountNumber : ""),
                .text(bacs ? bacsCharacters(p.school.bacsAccountName.isEmpty ? p.school.payeeName : p.school.bacsAccountName, limit: 18) : ""),
                .number(p.amount.decimalString), .text(p.reference), .text(settings.vsCostCentre), .text(settings.subjective),
            ])
        }
        w.row(["TRL", .number(String(list.count)), .number(total.decimalString)])
        return w.text
    }

    /// The remittance advice: one row per child line, child ID only.
    package static func remittance(_ lines: [PaymentLine], batch: PaymentBatchInfo, register: SchoolRegister, settings: FinanceSettings) -> String {
        var w = CSVWriter()
        w.row(["batch_id", "reference", "payee_urn", "payee_name", "child_id", "term", "academic_year", "amount", "source_reference"])
        var total = Pence.zero
        for p in payments(lines, batch: batch, register: register, settings: settings) {
            for l in p.lines {
                total = total + l.amount
                w.row([
                    .text(batchID(batch)), .text(p.reference), .text(p.school.urn), .text(p.school.payeeName), .text(l.childID),
                    .text(l.term.rawValue.capitalized), .text(l.academicYear), .number(l.amount.decimalString),
                    .text(l.sourceReference),
                ])
            }
        }
        w.row(["TOTAL", "", "", "", "", "", "", .number(total.decimalString), ""])
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
            problems.append("\(urn): the BACS account name '\(bacs)' is longer than 18 characters; set bacs_account_name in the school register")
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
