import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPLedger

/// Three children's approved requests, and one held.
private func ledgerWithDecisions() throws -> (Ledger, approved: [Int64], held: Int64) {
    let ledger = try Ledger.inMemory()
    let a = try Fixture.rate(
        ledger, "a", read: Fixture.read(child: "LA-1"),
        assessment: Fixture.assessment(funding: [Fixture.approved(0, 30_000), Fixture.held(1, 5_000, .needsClarification)]))
    let b = try Fixture.rate(
        ledger, "b", read: Fixture.read(child: "LA-2", school: "100002"),
        assessment: Fixture.assessment(funding: [Fixture.approved(0, 25_000)]))
    let c = try Fixture.rate(
        ledger, "c", read: Fixture.read(child: "LA-3"), assessment: Fixture.assessment(funding: [Fixture.approved(0, 100)]))
    try ledger.approvePPPlusAsRecommended(at: Fixture.now)
    return (ledger, [a.decisionIDs[0], b.decisionIDs[0], c.decisionIDs[0]], a.decisionIDs[1])
}

@Test func closingABatchNumbersItPerKindAndRecordsItsLines() throws {
    let (ledger, approved, _) = try ledgerWithDecisions()
    let journal = try ledger.payments.closeBatch(
        kind: .journal, items: [BatchItem(decisionID: approved[0], amount: 30_000)], fileName: "journal-1.csv",
        at: Fixture.now)
    let cheque = try ledger.payments.closeBatch(
        kind: .cheque, items: [BatchItem(decisionID: approved[1], amount: 25_000)], fileName: "cheque-1.csv",
        at: Fixture.now)
    let journal2 = try ledger.payments.closeBatch(
        kind: .journal, items: [BatchItem(decisionID: approved[2], amount: 100)], fileName: "journal-2.csv",
        at: Fixture.now)
    #expect([journal.sequence, cheque.sequence, journal2.sequence] == [Int]([1, 1, 2]))
    #expect(journal.total == Pence(30_000) && journal.itemCount == 1)
    #expect(try ledger.payments.batches().map(\.fileName) == ["cheque-1.csv", "journal-1.csv", "journal-2.csv"])
    #expect(try ledger.payments.decisions(batchID: cheque.id).map(\.id) == [approved[1]])
    #expect(try ledger.payments.unbatchedApprovedDecisions().isEmpty)
}

@Test func aDecisionIsNeverBatchedTwiceAndAFailedCloseWritesNothing() throws {
    let (ledger, approved, _) = try ledgerWithDecisions()
    _ = try ledger.payments.closeBatch(
        kind: .journal, items: [BatchItem(decisionID: approved[0], amount: 30_000)], fileName: "journal-1.csv",
        at: Fixture.now)
    #expect(throws: LedgerError.alreadyBatched(decisionIDs: [approved[0]])) {
        try ledger.payments.closeBatch(
            kind: .cheque,
            items: [BatchItem(decisionID: approved[1], amount: 25_000), BatchItem(decisionID: approved[0], amount: 30_000)],
            fileName: "cheque-1.csv", at: Fixture.now)
    }
    #expect(try ledger.count("payment_batch") == 1)
    #expect(try ledger.count("batch_item") == 1)
    #expect(Set(try ledger.payments.unbatchedApprovedDecisions().map(\.id)) == [approved[1], approved[2]])
}

@Test func theSchemaItselfRefusesASecondLineForADecision() throws {
    let (ledger, approved, _) = try ledgerWithDecisions()
    let batch = try ledger.payments.closeBatch(
        kind: .journal, items: [BatchItem(decisionID: approved[0], amount: 30_000)], fileName: "journal-1.csv",
        at: Fixture.now)
    #expect(throws: (any Error).self) {
        try ledger.execute(
            "INSERT INTO batch_item (decision_id, batch_id, amount_pence) VALUES (?, ?, 30000)", [approved[0], batch.id])
    }
    #expect(throws: (any Error).self) { try ledger.execute("DELETE FROM batch_item") }
    #expect(try ledger.count("batch_item") == 1)
}

