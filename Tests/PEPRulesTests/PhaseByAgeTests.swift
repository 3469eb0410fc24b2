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
}
