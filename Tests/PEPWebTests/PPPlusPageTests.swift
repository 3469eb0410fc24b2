import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import PEPLedger
import PEPModel
import Testing

@testable import PEPWeb

/// The Virtual School Head's PP+ page: the machine recommends, the VSH decides.
@Suite struct PPPlusPageTests {
    static let onRegister: @Sendable () -> [RosterEntry] = {
        [RosterEntry(childID: "LA-1001", schoolURN: "100001", schoolName: "Riverside Academy", yearGroup: "9")]
    }

    func completeQA(_ fixture: WebFixture) throws {
        let coordinator = try #require(try fixture.ledger.users.credentials(name: "coordinator")?.user)
        let entry = try #require(try fixture.ledger.reviews.worklist().first)
        try fixture.ledger.reviews.complete(
            submissionID: entry.submissionID, runID: entry.runID, quality: .amber, compliance: .green, by: coordinator,
            at: Date())
    }

    func decision(_ browser: Browser, _ form: [(String, String)]) async throws -> Browser.Page {
        try await browser.post("/ppplus/decide", form: [("csrf", try await browser.csrf())] + form)
    }

    @Test func theVSHSeesEachRequestWithItsTargetCapsRecommendationAndQAState() async throws {
        let fixture = try WebFixture { $0.register = Self.onRegister; $0.termlyCap = Pence(55_000) }
        try await fixture.test { browser in
            try await browser.signIn("vsh")
            let page = try await browser.get("/ppplus")
            #expect(page.status == .ok)
            #expect(page.body.contains("Maths tuition"))
            #expect(page.body.contains("Target 1: Fractions with confidence"))
            #expect(page.body.contains("Approve £300.00"))
            #expect(page.body.contains("Approved this term £0.00 of £550.00"))
            #expect(page.body.contains("QA not complete"))
            #expect(page.body.contains("&lt;script&gt;"), "the school's name is shown as text")
            #expect(!page.body.contains(WebFixture.hostile))
            #expect(!page.body.contains("id=\"request-"), "nothing to select before QA is complete")
        }
    }

    @Test func theVSHApprovesAfterQAAndTheLedgerRecordsWhoAndWhy() async throws {
        let fixture = try WebFixture { $0.register = Self.onRegister }
        try completeQA(fixture)
        let id = try #require(try fixture.ledger.ppplus.requests().first?.decision.id)
        try await fixture.test { browser in
            try await browser.signIn("vsh")
            #expect(try await browser.get("/ppplus").body.contains("id=\"request-\(id)\""))
            let missing = try await decision(browser, [("request", String(id)), ("verdict", "approve")])
            #expect(missing.body.contains("Give the reason for your decision"))
            let done = try await decision(browser, [("request", String(id)), ("verdict", "approve"), ("reason", "Targets are sound")])
            #expect(done.status == .seeOther || done.status == .found, "\(done.status)")
            #expect(done.location == "/ppplus?notice=decided")
        }
        let verdicts = try fixture.ledger.ppplus.verdicts(decisionID: id)
        #expect(verdicts.map(\.verdict) == [.approve])
        #expect(verdicts.first?.userName == "vsh")
        #expect(verdicts.first?.reason == "Targets are sound")
        #expect(try fixture.ledger.payments.unbatchedApprovedDecisions().map(\.payable) == [Pence(30_000)])
    }

    @Test func aChildOffTheRegisterIsNotApprovedAndTheRefusalIsShown() async throws {
        let fixture = try WebFixture()  // an empty register
        try completeQA(fixture)
        let id = try #require(try fixture.ledger.ppplus.requests().first?.decision.id)
        try await fixture.test { browser in
            try await browser.signIn("vsh")
            let page = try await decision(browser, [("request", String(id)), ("verdict", "approve"), ("reason", "ok")])
            #expect(page.body.contains("the child is not on the register of children looked after"))
            #expect(page.body.contains("error-summary"))
        }
        #expect(try fixture.ledger.ppplus.verdicts(decisionID: id).isEmpty)
    }

    @Test func partApprovalAndHoldWithAMessageToTheSchool() async throws {
        let fixture = try WebFixture { $0.register = Self.onRegister }
        try completeQA(fixture)
        let id = try #require(try fixture.ledger.ppplus.requests().first?.decision.id)
        try await fixture.test { browser in
            try await browser.signIn("vsh")
            let held = try await decision(browser, [("request", String(id)), ("verdict", "hold"), ("reason", "Which tutor?"), ("message", "Please name the tutoring provider.")])
            #expect(held.location == "/ppplus?notice=decided")
            let part = try await decision(browser, [("request", String(id)), ("verdict", "part-approve"), ("amount", "£200.00"), ("reason", "Ten sessions, not fifteen")])
            #expect(part.location == "/ppplus?notice=decided")
        }
        #expect(try fixture.ledger.ppplus.verdicts(decisionID: id).map(\.verdict) == [.hold, .partApprove])
        #expect(try fixture.ledger.ppplus.verdicts(decisionID: id).last?.amount == Pence(20_000))
        let outbox = URL(fileURLWithPath: fixture.outDir).appendingPathComponent("outbox")
        let mails = try FileManager.default.contentsOfDirectory(atPath: outbox.path).filter { $0.hasPrefix("ppplus-hold-") }
        #expect(mails.count == 1)
    }

    @Test(arguments: [("finance", true), ("coordinator", false), ("admin", false)])
    func onlyTheVSHDecidesFinanceOnlyReads(name: String, reads: Bool) async throws {
        let fixture = try WebFixture { $0.register = Self.onRegister }
        try completeQA(fixture)
        let id = try #require(try fixture.ledger.ppplus.requests().first?.decision.id)
        try await fixture.test { browser in
            try await browser.signIn(name)
            let page = try await browser.get("/ppplus")
            #expect(page.status == (reads ? .ok : .forbidden))
            if reads { #expect(!page.body.contains("Record decision")) }
            let post = try await browser.post(
                "/ppplus/decide", form: [("csrf", try await browser.csrf()), ("request", String(id)), ("verdict", "approve"), ("reason", "x")])
            #expect(post.status == .forbidden)
        }
        #expect(try fixture.ledger.ppplus.verdicts(decisionID: id).isEmpty)
    }

    @Test func withoutTheRoleCheckTheLedgerStillRefusesAnyoneButTheVSH() async throws {
        let fixture = try WebFixture(protections: [.login, .csrf, .lockout, .headers]) { $0.register = Self.onRegister }
        try completeQA(fixture)
        let id = try #require(try fixture.ledger.ppplus.requests().first?.decision.id)
        try await fixture.test { browser in
            try await browser.signIn("finance")
            let post = try await browser.post(
                "/ppplus/decide", form: [("csrf", try await browser.csrf()), ("request", String(id)), ("verdict", "approve"), ("reason", "x")])
            #expect(post.body.contains("only the Virtual School Head decides PP+"))
        }
        #expect(try fixture.ledger.ppplus.verdicts(decisionID: id).isEmpty)
    }
}
