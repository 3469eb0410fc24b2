import Foundation
import PEPModel
import Testing

@testable import PEPRules

/// `pepqa rules check`: a mistake in a criterion file is reported with its file, line and what is wrong.
@Suite struct RuleProblemTests {
    /// The problems of the shipped rules plus one extra criterion file holding `check`.
    func problems(check: String) throws -> [String] {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RulesDirectory.write(
            dir, "criteria/zz-extra.yaml",
            """
            section: targets
            criteria:
              - id: XTR-01
                title: An extra criterion
                severity: minor
                check: \(check)
                feedback: Extra feedback.
            """)
        return RuleSet.check(directory: dir).map(\.description)
    }

    @Test func aFieldOfEachRecordOutsideItsListIsAProblem() throws {
        let found = try problems(check: #"{present: "targets[].area"}"#)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("criteria/zz-extra.yaml:6:") == true, "\(found)")
        #expect(found.first?.contains("'targets[].area' is a field of each record of 'targets'") == true)
    }

    @Test func aFieldOfEachRecordInsideItsListIsFine() throws {
        #expect(try problems(check: #"{every: {list: targets, where: {present: "targets[].area"}}}"#) == [])
        #expect(try problems(check: "{present: targets}") == [])
    }

    @Test func aCountWithNeitherMinNorMaxIsAProblem() throws {
        let found = try problems(check: "{count: {list: targets}}")
        #expect(found.count == 1)
        #expect(found.first?.contains("'count' needs min, max or both") == true)
    }
}
