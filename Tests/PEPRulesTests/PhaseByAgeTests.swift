import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPRules

/// A PEP without a year group is placed in a phase by the child's age on the 31 August before
/// its academic year (the Green fixture: spring 2025/26, so 31 August 2025), never given the
/// secondary thresholds by default.
@Suite struct PhaseByAgeTests {
    func withoutYearGroup(born: String) -> PEPFixture {
        ExtraCriterion.fixture {
            $0.remove("child.year_group")
            $0.set("child.date_of_birth", born)
        }
    }

    @Test(arguments: [
        ("01/06/2023", "early_years"), ("01/06/2021", "early_years"), ("01/03/2018", "primary"),
        ("01/09/2014", "primary"), ("31/08/2014", "secondary"), ("01/03/2012", "secondary"), ("01/03/2009", "post16"),
    ])
    func aChildWithoutAYearGroupIsPlacedByAge(born: String, phase: String) throws {
        let check = try ExtraCriterion("{compare: {value: phase, eq: {text: \(phase)}}}")
        #expect(check.holds(withoutYearGroup(born: born)), "\(born)")
    }

    @Test func aStatedYearGroupWinsOverAge() throws {
        let primary = try ExtraCriterion("{compare: {value: phase, eq: {text: primary}}}")
        let year5 = ExtraCriterion.fixture {
            $0.set("child.year_group", "Year 5")
            $0.set("child.date_of_birth", "01/03/2012")
        }
        #expect(primary.holds(year5))
    }

    @Test func withoutYearGroupOrDateOfBirthThereIsNoPhase() throws {
        let given = try ExtraCriterion("{present: phase}")
        #expect(!given.holds(ExtraCriterion.fixture {
            $0.remove("child.year_group")
            $0.remove("child.date_of_birth")
        }))
    }

    @Test func aPhaseFilterAppliesToAChildPlacedByAge() throws {
        let primaryOnly = try ExtraCriterion("{compare: {value: {count: targets}, ge: 99}}", appliesWhen: "{phase: [primary]}")
        #expect(primaryOnly.outcome(withoutYearGroup(born: "01/03/2018")) == .fail)
        #expect(primaryOnly.outcome(withoutYearGroup(born: "01/03/2012")) == .notApplicable)
    }

    @Test func anUnderFiveWithoutAYearGroupGetsTheEarlyYearsTargetCount() {
        // min_targets is 2 for early years, 3 otherwise (and by default).
        var fixture = withoutYearGroup(born: "01/12/2020")
        fixture.lists["targets"]?.removeFirst()
        #expect(assess(fixture).outcome("TGT-01") == .pass)
        var secondary = withoutYearGroup(born: "01/12/2011")
        secondary.lists["targets"]?.removeFirst()
        #expect(assess(secondary).outcome("TGT-01") != .pass)
    }

    @Test func theEvidenceForAnAgeDerivedPhaseDoesNotShowTheDateOfBirth() throws {
        let check = try ExtraCriterion("{compare: {value: phase, eq: {text: primary}}}")
        let result = try #require(check.result(withoutYearGroup(born: "01/03/2018")))
        for evidence in result.evidence {
            #expect(!evidence.note.contains("2018") && !evidence.note.contains("01/03"), "\(evidence.note)")
            #expect(evidence.source == nil)
        }
    }

    // Templates by phase (the shipped criteria): an early-years PEP has no attainment grades,
    // a post-16 PEP must plan the next steps.

    func withYearGroup(_ group: String, _ change: (inout PEPFixture) -> Void = { _ in }) -> PEPFixture {
        ExtraCriterion.fixture {
            $0.set("child.year_group", group)
            $0.lists["attainment"] = []
            change(&$0)
        }
    }

    @Test func attainmentIsNotAskedOfAnEarlyYearsPEP() {
        for group in ["N1", "N2", "Reception"] {
            let assessment = assess(withYearGroup(group))
            #expect(assessment.outcome("ATN-01") == .notApplicable, "\(group)")
            #expect(assessment.outcome("ATN-02") == .notApplicable, "\(group)")
        }
        for group in ["Year 1", "Year 9", "Year 12"] {
            #expect(assess(withYearGroup(group)).outcome("ATN-01") == .fail, "\(group)")
        }
    }

    @Test func aThreeYearOldWithoutAYearGroupIsNotAskedForAttainment() {
        var fixture = withoutYearGroup(born: "01/12/2021")
        fixture.lists["attainment"] = []
        #expect(assess(fixture).outcome("ATN-01") == .notApplicable)
        var tenYearOld = withoutYearGroup(born: "01/12/2014")
        tenYearOld.lists["attainment"] = []
        #expect(assess(tenYearOld).outcome("ATN-01") == .fail)
    }

    @Test func aPost16PEPMustPlanTheNextSteps() {
        let planned = withYearGroup("Year 12")
        #expect(assess(planned).outcome("TRN-02") == .pass)
        let unplanned = withYearGroup("Year 12") { $0.remove("transition.plan") }
        #expect(assess(unplanned).outcome("TRN-02") == .fail)
        #expect(assess(withYearGroup("Year 10") { $0.remove("transition.plan") }).outcome("TRN-02") == .notApplicable)
    }
}
