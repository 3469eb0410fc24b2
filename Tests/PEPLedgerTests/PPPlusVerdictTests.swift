import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPLedger

/// The Virtual School Head's word on PP+: the machine recommends, only a VSH's approval pays.

private let eligible = PPPlusEligibility(blockers: [], registeredSchool: nil)

/// One PEP with an approved (machine) request of £300 and a held one of £50, QA complete.
private func ledgerWithRequests(quality: Rating = .green) throws -> (Ledger, approved: Int64, held: Int64, vsh: AppUser) {
    let ledger = try Ledger.inMemory()
    let a = try Fixture.rate(
        ledger, "a", read: Fixture.read(child: "LA-1"),
        assessment: Fixture.assessment(funding: [Fixture.approved(0, 30_000), Fixture.held(1, 5_000, .needsClarification)]),
        completeQA: false)
    let coordinator = try ledger.testUser("qa", .coordinator, at: Fixture.now)
    let entry = try #require(try ledger.reviews.worklist().first)
    try ledger.reviews.complete(
        submissionID: entry.submissionID, runID: entry.runID, quality: quality, compliance: .green, by: coordinator,
        at: Fixture.now)
    return (ledger, a.decisionIDs[0], a.decisionIDs[1], try ledger.testUser("head", .vsh, at: Fixture.now))
}

private func pay(_ ledger: Ledger, _ id: Int64, _ pence: Int) throws {
    _ = try ledger.payments.closeBatch(
        kind: .journal, items: [BatchItem(decisionID: id, amount: Pence(pence))], fileName: "j-\(id)-\(pence).csv",
        at: Fixture.now)
}

@Test func nothingIsPaidWithoutTheVSHsApprovalWhateverTheMachineRecommends() throws {
    let (ledger, approved, _, _) = try ledgerWithRequests()
    #expect(try ledger.payments.unbatchedApprovedDecisions().isEmpty)
    #expect(throws: LedgerError.notPayable(decisionID: approved, status: "not approved by the Virtual School Head")) {
        try pay(ledger, approved, 30_000)
    }
    // The schema refuses the line too, without the Swift check.
    try ledger.execute("INSERT INTO payment_batch VALUES (99, 'journal', 99, '2026-01-01', 'y', 1, 30000)")
    #expect(throws: (any Error).self) {
        try ledger.execute("INSERT INTO batch_item (decision_id, batch_id, amount_pence) VALUES (?, 99, 30000)", [approved])
    }
    #expect(try ledger.count("batch_item") == 0)
}

@Test func anApprovalPaysExactlyItsAmountAndAPartApprovalOnlyItsPart() throws {
    let (ledger, approved, held, vsh) = try ledgerWithRequests()
    try ledger.ppplus.decide(
        [
            VerdictInput(decisionID: approved, verdict: .partApprove, amount: Pence(20_000), reason: "Tuition for 5 weeks", eligibility: eligible),
            VerdictInput(decisionID: held, verdict: .approve, reason: "The school clarified by phone", eligibility: eligible),
        ], by: vsh, at: Fixture.now)
    let payable = try ledger.payments.unbatchedApprovedDecisions()
    #expect(payable.map(\.id) == [approved, held])
    #expect(payable.map(\.payable) == [Pence(20_000), Pence(5_000)])
    #expect(throws: LedgerError.amountMismatch(decisionID: approved)) { try pay(ledger, approved, 30_000) }
    try pay(ledger, approved, 20_000)
    // A paid request cannot be decided again, in Swift or in SQL.
    #expect(throws: PPPlusError.alreadyPaid(approved)) {
        try ledger.ppplus.decide(
            [VerdictInput(decisionID: approved, verdict: .approve, reason: "more", eligibility: eligible)], by: vsh, at: Fixture.now)
    }
    #expect(throws: (any Error).self) {
        try ledger.execute(
            "INSERT INTO ppplus_verdict (decision_id, verdict, amount_pence, reason, exception, school_acknowledged, user_id, at) VALUES (?, 'approve', 30000, 'x', 0, 0, ?, '2026-01-01')",
            [approved, vsh.id])
    }
    let totals = try ledger.payments.reconciliation()
    #expect(totals.approved == Pence(25_000))
    #expect(totals.batched == Pence(20_000))
    #expect(totals.unbatchedApproved == Pence(5_000))
    #expect(totals.balances)
}

