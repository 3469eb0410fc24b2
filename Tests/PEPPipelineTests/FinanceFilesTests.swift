import Foundation
import PEPModel
import Testing

@testable import PEPOutput
@testable import PEPPipeline

/// The finance files of one run, planned by the real `FinancePlanner`, against golden files.
private let f = FinanceFixtures.self

private func journal() throws -> String {
    try JournalRenderer.render(f.run, batch: f.batch, register: f.register, settings: f.finance)
}

@Test func journalMatchesSnapshot() throws {
    try f.assertSnapshot(journal(), named: "journal-000007.csv")
}

@Test func journalDebitsEqualCreditsAndTheControlTotals() throws {
    let rows = try journal().split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let lines = rows.filter { $0[0] == "LINE" }
    let debit = lines.reduce(Decimal(0)) { $0 + (Decimal(string: $1[6]) ?? 0) }
    let credit = lines.reduce(Decimal(0)) { $0 + (Decimal(string: $1[7]) ?? 0) }
    #expect(debit == credit)
    #expect(debit == Decimal(1500))
    let head = try #require(rows.first { $0[0] == "HEAD" })
    #expect(head[1] == "JNL-000007" && head[3] == "2025-26 P09")
    #expect(Decimal(string: head[7]) == debit && Decimal(string: head[8]) == credit)
    #expect(rows.last?[0] == "END" && rows.last?[1] == String(lines.count))
}

@Test func unbalancedJournalLinesAreRefused() {
    let lines = [
        JournalRenderer.Line(side: .debit, costCentre: "VS4100", amount: 100, schoolURN: "190002", narrative: "", reference: ""),
        JournalRenderer.Line(side: .credit, costCentre: "SCH2002", amount: 99, schoolURN: "190002", narrative: "", reference: ""),
    ]
    #expect(throws: JournalRenderer.Unbalanced.self) { try JournalRenderer.checkBalanced(lines) }
}

@Test func chequeBatchMatchesSnapshotWithOneRowPerPayee() throws {
    let text = ChequeBatchRenderer.render(f.run, batch: f.batch, register: f.register, settings: f.finance)
    try f.assertSnapshot(text, named: "payments-000007.csv")
    let pays = text.split(separator: "\r\n").filter { $0.hasPrefix("PAY,") }
    #expect(pays.count == 2)
    #expect(text.contains("TRL,2,1100.00"))
}

@Test func remittanceMatchesSnapshot() throws {
    try f.assertSnapshot(ChequeBatchRenderer.remittance(f.run, batch: f.batch, register: f.register, settings: f.finance), named: "remittance-000007.csv")
}

@Test func paymentReferencesFollowTheLayoutsRuleAndFitEighteenCharacters() {
    #expect(f.batch.reference(rule: FinanceFileLayout.standardPayments.reference, prefix: "PP", payee: 12) == "PPAUT25-007012")
    #expect(f.batch.reference(rule: FinanceFileLayout.standardJournal.reference, prefix: "PP", payee: 12) == "PPAUT25-J007012")
    let late = PaymentBatchInfo(sequence: 123_456, date: f.date("2026-03-01"), term: .spring, academicYear: "2025/26")
    #expect(late.reference(rule: FinanceFileLayout.standardPayments.reference, prefix: "PPXX", payee: 999) == "PPXXSPR25-456999")
    #expect(FinanceFileLayout.referenceLength(FinanceFileLayout.standardPayments.reference)! <= FinanceFileLayout.bacsReferenceLimit)
}

@Test func bacsNamesAreUpperCaseInTheBACSCharacterSet() {
    #expect(ChequeBatchRenderer.bacsCharacters("St Hilda's C.E. Primary – Trust", limit: 18) == "ST HILDAS C.E. PRI")
}

@Test func plannerHoldsLinesForSchoolsNotInTheRegister() {
    #expect(f.run.held.map(\.reason) == [.unknownSchool, .rating])
    #expect(f.run.held.first?.childID == "LA100099" && f.run.held.first?.amount == Pence(50_000))
    #expect(f.run.journal.map(\.schoolURN) == ["190002", "190002", "190003"])
    #expect(f.run.cheque.map(\.schoolURN) == ["190001", "190001", "190004"])
}

@Test func heldReportMatchesSnapshots() throws {
    try f.assertSnapshot(HeldReport.csv(f.run.held), named: "held-000007.csv")
    try f.assertSnapshot(HeldReport.html(f.run.held, title: "PP+ held, batch 000007"), named: "held-000007.html")
}

