import Foundation
import PEPLedger
import PEPModel
import PEPOutput
import PEPTestSupport
import Testing

@testable import PEPPipeline

/// Payments made in error are reversed by a credit in the next run, never by editing a file or
/// a row; the reconciliation per term and school shows it and still balances.

/// The first paid request of run 1 by `route`, and its reference (`S000123-R1`).
private func paidRequest(_ s: ProcessedSamples, route: BatchKind, school: String? = nil) throws -> (DecisionRecord, String) {
    let run = try #require(try s.pipeline.ledger.financeRuns.all().first)
    let detail = try s.pipeline.ledger.financeRuns.detail(runID: run.id)
    let decisions = detail.batches.filter { $0.batch.kind == route }.flatMap(\.decisions)
    let d = try #require(decisions.first { school == nil || $0.schoolURN == school })
    return (d, d.reference)
}

private func file(_ folder: URL, _ name: String) throws -> [[String]] {
    csvRows(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
}

@Test func aJournalPaymentReversedIsACreditPairInTheNextRunAndTheReconciliationBalances() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    _ = try s.pipeline.finance.closeAsTwoPeople(now: outputNow)
    let before = contents(of: s.finance).merging(contents(of: s.admin)) { a, _ in a }
    let (d, reference) = try paidRequest(s, route: .journal)
    let head = try s.pipeline.ledger.testUser("vsh-test", .vsh, at: outputNow)
    let paid = try #require(d.payable)
    try s.pipeline.ledger.reversals.reverse(reference: reference, reason: "Child left the school in September", by: head, at: outputLater)
    let second = try #require(try s.pipeline.finance.closeAsTwoPeople(now: outputLater).run)
    #expect(second.sequence == 2)
    // Run 1's files are untouched; run 2 carries the credit.
    for (name, data) in before {
        let folder = name.hasPrefix("payments-") || name.hasPrefix("remittance-") ? s.admin : s.finance
        #expect(try Data(contentsOf: folder.appendingPathComponent(name)) == data, "\(name) changed")
    }
    let journal = try file(s.finance, "journal-000002.csv")
    let lines = journal.filter { $0[0] == "LINE" }
    let first = try file(s.finance, "journal-000001.csv")
    let costCentre = try #require(first.first { $0[0] == "LINE" && $0[2] == "CR" && $0[8] == d.schoolURN }?[3])
    #expect(lines.count == 2)
    #expect(lines[0][2] == "DR" && lines[0][3] == costCentre && lines[0][6] == paid.decimalString)
    #expect(lines[1][2] == "CR" && lines[1][3] == "VS4100" && lines[1][7] == paid.decimalString)
    #expect(lines[0][9].contains("reversal"))
    #expect(!FileManager.default.fileExists(atPath: s.admin.appendingPathComponent("payments-000002.csv").path))
    // The reconciliation: the school's row shows the reversal, and every row balances.
    let rec = try file(s.finance, "reconciliation-000002.csv")
    let row = try #require(rec.first { $0[2] == d.schoolURN })
    #expect(row[6] == paid.decimalString && row[11] == "BALANCED", "\(row)")
    #expect(rec.dropFirst().allSatisfy { $0.last == "BALANCED" })
    #expect(rec.last?[0] == "ALL")
    // Once only, and audited.
    #expect(throws: ReversalError.alreadyReversed(reference)) {
        try s.pipeline.ledger.reversals.reverse(reference: reference, reason: "again", by: head, at: outputLater)
    }
    #expect(try s.pipeline.finance.closeAsTwoPeople(now: outputLater).run == nil)
    let audit = try s.pipeline.ledger.audit.all().map(\.entry).filter { $0.action == "finance.reverse" }
    #expect(audit.count == 1 && audit[0].actor == "vsh-test" && audit[0].after?.contains("Child left") == true)
}

@Test func aChequePaymentReversedIsTakenOffTheSchoolsNextPaymentOrRecovered() throws {
    let s = try ProcessedSamples(heldBack: ["13-resubmission-supersedes-05.json"])
    defer { s.remove() }
    _ = try s.pipeline.finance.closeAsTwoPeople(now: outputNow)
    let (d, reference) = try paidRequest(s, route: .cheque)
    let officer = try s.pipeline.ledger.testUser("finance-officer", .finance, at: outputNow)
    try s.pipeline.ledger.reversals.reverse(
        reference: reference, amount: Pence(10_000), reason: "Paid twice by hand", by: officer, at: outputLater)
    s.processLater()  // LA100005's resubmission passes: another payment in run 2
    _ = try #require(try s.pipeline.finance.closeAsTwoPeople(now: outputLater).run)
    let remittance = try file(s.admin, "remittance-000002.csv")
    #expect(remittance.contains { $0[4] == d.childLAID && $0[7] == "-100.00" && $0[8] == "reversal of \(reference)" })
    let total = try #require(remittance.last)
    let byPayee = try file(s.admin, "payments-000002.csv").filter { $0[0] == "PAY" }
    let schoolPaid = remittance.filter { $0[2] == d.schoolURN }.reduce(Decimal(0)) { $0 + (Decimal(string: $1[7]) ?? 0) }
    if schoolPaid > 0 {
        #expect(byPayee.contains { $0[4] == d.schoolURN && Decimal(string: $0[9]) == schoolPaid }, "paid net of the reversal")
    } else {
        #expect(!byPayee.contains { $0[4] == d.schoolURN })
        let recoveries = try file(s.admin, "recoveries-000002.csv")
        #expect(recoveries.contains { $0[2] == d.schoolURN && Decimal(string: $0[5]) == -schoolPaid })
    }
    #expect(total[0] == "TOTAL")
    let rec = try file(s.finance, "reconciliation-000002.csv")
    #expect(rec.dropFirst().allSatisfy { $0.last == "BALANCED" }, "\(rec)")
    #expect(rec.first { $0[2] == d.schoolURN }?[6] == "100.00")
}