@Test func aRequestIsDecidedOnlyOnceQAOfItsPEPIsComplete() throws {
    let ledger = try Ledger.inMemory()
    let a = try Fixture.rate(ledger, "a", assessment: Fixture.assessment(funding: [Fixture.approved(0, 30_000)]), completeQA: false)
    let vsh = try ledger.testUser("head", .vsh, at: Fixture.now)
    #expect(throws: PPPlusError.qaNotComplete(a.decisionIDs[0])) {
        try ledger.ppplus.decide(
            [VerdictInput(decisionID: a.decisionIDs[0], verdict: .approve, reason: "ok", eligibility: eligible)], by: vsh, at: Fixture.now)
    }
    #expect(try ledger.count("ppplus_verdict") == 0)
}

@Test func aPEPConfirmedRedAtQAIsApprovedOnlyWithARecordedException() throws {
    let (ledger, approved, _, vsh) = try ledgerWithRequests(quality: .red)
    let plain = VerdictInput(decisionID: approved, verdict: .approve, reason: "Worth it", eligibility: eligible)
    #expect(throws: PPPlusError.redNeedsException(approved)) { try ledger.ppplus.decide([plain], by: vsh, at: Fixture.now) }
    // Holding or declining needs no exception.
    try ledger.ppplus.decide([VerdictInput(decisionID: approved, verdict: .hold, reason: "Ask the school for targets", eligibility: eligible)], by: vsh, at: Fixture.now)
    var exception = plain
    exception.exception = true
    try ledger.ppplus.decide([exception], by: vsh, at: Fixture.now)
    let verdicts = try ledger.ppplus.verdicts(decisionID: approved)
    #expect(verdicts.map(\.verdict) == [.hold, .approve])
    #expect(verdicts.last?.exception == true)
    #expect(verdicts.last?.userName == "head")
    let audit = try ledger.audit.events(submissionID: try #require(try ledger.ppplus.request(decisionID: approved)).decision.submissionID)
    #expect(audit.map(\.entry.action).suffix(2) == ["ppplus.hold", "ppplus.approve"])
    #expect(audit.last?.entry.after == "approve £300.00 (exception)")
    #expect(audit.last?.entry.before == "hold £0.00")
}

@Test func onlyAnEligibleChildAtTheRegisteredSchoolOrAcknowledgedIsApproved() throws {
    let (ledger, approved, _, vsh) = try ledgerWithRequests()
    let missing = PPPlusEligibility(entry: nil, schoolURN: "100001", yearGroup: .y9)
    #expect(throws: PPPlusError.notEligible(approved, "the child is not on the register of children looked after")) {
        try ledger.ppplus.decide([VerdictInput(decisionID: approved, verdict: .approve, reason: "ok", eligibility: missing)], by: vsh, at: Fixture.now)
    }
    let nursery = PPPlusEligibility(entry: RosterEntry(childID: "LA-1", schoolURN: "100001", yearGroup: "N2"), schoolURN: "100001", yearGroup: nil)
    #expect(nursery.blockers == ["Nursery (N2) is not of statutory school age (Reception to Year 11)"])
    let moved = PPPlusEligibility(
        entry: RosterEntry(childID: "LA-1", schoolURN: "100009", schoolName: "Brookvale School", yearGroup: "9"), schoolURN: "100001",
        yearGroup: .y9)
    #expect(moved.isEligible)
    #expect(throws: PPPlusError.schoolNotAcknowledged(approved, "Brookvale School (URN 100009)")) {
        try ledger.ppplus.decide([VerdictInput(decisionID: approved, verdict: .approve, reason: "ok", eligibility: moved)], by: vsh, at: Fixture.now)
    }
    // Declining never needs eligibility.
    try ledger.ppplus.decide([VerdictInput(decisionID: approved, verdict: .decline, reason: "Not on the register", eligibility: missing)], by: vsh, at: Fixture.now)
    try ledger.ppplus.decide(
        [VerdictInput(decisionID: approved, verdict: .approve, reason: "Moved school mid-term", schoolAcknowledged: true, eligibility: moved)],
        by: vsh, at: Fixture.now)
    #expect(try ledger.ppplus.verdicts(decisionID: approved).last?.schoolAcknowledged == true)
}