@Test func reconciliationBalancesPerSchoolAndTermAgainstTheLedger() throws {
    let rows = ReconciliationReport.rows(figures: f.figures, run: f.run, register: f.register)
    // Five schools, the term's total, and all terms.
    #expect(rows.map { $0.schoolURN ?? "-" } == ["190001", "190002", "190003", "190004", "199999", "-", "-"])
    #expect(ReconciliationReport.balanced(rows))
    let term = rows[5]
    #expect(term.approved == Pence(310_000) && term.paid == Pence(260_000) && term.toPay == Pence(50_000) && term.held == Pence(55_000))
    try f.assertSnapshot(ReconciliationReport.csv(rows), named: "reconciliation-000007.csv")
    // The files pay a school less than the ledger says this run paid: that school and every total say MISMATCH.
    var short = f.run
    short.journal.removeLast()
    let mismatch = ReconciliationReport.rows(figures: f.figures, run: short, register: f.register)
    #expect(!ReconciliationReport.balanced(mismatch))
    let csv = csvRows(ReconciliationReport.csv(mismatch))
    #expect(csv.filter { $0.last == "MISMATCH" }.map { $0[2] } == ["190003", "", ""])
    #expect(ReconciliationReport.html(mismatch, title: "t").contains("the files pay £0.00, the ledger £550.00"))
    // A run that pays a term the ledger has no figures for never balances.
    let unknown = ReconciliationReport.rows(figures: [], run: f.run, register: f.register)
    #expect(!ReconciliationReport.balanced(unknown))
}

@Test func paymentNoticeMatchesSnapshot() throws {
    let notices = try PaymentNoticeComposer(settings: f.finance).compose(f.run, batch: f.batch, register: f.register, sentAt: f.sentAt)
    #expect(notices.map(\.fileName) == [
        "payment-000007-190002.eml", "payment-000007-190003.eml", "payment-000007-190001.eml", "payment-000007-190004.eml",
    ])
    try f.assertSnapshot(notices[2].message.rendered(), named: "payment-notice-190001.eml")
}

@Test func noChildNameAppearsInAnyFinanceFile() throws {
    let files = try FinanceBatchWriter(settings: f.finance, register: f.register).files(f.run, batch: f.batch, figures: f.figures)
    let notices = try PaymentNoticeComposer(settings: f.finance).compose(f.run, batch: f.batch, register: f.register, sentAt: f.sentAt)
    let written = files + notices.map { (name: $0.fileName, text: $0.message.rendered()) }
    #expect(written.count == 11)
    for (name, text) in written {
        for child in f.childNames { #expect(!text.contains(child), "\(name) names a child") }
    }
}

@Test func aCouncilsOwnLayoutIsRenderedAsDeclared() throws {
    var settings = f.finance
    settings.journalLayout = FinanceFileLayout(
        kind: .journal, header: [],
        line: [
            .init(name: "Company", value: "01"), .init(name: "CostCentre", field: "cost_centre"), .init(name: "Account", field: "subjective"),
            .init(name: "Amount", field: "amount"), .init(name: "Date", field: "date"), .init(name: "Ref", field: "reference"),
            .init(name: "Type", field: "kind"),
        ],
        trailer: [], columnNames: true, datePattern: try #require(DatePattern("dd/MM/yyyy")), money: .pence,
        reference: "VS{term}{run}{payee}")
    settings.paymentsLayout = FinanceFileLayout(
        kind: .payments, header: [.init(name: "H", value: "H"), .init(name: "count", field: "payment_count")],
        line: [.init(name: "ref", field: "reference"), .init(name: "pence", field: "amount"), .init(name: "payee", field: "account_name")],
        trailer: [], money: .pence, reference: "{term}{run}{payee}")
    let journal = try JournalRenderer.render(f.run, batch: f.batch, register: f.register, settings: settings)
    let rows = csvRows(journal)
    #expect(rows.first == ["Company", "CostCentre", "Account", "Amount", "Date", "Ref", "Type"])
    #expect(rows.count == 1 + 4, "a names row and two pairs; no header or trailer")
    #expect(rows[1] == ["01", "VS4100", "E4510", "95000", "12/12/2025", "VSAUT25007001", "payment"])
    #expect(rows[2] == ["01", "SCH2002", "E4510", "-95000", "12/12/2025", "VSAUT25007001", "payment"])
    #expect(rows.dropFirst().reduce(0) { $0 + (Int($1[3]) ?? 1) } == 0, "signed amounts sum to nothing")
    let payments = csvRows(ChequeBatchRenderer.render(f.run, batch: f.batch, register: f.register, settings: settings))
    #expect(payments == [["H", "2"], ["AUT25007001", "85000", "RIVERSIDE ACAD TR"], ["AUT25007002", "25000", ""]])
}
