import Foundation
import PEPModel
import Testing

@testable import PEPOutput
@testable import PEPPipeline

/// The finance files of one run, planned by the real `FinancePlanner`, against golden files.
private let f = FinanceFixtures.self

private func journal() throws -> String {
    try JournalRenderer.render(f.run.journal, batch: f.batch, register: f.register, settings: f.finance)
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
    let text = ChequeBatchRenderer.render(f.run.cheque, batch: f.batch, register: f.register, settings: f.finance)
    try f.assertSnapshot(text, named: "payments-000007.csv")
    let pays = text.split(separator: "\r\n").filter { $0.hasPrefix("PAY,") }
    #expect(pays.count == 2)
    #expect(text.contains("TRL,2,1100.00"))
}

@Test func remittanceMatchesSnapshot() throws {
    try f.assertSnapshot(ChequeBatchRenderer.remittance(f.run.cheque, batch: f.batch, register: f.register, settings: f.finance), named: "remittance-000007.csv")
}

@Test func paymentReferencesFitEighteenCharacters() {
    let ref = f.batch.reference(prefix: "PP", payee: 12)
    #expect(ref == "PPAUT25-007012")
    #expect(f.batch.reference(prefix: "PP", payee: 12, route: .journal) == "PPAUT25-J007012")
    #expect(PaymentBatchInfo(sequence: 123_456, date: f.date("2026-03-01"), term: .spring, academicYear: "2025/26").reference(prefix: "PPXX", payee: 999).count <= 18)
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

@Test func reconciliationBalancesApprovedAgainstJournalChequeAndHeld() throws {
    let rows = ReconciliationReport.rows(approved: f.approvedTotals, run: f.run)
    #expect(rows.count == 1 && rows[0].balanced)
    #expect(rows[0].journal == Pence(150_000) && rows[0].cheque == Pence(110_000) && rows[0].held == Pence(105_000))
    try f.assertSnapshot(ReconciliationReport.csv(rows), named: "reconciliation-000007.csv")
    let short = ReconciliationReport.rows(approved: [TermKey("2025/26", .autumn): Pence(1)], run: f.run)
    #expect(!short[0].balanced && ReconciliationReport.csv(short).contains("MISMATCH"))
}

@Test func paymentNoticeMatchesSnapshot() throws {
    let notices = try PaymentNoticeComposer(settings: f.finance).compose(f.run, batch: f.batch, register: f.register, sentAt: f.sentAt)
    #expect(notices.map(\.fileName) == [
        "payment-000007-190002.eml", "payment-000007-190003.eml", "payment-000007-190001.eml", "payment-000007-190004.eml",
    ])
    try f.assertSnapshot(notices[2].message.rendered(), named: "payment-notice-190001.eml")
}

@Test func noChildNameAppearsInAnyFinanceFile() throws {
    let files = try FinanceBatchWriter(settings: f.finance, register: f.register).files(f.run, batch: f.batch, approved: f.approvedTotals)
    let notices = try PaymentNoticeComposer(settings: f.finance).compose(f.run, batch: f.batch, register: f.register, sentAt: f.sentAt)
    let written = files + notices.map { (name: $0.fileName, text: $0.message.rendered()) }
    #expect(written.count == 11)
    for (name, text) in written {
        for child in f.childNames { #expect(!text.contains(child), "\(name) names a child") }
    }
}
