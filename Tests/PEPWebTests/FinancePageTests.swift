import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import PEPLedger
import PEPModel
import Synchronization
import Testing

@testable import PEPWeb

/// The finance page: finance and the VSH prepare; a second person with the authority
/// authorises. The pipeline's finance close stands behind the two closures (tested in
/// FinanceCloseTests); here: who sees and may press what.
@Suite struct FinancePageTests {
    final class Calls: Sendable {
        let log = Mutex<[String]>([])
        func add(_ s: String) { log.withLock { $0.append(s) } }
        var all: [String] { log.withLock { $0 } }
    }

    func fixture(_ calls: Calls) throws -> WebFixture {
        try WebFixture { config in
            config.finance = FinanceActions(
                prepare: { name, _ in
                    calls.add("prepare \(name)")
                    return (nil, ["  journal (Finance team): £300.00 in 1 line(s)", "<b>not bold</b>"])
                },
                authorise: { id, user, _ in
                    calls.add("authorise \(id) \(user.name)")
                    return ["Finance run 1 authorised and written"]
                },
                authorisers: [.vsh])
        }
    }

    @Test func financePreparesAndSeesWhatWouldBePaidAsText() async throws {
        let calls = Calls()
        let fixture = try fixture(calls)
        try await fixture.test { browser in
            try await browser.signIn("finance")
            #expect(try await browser.get("/finance").body.contains("Prepare a run"))
            let page = try await browser.post("/finance/prepare", form: [("csrf", try await browser.csrf())])
            #expect(page.status == .ok)
            #expect(page.body.contains("journal (Finance team): £300.00"))
            #expect(page.body.contains("&lt;b&gt;not bold&lt;/b&gt;"))
        }
        #expect(calls.all == ["prepare finance"])
    }

    @Test func onlyAnAuthoriserWhoDidNotPrepareSeesAuthoriseAndTheServerChecksTheRole() async throws {
        let calls = Calls()
        let fixture = try fixture(calls)
        let id = try fixture.ledger.financeRuns.propose(preparedBy: "finance", planHash: String(repeating: "a", count: 64), summary: "x", at: Date())
        try await fixture.test { browser in
            try await browser.signIn("finance")
            #expect(!(try await browser.get("/finance").body.contains("Authorise run")))
            try await browser.signIn("vsh")
            #expect(try await browser.get("/finance").body.contains("Authorise run \(id)"))
            let page = try await browser.post("/finance/proposals/\(id)/authorise", form: [("csrf", try await browser.csrf())])
            #expect(page.body.contains("Finance run 1 authorised and written"))
            try await browser.signIn("coordinator")
            #expect(try await browser.get("/finance").status == .forbidden)
            let refused = try await browser.post("/finance/proposals/\(id)/authorise", form: [("csrf", try await browser.csrf())])
            #expect(refused.status == .forbidden)
        }
        #expect(calls.all == ["authorise \(id) vsh"])
    }

    /// A request of the fixture's PEP, QA complete, approved by the VSH and paid by a run.
    func paidRequest(_ fixture: WebFixture) throws -> (id: Int64, reference: String) {
        let ledger = fixture.ledger
        let coordinator = try #require(try ledger.users.credentials(name: "coordinator")?.user)
        let head = try #require(try ledger.users.credentials(name: "vsh")?.user)
        let entry = try #require(try ledger.reviews.worklist().first)
        try ledger.reviews.complete(
            submissionID: entry.submissionID, runID: entry.runID, quality: .green, compliance: .green, by: coordinator, at: Date())
        let d = try #require(try ledger.ppplus.requests().first?.decision)
        try ledger.ppplus.decide(
            [VerdictInput(decisionID: d.id, verdict: .approve, amount: .zero, reason: "Sound", eligibility: PPPlusEligibility(blockers: [], registeredSchool: nil))],
            by: head, at: Date())
        _ = try ledger.financeRuns.close(
            FinanceRunPlan(
                date: CalendarDate(iso: "2025-12-12")!, term: .autumn, academicYear: AcademicYear(startYear: 2025),
                journal: [BatchItem(decisionID: d.id, amount: d.requested)], cheque: [], held: [], registerJSON: "[]", settingsJSON: "{}"),
            at: Date())
        #expect(d.reference.hasPrefix("S0000") && d.reference.hasSuffix("-R\(d.requestIndex + 1)"))
        return (d.id, d.reference)
    }

    @Test func financeReversesAPaymentWithAReasonAndTheLedgerAndAuditKeepIt() async throws {
        let fixture = try fixture(Calls())
        let paid = try paidRequest(fixture)
        try await fixture.test { browser in
            try await browser.signIn("finance")
            let form = try await browser.get("/finance")
            #expect(form.body.contains("<label class=\"label\" for=\"reference\">Request reference</label>"))
            let noReason = try await browser.post(
                "/finance/reverse", form: [("csrf", try await browser.csrf()), ("reference", paid.reference), ("reason", " ")])
            #expect(noReason.body.contains("Reversal not recorded: a reason is required"))
            #expect(noReason.body.contains("value=\"\(paid.reference)\""), "what was typed is kept")
            let badAmount = try await browser.post(
                "/finance/reverse",
                form: [("csrf", try await browser.csrf()), ("reference", paid.reference), ("amount", "lots"), ("reason", "x")])
            #expect(badAmount.body.contains("Enter the amount to reverse in pounds"))
            let done = try await browser.post(
                "/finance/reverse",
                form: [("csrf", try await browser.csrf()), ("reference", paid.reference), ("reason", "Paid to the wrong school <b>")])
            #expect(done.body.contains("Reversal of \(paid.reference) recorded by finance"))
            #expect(done.body.contains("Waiting for the next run"))
            let again = try await browser.post(
                "/finance/reverse", form: [("csrf", try await browser.csrf()), ("reference", paid.reference), ("reason", "again")])
            #expect(again.body.contains("already reversed"))
            // No CSRF token: refused before anything is recorded.
            let forged = try await browser.post("/finance/reverse", form: [("reference", paid.reference), ("reason", "x")])
            #expect(forged.status == .forbidden)
            try await browser.signIn("coordinator")
            let refused = try await browser.post(
                "/finance/reverse", form: [("csrf", try await browser.csrf()), ("reference", paid.reference), ("reason", "x")])
            #expect(refused.status == .forbidden)
        }
        let pending = try fixture.ledger.reversals.pending()
        #expect(pending.map(\.decision.id) == [paid.id])
        let audit = try fixture.ledger.audit.all().map(\.entry).filter { $0.action == "finance.reverse" }
        #expect(audit.count == 1 && audit[0].actor == "finance")
    }
}