@Test func onlyTheVSHDecidesAndEveryVerdictHasAReasonAndAFairAmount() throws {
    let (ledger, approved, _, vsh) = try ledgerWithRequests()
    let coordinator = try ledger.testUser("qa", .coordinator, at: Fixture.now)
    let ok = VerdictInput(decisionID: approved, verdict: .approve, reason: "ok", eligibility: eligible)
    #expect(throws: PPPlusError.notVSH) { try ledger.ppplus.decide([ok], by: coordinator, at: Fixture.now) }
    var blank = ok
    blank.reason = "  "
    #expect(throws: PPPlusError.emptyReason) { try ledger.ppplus.decide([blank], by: vsh, at: Fixture.now) }
    for pence in [0, 30_000, 40_000] {
        let part = VerdictInput(decisionID: approved, verdict: .partApprove, amount: Pence(pence), reason: "part", eligibility: eligible)
        #expect(throws: PPPlusError.partAmount(approved)) { try ledger.ppplus.decide([part], by: vsh, at: Fixture.now) }
    }
    // All or nothing: one refused request records none of the batch.
    #expect(throws: PPPlusError.unknownRequest(999)) {
        try ledger.ppplus.decide([ok, VerdictInput(decisionID: 999, verdict: .approve, reason: "x", eligibility: eligible)], by: vsh, at: Fixture.now)
    }
    #expect(try ledger.count("ppplus_verdict") == 0)
}

@Test func aResubmissionWithdrawsUndecidedAndUnpaidRequestsAndPaidOnesNeverPayTwice() throws {
    let (ledger, approved, _, vsh) = try ledgerWithRequests()
    try ledger.ppplus.decide([VerdictInput(decisionID: approved, verdict: .approve, reason: "ok", eligibility: eligible)], by: vsh, at: Fixture.now)
    try pay(ledger, approved, 30_000)
    let again = try Fixture.rate(
        ledger, "a2", received: "2025-12-01T10:00:00Z", read: Fixture.read(child: "LA-1"),
        assessment: Fixture.assessment(funding: [Fixture.approved(0, 30_000)]))
    #expect(throws: LedgerError.alreadyBatched(decisionIDs: [approved])) { try pay(ledger, approved, 30_000) }
    // The new request is undecided: nothing more is payable until the VSH decides it.
    #expect(try ledger.payments.unbatchedApprovedDecisions().isEmpty)
    #expect(try ledger.ppplus.request(decisionID: again.decisionIDs[0])?.latest == nil)
}

@Test func theVSHsFiguresCountOnlyWhatTheVSHApproved() throws {
    let (ledger, approved, _, vsh) = try ledgerWithRequests()
    func approvedFigure() throws -> Pence {
        try ledger.statistics.funding(term: .autumn, academicYear: AcademicYear(startYear: 2025)).reduce(.zero) { $0 + $1.approved }
    }
    #expect(try approvedFigure() == .zero, "the machine's recommendation is not an approval")
    try ledger.ppplus.decide(
        [VerdictInput(decisionID: approved, verdict: .partApprove, amount: Pence(20_000), reason: "part", eligibility: eligible)],
        by: vsh, at: Fixture.now)
    #expect(try approvedFigure() == Pence(20_000))
}
