import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPRules

/// Same input and same rules give the same result, byte for byte; the rule-set hash follows the
/// rule files and nothing else.
@Suite struct DeterminismTests {
    /// A fixture that exercises most of the rule set: failures of every severity, several PP+
    /// requests over the cap, one unclear, and a history.
    var busy: PEPFixture {
        ExtraCriterion.fixture {
            $0.set("child.year_group", "Year 7")
            $0.set("attendance.percentage", "85")
            $0.set("exclusions.suspension_days", "2")
            $0.blank("carer_views")
            $0.setRecord("targets", 0, "success_criteria", "Reads better")
            let request = $0.lists["ppplus.requests"]?[0] ?? [:]
            $0.lists["ppplus.requests"] = [request, request, request]
            $0.setRecord("ppplus.requests", 1, "target_ref", "T9")
        }
    }

    var context: AssessmentContext {
        PEPFixture.context(
            received: isoDay("2026-03-02"),
            history: ChildHistory(approvedThisTerm: Pence(10000), lastTermRating: .amber, ppPlusPaidLastTerm: true))
    }

    func json(_ assessment: Assessment) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(assessment)
    }

    func hash(after edit: (URL) throws -> Void) throws -> String {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try edit(dir)
        return try RuleSet.load(directory: dir).hash
    }

    @Test func theBusyFixtureReallyIsBusy() {
        let assessment = assess(busy, context: context)
        #expect(Set(assessment.failed.map(\.severity)).isSuperset(of: [.major, .minor]))
        #expect(assessment.funding.count == 3)
        #expect(Set(assessment.funding.map(\.status)) == [.approved, .held])
    }

    @Test func assessingTheSameFixtureTwiceGivesEqualResults() throws {
        let first = assess(busy, context: context)
        let second = assess(busy, context: context)
        #expect(first == second)
        #expect(try json(first) == json(second))
    }

    @Test func twoLoadsOfTheSameRulesAssessAlike() throws {
        let again = try RuleSet.load(directory: RulesDirectory.shipped)
        #expect(again.hash == RulesDirectory.rules.hash)
        #expect(try json(assess(busy, context: context, rules: again)) == json(assess(busy, context: context)))
    }

    @Test func theAssessmentRecordsTheRuleSetsHashAndVersion() {
        let assessment = assess(.greenReview())
        #expect(assessment.ruleSetHash == RulesDirectory.rules.hash)
        #expect(assessment.ruleSetVersion == RulesDirectory.rules.version)
    }

    @Test func aCopyOfTheRulesElsewhereHasTheSameHash() throws {
        #expect(try hash { _ in } == RulesDirectory.rules.hash)
    }

    @Test func changingACriterionChangesTheHash() throws {
        let shipped = RulesDirectory.rules.hash
        let retitled = try hash { try RulesDirectory.edit($0, "criteria/voice.yaml", replacing: "Carer's views recorded", with: "Carer's views written") }
        let resevered = try hash {
            try RulesDirectory.edit($0, "criteria/voice.yaml", replacing: "severity: critical", with: "severity: major")
        }
        #expect(retitled != shipped)
        #expect(resevered != shipped)
        #expect(retitled != resevered)
    }

    @Test func switchingACriterionOffChangesTheHash() throws {
        let off = try hash {
            try RulesDirectory.edit($0, "criteria/voice.yaml", replacing: "  - id: VOI-03\n", with: "  - id: VOI-03\n    enabled: false\n")
        }
        #expect(off != RulesDirectory.rules.hash)
    }

    @Test func addingACriteriaFileChangesTheHash() throws {
        let added = try hash { try RulesDirectory.write($0, "criteria/zz-extra.yaml", "section: targets\ncriteria: []\n") }
        #expect(added != RulesDirectory.rules.hash)
    }

    @Test func changingASettingOrABankHolidayChangesTheHash() throws {
        let cap = try hash { try RulesDirectory.edit($0, "ruleset.yaml", replacing: "ppplus_termly_cap: 550.00", with: "ppplus_termly_cap: 600.00") }
        let holiday = try hash {
            try RulesDirectory.edit($0, "calendar/bank-holidays.yaml", replacing: "2027-08-30", with: "2027-08-31")
        }
        let term = try hash { try RulesDirectory.edit($0, "calendar/terms.yaml", replacing: "2027-06-25", with: "2027-06-24") }
        #expect(Set([cap, holiday, term, RulesDirectory.rules.hash]).count == 4)
    }

    @Test func filesOutsideTheRuleSetDoNotChangeTheHash() throws {
        let other = try hash { dir in
            for file in ["docx-mapping.yaml", "finance.yaml", "README.md", "roster.csv", "feedback/social-worker.mustache"] {
                let url = dir.appendingPathComponent(file)
                try (String(contentsOf: url, encoding: .utf8) + "\n# edited\n").write(to: url, atomically: true, encoding: .utf8)
            }
            try RulesDirectory.write(dir, "criteria/notes.txt", "not a criteria file")
        }
        #expect(other == RulesDirectory.rules.hash)
    }

    @Test func undoingAChangeRestoresTheHash() throws {
        let undone = try hash {
            try RulesDirectory.edit($0, "criteria/voice.yaml", replacing: "Carer's views recorded", with: "Carer's views written")
            try RulesDirectory.edit($0, "criteria/voice.yaml", replacing: "Carer's views written", with: "Carer's views recorded")
        }
        #expect(undone == RulesDirectory.rules.hash)
    }
}
