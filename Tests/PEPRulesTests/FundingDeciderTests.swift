import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPRules

/// PP+ decisions (`funding:` and the PP+ settings in `ruleset.yaml`, Rules/README.md §4):
/// approved, or held for the PEP's rating, as over the cap, or as needing clarification.
///
/// Shipped policy: termly cap £550, financial-year cap £1,650, Green or Amber PEPs funded,
/// partial approval on.
@Suite struct FundingDeciderTests {
    /// The Green fixture with its PP+ requests replaced by clear ones of these amounts (pounds),
    /// each linked to target 1 with a full sentence of intended impact.
    func fixture(requests amounts: [String], change: (inout PEPFixture) -> Void = { _ in }) -> PEPFixture {
        var fixture = PEPFixture.greenReview()
        fixture.lists["ppplus.requests"] = amounts.enumerated().map { index, amount in
            [
                "intervention": .text("Reading tutor block \(index + 1)"), "target_ref": .text("T1"),
                "amount": .text("£\(amount)"), "provider": .text("Tutoring service"),
                "intended_impact": .text("Raise the reading age by six months so that longer texts can be read alone"),
            ]
        }
        change(&fixture)
        return fixture
    }

    func decisions(
        _ fixture: PEPFixture, history: ChildHistory = ChildHistory(), rules: RuleSet = RulesDirectory.rules
    ) -> [FundingDecision] {
        assess(fixture, context: PEPFixture.context(history: history), rules: rules).funding
    }

    /// The shipped rules with `ruleset.yaml` rewritten by `change`.
    func rules(_ change: (String) -> String) throws -> RuleSet {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("ruleset.yaml")
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        return try RuleSet.load(directory: dir)
    }

    func rules(replacing old: String, with new: String) throws -> RuleSet {
        try rules { text in
            #expect(text.contains(old))
            return text.replacingOccurrences(of: old, with: new)
        }
    }

    // MARK: Approved