@Test func aReversalLeavingASchoolOwingIsRecoveredNotPaid() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    _ = try s.pipeline.finance.closeAsTwoPeople(now: outputNow)
    let (d, reference) = try paidRequest(s, route: .cheque)
    let officer = try s.pipeline.ledger.testUser("finance-officer", .finance, at: outputNow)
    try s.pipeline.ledger.reversals.reverse(reference: reference, reason: "Paid in error", by: officer, at: outputLater)
    _ = try #require(try s.pipeline.finance.closeAsTwoPeople(now: outputLater).run)
    #expect(!FileManager.default.fileExists(atPath: s.admin.appendingPathComponent("payments-000002.csv").path))
    let recoveries = try file(s.admin, "recoveries-000002.csv")
    #expect(recoveries[1][2] == d.schoolURN && recoveries[1][5] == d.payable?.decimalString && recoveries[1][6] == reference)
    #expect(!FileManager.default.fileExists(atPath: s.finance.appendingPathComponent("recoveries-000002.csv").path))
    // The school is told: a correction, not a payment.
    let notice = try String(contentsOf: s.outbox.appendingPathComponent("payment-000002-\(d.schoolURN ?? "").eml"), encoding: .utf8)
    #expect(notice.contains("Subject: PP+ correction"))
    #expect(notice.replacingOccurrences(of: "=\r\n", with: "").contains("was made in error and is reversed"))
    #expect(!notice.contains("is being paid"))
    let rec = try file(s.finance, "reconciliation-000002.csv")
    #expect(rec.dropFirst().allSatisfy { $0.last == "BALANCED" })
}

@Test func onlyAPaymentMadeIsReversedByTheVSHOrFinanceForAtMostWhatWasPaid() throws {
    let s = try ProcessedSamples(heldBack: ["13-resubmission-supersedes-05.json"])
    defer { s.remove() }
    let ledger = s.pipeline.ledger
    let head = try ledger.testUser("vsh-test", .vsh, at: outputNow)
    let coordinator = try ledger.testUser("qa-officer", .coordinator, at: outputNow)
    let unpaid = try #require(try ledger.ppplus.requests().first { !$0.paid && $0.decision.payable == nil })
    let unpaidRef = unpaid.decision.reference
    #expect(throws: ReversalError.notPaid(unpaidRef)) { try ledger.reversals.reverse(reference: unpaidRef, reason: "x", by: head, at: outputNow) }
    _ = try s.pipeline.finance.closeAsTwoPeople(now: outputNow)
    let (d, reference) = try paidRequest(s, route: .journal)
    let paid = try #require(d.payable)
    #expect(throws: ReversalError.notPermitted("qa-officer")) {
        try ledger.reversals.reverse(reference: reference, reason: "x", by: coordinator, at: outputNow)
    }
    #expect(throws: ReversalError.emptyReason) { try ledger.reversals.reverse(reference: reference, reason: "  ", by: head, at: outputNow) }
    #expect(throws: ReversalError.amount(reference, paid: paid)) {
        try ledger.reversals.reverse(reference: reference, amount: paid + Pence(1), reason: "x", by: head, at: outputNow)
    }
    #expect(throws: ReversalError.badReference("LA100001")) {
        try ledger.reversals.reverse(reference: "LA100001", reason: "x", by: head, at: outputNow)
    }
    #expect(try ledger.reversals.pending().isEmpty)
    // The schema refuses what the Swift refuses: more than was paid, an unpaid request, any edit.
    #expect(throws: (any Error).self) {
        try ledger.execute("INSERT INTO payment_reversal (decision_id, amount_pence, reason, user_id, at) VALUES (?, ?, 'x', ?, '2026-01-01')", [d.id, Int64(paid.value + 1), head.id])
    }
    #expect(throws: (any Error).self) {
        try ledger.execute("INSERT INTO payment_reversal (decision_id, amount_pence, reason, user_id, at) VALUES (?, 1, 'x', ?, '2026-01-01')", [unpaid.decision.id, head.id])
    }
    try ledger.reversals.reverse(reference: reference.lowercased(), reason: "Paid in error", by: head, at: outputNow)
    #expect(throws: (any Error).self) { try ledger.execute("UPDATE payment_reversal SET amount_pence = 1") }
    #expect(throws: (any Error).self) { try ledger.execute("DELETE FROM payment_reversal") }
    #expect(try ledger.reversals.pending().map(\.amount) == [paid])
}
