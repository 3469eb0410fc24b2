import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPRules

/// `applies_when` filters: a criterion that does not apply is n/a, whatever its check would say.
/// The Green fixture is a spring review PEP, Year 9 (secondary), SEN status none.
@Suite struct AppliesWhenTests {
    /// A criterion that always passes when it applies, with `appliesWhen`.
    func criterion(_ appliesWhen: String) throws -> ExtraCriterion {
        try ExtraCriterion("{present: child.la_id}", appliesWhen: appliesWhen)
    }

    @Test func phaseFiltersByTheYearGroupsPhase() throws {
        #expect(try criterion("{phase: [secondary]}").outcome() == .pass)
        #expect(try criterion("{phase: [primary, post16]}").outcome() == .notApplicable)
        let year5 = ExtraCriterion.fixture { $0.set("child.year_group", "Year 5") }
        #expect(try criterion("{phase: [primary, post16]}").outcome(year5) == .pass)
    }

    @Test func pepTypeFilters() throws {
        #expect(try criterion("{pep_type: [initial]}").outcome() == .notApplicable)
        #expect(try criterion("{pep_type: [initial]}").outcome(ExtraCriterion.fixture { $0.set("pep.type", "Initial") }) == .pass)
    }

    @Test func termFilters() throws {
        #expect(try criterion("{term: [spring]}").outcome() == .pass)
        #expect(try criterion("{term: [autumn, summer]}").outcome() == .notApplicable)
    }

    @Test func yearGroupFiltersWrittenQuotedOrAsNumbers() throws {
        #expect(try criterion(#"{year_group: ["9"]}"#).outcome() == .pass)
        #expect(try criterion("{year_group: [9, 10]}").outcome() == .pass)
        #expect(try criterion(#"{year_group: ["10", "11"]}"#).outcome() == .notApplicable)
        #expect(try criterion("{year_group: [R]}").outcome(ExtraCriterion.fixture { $0.set("child.year_group", "Reception") }) == .pass)
    }

    @Test func senStatusFilters() throws {
        #expect(try criterion("{sen_status: [none]}").outcome() == .pass)
        let c = try criterion("{sen_status: [sen-support, ehcp]}")
        #expect(c.outcome() == .notApplicable)
        #expect(c.outcome(ExtraCriterion.fixture { $0.set("child.send.status", "EHCP") }) == .pass)
    }

    @Test func whenTakesAnyCondition() throws {
        let c = try criterion("{when: {compare: {value: attendance.percentage, lt: settings.attendance_threshold}}}")
        #expect(c.outcome() == .notApplicable)
        #expect(c.outcome(ExtraCriterion.fixture { $0.set("attendance.percentage", "85") }) == .pass)
    }

    @Test func aFilterMayNameAListSetting() throws {
        let c = try criterion("{year_group: settings.school_age_years}")
        #expect(c.outcome() == .pass)
        #expect(c.outcome(ExtraCriterion.fixture { $0.set("child.year_group", "Year 12") }) == .notApplicable)
    }

    @Test func everyFilterGivenMustHold() throws {
        #expect(try criterion("{phase: [secondary], term: [spring], pep_type: [review]}").outcome() == .pass)
        #expect(try criterion("{phase: [secondary], term: [autumn]}").outcome() == .notApplicable)
        #expect(try criterion("{sen_status: [none], when: {present: child.send.primary_need}}").outcome() == .notApplicable)
    }

    @Test func aFilterOnAValueNotGivenDoesNotApply() throws {
        // No year group and no date of birth to place the child by age: no phase.
        let noYear = ExtraCriterion.fixture {
            $0.blank("child.year_group")
            $0.blank("child.date_of_birth")
        }
        #expect(try criterion("{phase: [early_years, primary, secondary, post16]}").outcome(noYear) == .notApplicable)
        let noStatus = ExtraCriterion.fixture { $0.blank("child.send.status") }
        #expect(try criterion("{sen_status: [none, sen-support, ehcp]}").outcome(noStatus) == .notApplicable)
    }

    @Test func aCriterionThatDoesNotApplyIsNotApplicableEvenIfItsCheckFails() throws {
        let c = try ExtraCriterion("{present: child.send.primary_need}", appliesWhen: "{sen_status: [ehcp]}")
        let result = c.result()
        #expect(result?.outcome == .notApplicable)
        #expect(result?.feedback == nil)
        #expect(result?.evidence == [Evidence(note: "does not apply to this PEP")])
        #expect(c.outcome(ExtraCriterion.fixture { $0.set("child.send.status", "EHCP") }) == .fail)
    }
}