@Test func heldSupersededUnknownRepeatedAndMisstatedItemsAreRefused() throws {
    let (ledger, approved, held) = try ledgerWithDecisions()
    #expect(throws: LedgerError.notPayable(decisionID: held, status: "not approved by the Virtual School Head")) {
        try ledger.payments.closeBatch(kind: .journal, items: [BatchItem(decisionID: held, amount: 0)], fileName: "x", at: Fixture.now)
    }
    #expect(throws: LedgerError.amountMismatch(decisionID: approved[0])) {
        try ledger.payments.closeBatch(
            kind: .journal, items: [BatchItem(decisionID: approved[0], amount: 29_999)], fileName: "x", at: Fixture.now)
    }
    #expect(throws: LedgerError.unknownDecision(decisionID: 999)) {
        try ledger.payments.closeBatch(kind: .journal, items: [BatchItem(decisionID: 999, amount: 1)], fileName: "x", at: Fixture.now)
    }
    #expect(throws: LedgerError.repeatedItem(decisionID: approved[2])) {
        try ledger.payments.closeBatch(
            kind: .journal,
            items: [BatchItem(decisionID: approved[2], amount: 100), BatchItem(decisionID: approved[2], amount: 100)],
            fileName: "x", at: Fixture.now)
    }
    #expect(throws: LedgerError.emptyBatch) {
        try ledger.payments.closeBatch(kind: .journal, items: [], fileName: "x", at: Fixture.now)
    }
    // The child LA-3 resubmits: the unpaid approval is superseded and no longer payable.
    try Fixture.rate(ledger, "c2", received: "2025-12-01T10:00:00Z", read: Fixture.read(child: "LA-3"))
    #expect(throws: LedgerError.notPayable(decisionID: approved[2], status: "superseded")) {
        try ledger.payments.closeBatch(
            kind: .journal, items: [BatchItem(decisionID: approved[2], amount: 100)], fileName: "x", at: Fixture.now)
    }
    // The trigger refuses a held decision even without the Swift check.
    #expect(try ledger.count("payment_batch") == 0)
    try ledger.execute("INSERT INTO payment_batch VALUES (99, 'journal', 99, '2026-01-01', 'y', 1, 0)")
    #expect(throws: (any Error).self) {
        try ledger.execute("INSERT INTO batch_item (decision_id, batch_id, amount_pence) VALUES (?, 99, 0)", [held])
    }
    #expect(try ledger.count("batch_item") == 0)
}

@Test func reconciliationBalancesApprovedAgainstBatchedAndUnbatched() throws {
    let (ledger, approved, _) = try ledgerWithDecisions()
    _ = try ledger.payments.closeBatch(
        kind: .journal, items: [BatchItem(decisionID: approved[0], amount: 30_000)], fileName: "journal-1.csv",
        at: Fixture.now)
    _ = try ledger.payments.closeBatch(
        kind: .cheque, items: [BatchItem(decisionID: approved[1], amount: 25_000)], fileName: "cheque-1.csv",
        at: Fixture.now)
    let totals = try ledger.payments.reconciliation()
    #expect(totals.approved == Pence(55_100))
    #expect(totals.batched == Pence(55_000))
    #expect(totals.batchedByKind == [.journal: Pence(30_000), .cheque: Pence(25_000)])
    #expect(totals.unbatchedApproved == Pence(100))
    #expect(totals.held == Pence(5_000))
    #expect(totals.balances)
    #expect(try ledger.payments.reconciliation(financialYear: FinancialYear(startYear: 2030)).approved == .zero)
}

@Test func heldDecisionsAreListedWithTheirReasons() throws {
    let (ledger, _, held) = try ledgerWithDecisions()
    let list = try ledger.payments.heldDecisions()
    #expect(list.map(\.id) == [held])
    #expect(list.first?.reason == .needsClarification)
    #expect(list.first?.requested == Pence(5_000))
}