    @Test func aClearRequestUnderTheCapIsApprovedInFull() {
        let decisions = decisions(.greenReview())
        #expect(decisions == [
            FundingDecision(
                requestIndex: 0, intervention: "Weekly maths tutoring", requested: Pence(30000), approved: Pence(30000),
                status: .approved, reason: nil, note: "Approved")
        ])
    }

    @Test func aRequestExactlyAtTheTermlyCapIsApprovedInFull() {
        let decision = decisions(fixture(requests: ["550.00"])).first
        #expect(decision?.status == .approved)
        #expect(decision?.approved == Pence(55000))
        #expect(decision?.reason == nil)
    }

    @Test func aPEPWithoutRequestsHasNoDecisions() {
        #expect(decisions(fixture(requests: [])) == [])
    }

    @Test func anAmberPEPIsStillFunded() {
        // Two Amber sections: no attendance (ATT-01) and no SEN status (SEN-01), both major.
        let amber = fixture(requests: ["200"]) {
            $0.blank("attendance.percentage")
            $0.blank("child.send.status")
        }
        let assessment = assess(amber)
        #expect(assessment.quality == .amber)
        #expect(assessment.funding.map(\.status) == [.approved])
    }

    // MARK: Held for the rating

    @Test func aRedPEPHoldsEveryRequestForItsRating() {
        // A one-word child's voice fails VOI-01, which is critical.
        let red = fixture(requests: ["100", "200"]) { $0.set("child_voice", "Happy.") }
        let assessment = assess(red)
        #expect(assessment.quality == .red)
        #expect(assessment.funding.map(\.reason) == [.rating, .rating])
        #expect(assessment.funding.allSatisfy { $0.status == .held && $0.approved == .zero })
        #expect(assessment.funding.first?.note == "Held: the PEP is rated Red")
    }

    @Test func theRatingIsCheckedBeforeTheRequestItself() {
        let red = fixture(requests: ["100"]) {
            $0.set("child_voice", "Happy.")
            $0.setRecord("ppplus.requests", 0, "target_ref", "T9")
        }
        #expect(decisions(red).first?.reason == .rating)
    }

    @Test func allowedFundingRatingsComeFromRulesetYAML() throws {
        let greenOnly = try rules(replacing: "allowed_funding_ratings: [green, amber]", with: "allowed_funding_ratings: [green]")
        #expect(greenOnly.allowedRatings == [.green])
        let amber = fixture(requests: ["200"]) {
            $0.blank("attendance.percentage")
            $0.blank("child.send.status")
        }
        let decision = decisions(amber, rules: greenOnly).first
        #expect(decision?.reason == .rating)
        #expect(decision?.note == "Held: the PEP is rated Amber")
    }

    // MARK: Needs clarification

    @Test func aRequestLinkedToNoTargetNeedsClarification() {
        let unclear = fixture(requests: ["100"]) { $0.setRecord("ppplus.requests", 0, "target_ref", "T7") }
        let decision = decisions(unclear).first
        #expect(decision?.status == .held)
        #expect(decision?.reason == .needsClarification)
        #expect(decision?.approved == .zero)
    }

    @Test func aRequestWithoutACostNeedsClarification() {
        #expect(decisions(fixture(requests: ["0.00"])).first?.reason == .needsClarification)
    }

    @Test func aRequestWithAPlaceholderImpactNeedsClarification() {
        let unclear = fixture(requests: ["100"]) { $0.setRecord("ppplus.requests", 0, "intended_impact", "see above") }
        #expect(decisions(unclear).first?.reason == .needsClarification)
    }

    @Test func onlyTheUnclearRequestIsHeld() {
        let mixed = fixture(requests: ["100", "150"]) { $0.setRecord("ppplus.requests", 0, "target_ref", "") }
        #expect(decisions(mixed).map(\.reason) == [.needsClarification, nil])
        #expect(decisions(mixed).map(\.approved) == [.zero, Pence(15000)])
    }

    @Test func anUnclearRequestDoesNotUseUpTheCap() {
        let mixed = fixture(requests: ["500", "550"]) { $0.setRecord("ppplus.requests", 0, "target_ref", "T9") }
        #expect(decisions(mixed).map(\.approved) == [.zero, Pence(55000)])
    }

    @Test func withoutRequestIsClearEveryRequestCountsAsClear() throws {
        let lenient = try rules { text in
            guard let range = text.range(of: "  # A request failing this") else { return text }
            return String(text[..<range.lowerBound])
        }
        let unclear = fixture(requests: ["100"]) { $0.setRecord("ppplus.requests", 0, "target_ref", "T7") }
        #expect(decisions(unclear).first?.reason == .needsClarification)
        #expect(decisions(unclear, rules: lenient).first?.status == .approved)
    }

    // MARK: Over the cap

    @Test func theRequestThatCrossesTheTermlyCapIsPartApproved() {
        let decisions = decisions(fixture(requests: ["300", "400"]))
        #expect(decisions.map(\.approved) == [Pence(30000), Pence(25000)])
        #expect(decisions.map(\.status) == [.approved, .approved])
        #expect(decisions.map(\.reason) == [nil, .overCap])
        #expect(decisions.last?.note == "Part-approved: £250.00 of £400.00; the rest is over the termly cap and held")
    }

    @Test func requestsAfterTheCapIsReachedAreHeldOverCap() {
        let decisions = decisions(fixture(requests: ["300", "300", "100"]))
        #expect(decisions.map(\.approved) == [Pence(30000), Pence(25000), .zero])
        #expect(decisions.last?.status == .held)
        #expect(decisions.last?.reason == .overCap)
        #expect(decisions.last?.note == "Held: over the termly cap")
    }

    @Test func ppPlusAlreadyApprovedThisTermLeavesLessUnderTheTermlyCap() {
        let decision = decisions(fixture(requests: ["300"]), history: ChildHistory(approvedThisTerm: Pence(50000))).first
        #expect(decision?.approved == Pence(5000))
        #expect(decision?.reason == .overCap)
    }

    @Test func ppPlusAlreadyApprovedThisFinancialYearLeavesLessUnderTheYearCap() {
        let history = ChildHistory(approvedThisFinancialYear: Pence(150000))
        let decision = decisions(fixture(requests: ["300"]), history: history).first
        #expect(decision?.approved == Pence(15000))
        #expect(decision?.note == "Part-approved: £150.00 of £300.00; the rest is over the financial-year cap and held")
    }

    @Test func whicheverCapLeavesLessApplies() {
        // £450 left this term, £350 left this financial year.
        let history = ChildHistory(approvedThisFinancialYear: Pence(130000), approvedThisTerm: Pence(10000))
        #expect(decisions(fixture(requests: ["400"]), history: history).first?.approved == Pence(35000))
        let termTighter = ChildHistory(approvedThisFinancialYear: Pence(50000), approvedThisTerm: Pence(40000))
        #expect(decisions(fixture(requests: ["400"]), history: termTighter).first?.approved == Pence(15000))
    }

    @Test func aCapAlreadyExceededByHistoryHoldsEverything() {
        let history = ChildHistory(approvedThisFinancialYear: Pence(170000))
        let decision = decisions(fixture(requests: ["100"]), history: history).first
        #expect(decision?.status == .held)
        #expect(decision?.reason == .overCap)
        #expect(decision?.approved == .zero)
    }

    @Test func aTermlyCapChangedInRulesetYAMLApplies() throws {
        let higher = try rules(replacing: "ppplus_termly_cap: 550.00", with: "ppplus_termly_cap: 600.00")
        #expect(higher.termlyCap == Pence(60000))
        #expect(decisions(fixture(requests: ["600"])).first?.approved == Pence(55000))
        #expect(decisions(fixture(requests: ["600"]), rules: higher).first?.approved == Pence(60000))
    }

    @Test func aFinancialYearCapChangedInRulesetYAMLApplies() throws {
        let lower = try rules(replacing: "ppplus_financial_year_cap: 1650.00", with: "ppplus_financial_year_cap: 1000.00")
        let history = ChildHistory(approvedThisFinancialYear: Pence(90000))
        #expect(decisions(fixture(requests: ["300"]), history: history).first?.approved == Pence(30000))
        #expect(decisions(fixture(requests: ["300"]), history: history, rules: lower).first?.approved == Pence(10000))
    }

    @Test func withoutPartialApprovalTheCrossingRequestIsHeldWhole() throws {
        let whole = try rules(replacing: "partial_approval: true", with: "partial_approval: false")
        let decisions = decisions(fixture(requests: ["300", "400"]), rules: whole)
        #expect(decisions.map(\.approved) == [Pence(30000), .zero])
        #expect(decisions.last?.reason == .overCap)
        #expect(decisions.last?.note == "Held: over the termly cap")
    }

    @Test func withoutPartialApprovalLaterRequestsAreHeldToo() throws {
        // Rules/README.md §4: "later requests are held over-cap", even one that would fit.
        let whole = try rules(replacing: "partial_approval: true", with: "partial_approval: false")
        let decisions = decisions(fixture(requests: ["300", "400", "100"]), rules: whole)
        #expect(decisions.map(\.approved) == [Pence(30000), .zero, .zero])
        #expect(decisions.map(\.reason) == [nil, .overCap, .overCap])
    }
}
