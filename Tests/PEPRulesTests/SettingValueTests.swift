import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPRules

/// Settings in `ruleset.yaml` keep the type they are written in.
@Suite struct SettingValueTests {
    /// A rule set whose settings hold `policy_start` and a criterion comparing the meeting with it.
    func rules(policyStart: String) throws -> RuleSet {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RulesDirectory.edit(dir, "ruleset.yaml", replacing: "settings:\n", with: "settings:\n  policy_start: \(policyStart)\n")
        try RulesDirectory.write(
            dir, "criteria/zz-policy.yaml",
            """
            section: meeting
            criteria:
              - id: POL-01
                title: Meeting held under the new policy
                severity: minor
                check: {compare: {value: meeting.date, ge: settings.policy_start}}
                feedback: Please hold the meeting under the new policy.
            """)
        return try RuleSet.load(directory: dir)
    }

    @Test func anISODateSettingIsADateNotTheNumberOfItsYear() throws {
        #expect(assess(PEPFixture.greenReview(), rules: try rules(policyStart: "2000-01-01")).outcome("POL-01") == .pass)
        #expect(assess(PEPFixture.greenReview(), rules: try rules(policyStart: "2999-01-01")).outcome("POL-01") == .fail)
    }

    @Test func aDateThatDoesNotExistIsAProblemWithItsLine() throws {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RulesDirectory.edit(dir, "ruleset.yaml", replacing: "settings:\n", with: "settings:\n  policy_start: 2025-02-30\n")
        let problems = RuleSet.check(directory: dir).map(\.description)
        #expect(problems.contains { $0.hasPrefix("ruleset.yaml:") && $0.contains("bad date: 2025-02-30 does not exist") })
    }

    @Test func aNegativeOrDecimalNumberIsStillANumber() throws {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RulesDirectory.edit(dir, "ruleset.yaml", replacing: "  sla_days: 10 ", with: "  sla_days: 10.0 ")
        #expect(try RuleSet.load(directory: dir).slaDays == 10)
    }
}

/// `{settings.name}` in a title or feedback is written as the setting's value.
@Suite struct SettingsInWordingTests {
    @Test func feedbackFollowsAChangedThreshold() throws {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RulesDirectory.edit(dir, "ruleset.yaml", replacing: "  sla_days: 10 ", with: "  sla_days: 12 ")
        try RulesDirectory.edit(dir, "ruleset.yaml", replacing: "ppplus_termly_cap: 550.00", with: "ppplus_termly_cap: 612.50")
        let rules = try RuleSet.load(directory: dir)
        let feedback = Dictionary(uniqueKeysWithValues: rules.criteria.map { ($0.id, $0.feedback) })
        #expect(feedback["TIME-01"]?.contains("within 12 working days") == true)
        #expect(feedback["PP-02"]?.contains("£612.50") == true)
        #expect(!rules.criteria.contains { $0.feedback.contains("{settings.") || $0.title.contains("{settings.") })
    }

    @Test func theShippedWordingShowsTheShippedSettings() throws {
        let feedback = Dictionary(uniqueKeysWithValues: RulesDirectory.rules.criteria.map { ($0.id, $0.feedback) })
        #expect(feedback["ATT-02"]?.contains("below 90%") == true)
        #expect(feedback["PP-02"]?.contains("£550.") == true)
    }

    @Test func anUnknownSettingInTheWordingIsAProblem() throws {
        let found = try problemsWithFeedback("Please see {settings.no_such_thing}.")
        #expect(found.contains { $0.contains("unknown setting 'no_such_thing' in the text") })
    }

    @Test func aListSettingCannotBeWrittenInTheWording() throws {
        let found = try problemsWithFeedback("Years: {settings.transition_years}.")
        #expect(found.contains { $0.contains("setting 'transition_years' is a list or table") })
    }

    func problemsWithFeedback(_ feedback: String) throws -> [String] {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RulesDirectory.write(
            dir, "criteria/zz-wording.yaml",
            """
            section: meeting
            criteria:
              - id: WRD-01
                title: Wording
                severity: minor
                check: {present: meeting.date}
                feedback: "\(feedback)"
            """)
        return RuleSet.check(directory: dir).map(\.description)
    }
}
