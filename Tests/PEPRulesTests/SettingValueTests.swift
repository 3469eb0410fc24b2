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