/// `severity_when`, `enabled`, `axis`, and what a failed result carries.
@Suite struct CriterionOptionsTests {
    /// Minor when attendance is at least 95; a failure below 90 is major, below 50 critical.
    func attendance() throws -> ExtraCriterion {
        try ExtraCriterion(
            "{compare: {value: attendance.percentage, ge: 95}}",
            severityWhen:
                "[{when: {compare: {value: attendance.percentage, lt: 50}}, severity: critical}, {when: {compare: {value: attendance.percentage, lt: 90}}, severity: major}]",
            severity: "minor")
    }

    func attendance(_ percentage: String) -> PEPFixture {
        ExtraCriterion.fixture { $0.set("attendance.percentage", percentage) }
    }

    @Test func aFailureMatchingNoSeverityWhenKeepsTheDeclaredSeverity() throws {
        let result = try attendance().result(attendance("92"))
        #expect(result?.outcome == .fail)
        #expect(result?.severity == .minor)
    }

    @Test func severityWhenSetsTheSeverityOfAFailure() throws {
        #expect(try attendance().result(attendance("85"))?.severity == .major)
    }

    @Test func theFirstMatchingSeverityWhenWins() throws {
        #expect(try attendance().result(attendance("40"))?.severity == .critical)
    }

    @Test func aPassKeepsTheDeclaredSeverity() throws {
        let result = try attendance().result()
        #expect(result?.outcome == .pass)
        #expect(result?.severity == .minor)
    }

    @Test func aDisabledCriterionIsLeftOutOfTheResults() throws {
        for off in ["false", "no"] {
            let c = try ExtraCriterion("{present: child.send.primary_need}", extraKeys: ["enabled: \(off)"])
            #expect(c.result() == nil, "enabled: \(off)")
            #expect(c.rules.criteria.contains { $0.id == ExtraCriterion.id && !$0.enabled })
        }
        #expect(try ExtraCriterion("{present: child.send.primary_need}", extraKeys: ["enabled: true"]).outcome() == .fail)
    }

    @Test func aDisabledCriterionMustStillBeValid() throws {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RulesDirectory.edit(dir, "criteria/voice.yaml", replacing: "  - id: VOI-03\n", with: "  - id: VOI-03\n    enabled: false\n")
        #expect(RuleSet.check(directory: dir).isEmpty)
        try RulesDirectory.edit(dir, "criteria/voice.yaml", replacing: "carer_views", with: "carer_view")
        #expect(RuleSet.check(directory: dir).contains { $0.ruleID == "VOI-03" && $0.message == "unknown field path 'carer_view'" })
    }

    @Test func disablingAShippedCriterionChangesTheRating() throws {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RulesDirectory.edit(dir, "criteria/voice.yaml", replacing: "  - id: VOI-01\n", with: "  - id: VOI-01\n    enabled: false\n")
        let rules = try RuleSet.load(directory: dir)
        let oneWord = ExtraCriterion.fixture { $0.set("child_voice", "Happy.") }
        #expect(assess(oneWord).quality == .red)
        #expect(assess(oneWord, rules: rules).quality == .green)
        #expect(assess(oneWord, rules: rules).result("VOI-01") == nil)
    }

    @Test func theAxisIsTheSectionsUnlessTheCriterionSetsIt() throws {
        #expect(try ExtraCriterion("{present: child.la_id}").result()?.axis == .quality)
        #expect(try ExtraCriterion("{present: child.la_id}", section: "signoff").result()?.axis == .compliance)
        let override = try ExtraCriterion("{present: child.send.primary_need}", severity: "major", extraKeys: ["axis: compliance"])
        let assessment = assess(.greenReview(), rules: override.rules)
        #expect(assessment.result(ExtraCriterion.id)?.axis == .compliance)
        #expect(assessment.compliance == .amber)
    }

    @Test func aFailureCarriesItsFeedbackSectionAndTitle() throws {
        let result = try ExtraCriterion("{present: child.send.primary_need}", section: "sen_wellbeing").result()
        #expect(result?.outcome == .fail)
        #expect(result?.feedback == "The condition under test does not hold.")
        #expect(result?.section == "sen_wellbeing")
        #expect(result?.title == "A condition under test")
    }

    @Test func aPassCarriesNoFeedback() throws {
        #expect(try ExtraCriterion("{present: child.la_id}").result()?.feedback == nil)
    }

    @Test func criteriaAreInSectionOrderThenFileOrder() throws {
        let c = try ExtraCriterion("{present: child.la_id}", section: "identity")
        let identity = c.rules.criteria.filter { $0.section == "identity" }.map(\.id)
        #expect(identity.first == "ID-01")
        #expect(identity.last == ExtraCriterion.id)
        #expect(c.rules.criteria.first?.section == "identity")
        let order = c.rules.sections.map(\.id)
        let sectionIndexes = c.rules.criteria.compactMap { criterion in order.firstIndex(of: criterion.section) }
        #expect(sectionIndexes == sectionIndexes.sorted())
    }
}
