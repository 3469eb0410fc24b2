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

    /// The problems of the shipped rules plus `criteria/zz-extra.yaml` holding `text`.
    func problems(criteriaFile text: String) throws -> [String] {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RulesDirectory.write(dir, "criteria/zz-extra.yaml", text)
        return RuleSet.check(directory: dir).map(\.description)
    }

    /// The problems of the shipped rules after replacing `old` with `new` in `file`, and the
    /// `line:column` of `column` on the first line of the edited file holding `marker` (the place
    /// the problem should point at, found in the text so that other edits to `Rules/` do not move it).
    func problems(
        editing file: String, _ old: String, _ new: String, at marker: String, column: String? = nil
    ) throws -> (found: [String], place: String) {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RulesDirectory.edit(dir, file, replacing: old, with: new)
        let place = try RulesDirectory.place(dir, file, marker, column: column)
        return (RuleSet.check(directory: dir).map(\.description), place)
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

    // MARK: Mistakes in a condition

    @Test func anUnknownOperatorIsAProblem() throws {
        let found = try problems(check: "{exists: child.upn}")
        #expect(found.count == 1)
        #expect(
            found.first?.hasPrefix("criteria/zz-extra.yaml:6:13: [XTR-01] unknown operator 'exists'; expected one of: all, any,") == true,
            "\(found)")
    }

    @Test func anUnknownFieldPathIsAProblem() throws {
        #expect(try problems(check: "{present: child.voice}") == ["criteria/zz-extra.yaml:6:22: [XTR-01] unknown field path 'child.voice'"])
    }

    @Test func anUnknownSettingIsAProblem() throws {
        #expect(
            try problems(check: "{words: {path: child_voice, min: settings.min_voice}}")
                == ["criteria/zz-extra.yaml:6:45: [XTR-01] unknown setting 'min_voice'"])
    }

    @Test func anUnknownListSettingIsAProblem() throws {
        #expect(
            try problems(check: "{in: {value: child.year_group, of: settings.no_such_list}}")
                == ["criteria/zz-extra.yaml:6:47: [XTR-01] unknown setting 'no_such_list'"])
    }

    @Test func comparingADateWithANumberIsABadType() throws {
        #expect(
            try problems(check: "{compare: {value: meeting.date, gt: 5}}")
                == ["criteria/zz-extra.yaml:6:48: [XTR-01] bad type: cannot compare a date with a number using 'gt'"])
    }

    @Test func orderingTextIsABadType() throws {
        #expect(
            try problems(check: "{compare: {value: school.name, gt: {text: abc}}}")
                == ["criteria/zz-extra.yaml:6:47: [XTR-01] bad type: cannot compare text with text using 'gt'"])
    }

    @Test func comparingAListIsABadType() throws {
        #expect(
            try problems(check: "{compare: {value: targets, eq: 1}}")
                == ["criteria/zz-extra.yaml:6:30: [XTR-01] bad type: 'targets' is a list; use present, count, every, some or none"])
    }

    @Test func aSettingThatIsNotAListCannotBeAnInSet() throws {
        #expect(
            try problems(check: "{in: {value: child.year_group, of: settings.sla_days}}")
                == ["criteria/zz-extra.yaml:6:47: [XTR-01] bad type: setting 'sla_days' is not a list"])
    }

    @Test func aBadRegularExpressionIsAProblem() throws {
        #expect(
            try problems(check: "{matches: {path: school.name, pattern: '(unclosed'}}")
                == ["criteria/zz-extra.yaml:6:51: [XTR-01] invalid regular expression in 'matches.pattern'"])
    }

    /// Regression for FuzzRulesYAML's leak: Foundation keeps a long pattern's copy for ever, so
    /// one longer than `RulePattern.maxLength` is refused with the line, and one at it is fine.
    @Test func aRegularExpressionLongerThanTheLimitIsAProblem() throws {
        let long = String(repeating: "a", count: RulePattern.maxLength + 1)
        #expect(
            try problems(check: "{matches: {path: school.name, pattern: '\(long)'}}")
                == [
                    "criteria/zz-extra.yaml:6:51: [XTR-01] the regular expression in 'matches.pattern' is longer than \(RulePattern.maxLength) characters; split it into alternatives with any:"
                ])
        #expect(try problems(check: "{matches: {path: school.name, pattern: '\(long.dropLast())'}}").isEmpty)
        #expect(RulePattern(long) == nil && RulePattern(String(long.dropLast())) != nil)
    }

    @Test func twoOperatorsInOneConditionIsAProblem() throws {
        #expect(
            try problems(check: "{present: child.upn, words: {path: child_voice}}")
                == ["criteria/zz-extra.yaml:6:12: [XTR-01] a condition has exactly one operator; found: present, words"])
    }

    @Test func everyWithoutWhereIsAProblem() throws {
        #expect(
            try problems(check: "{every: {list: targets}}") == ["criteria/zz-extra.yaml:6:20: [XTR-01] 'every' is missing the key 'where'"])
    }

    @Test func anUnknownDayUnitIsAProblem() throws {
        #expect(
            try problems(check: "{days_between: {from: meeting.date, to: received, unit: fortnights, max: 2}}")
                == ["criteria/zz-extra.yaml:6:68: [XTR-01] 'days_between.unit' must be one of: calendar, working, school, weeks"])
    }

    @Test func countingAFieldThatIsNotAListIsAProblem() throws {
        #expect(
            try problems(check: "{count: {list: child.upn, min: 1}}") == ["criteria/zz-extra.yaml:6:27: [XTR-01] 'child.upn' is not a list"]
        )
    }

    @Test func anUnknownTermDateOrHistoryFactIsAProblem() throws {
        #expect(
            try problems(check: "{present: term.begin}")
                == [
                    "criteria/zz-extra.yaml:6:22: [XTR-01] unknown term date 'term.begin'; expected term.start, term.end or term.completion"
                ])
        let history = try problems(check: "{present: history.last_rating}")
        #expect(history.first?.hasPrefix("criteria/zz-extra.yaml:6:22: [XTR-01] unknown history fact 'history.last_rating'") == true)
    }

    @Test func aYAMLSyntaxErrorIsReportedWhereItBroke() throws {
        #expect(
            try problems(check: "{present: child.upn")
                == ["criteria/zz-extra.yaml:7:13: YAML syntax error: did not find expected ',' or '}'"])
    }

    // MARK: Mistakes in a criterion

    @Test func aMissingTitleAndFeedbackAreBothProblems() throws {
        let found = try problems(
            criteriaFile: "section: targets\ncriteria:\n  - id: XTR-01\n    severity: minor\n    check: {present: child.upn}\n")
        #expect(
            found == [
                "criteria/zz-extra.yaml:3:5: [XTR-01] a criterion is missing the key 'feedback'",
                "criteria/zz-extra.yaml:3:5: [XTR-01] a criterion is missing the key 'title'",
            ])
    }

    @Test func aDuplicateCriterionIDAcrossFilesNamesTheFirst() throws {
        let found = try problems(
            criteriaFile:
                "section: targets\ncriteria:\n  - id: TGT-01\n    title: T\n    severity: minor\n    check: {present: child.upn}\n    feedback: F\n"
        )
        let first = try #require(RulesDirectory.rules.criteria.first { $0.id == "TGT-01" })
        #expect(
            found == [
                "criteria/zz-extra.yaml:3:9: [TGT-01] duplicate criterion id (first defined at \(first.file):\(first.line):\(first.column))"
            ])
        #expect(first.file == "criteria/targets.yaml")
    }

    @Test(arguments: [#""XTR-01\nXTR-02""#, #""XTR-01\tA""#, #""""#])
    func aCriterionIDOfMoreThanOneLineOrNoneIsAProblem(id: String) throws {
        let found = try problems(
            criteriaFile:
                "section: targets\ncriteria:\n  - id: \(id)\n    title: T\n    severity: minor\n    check: {present: child.upn}\n    feedback: F\n"
        )
        #expect(found.count == 1)
        #expect(found.first?.hasSuffix("a criterion id must be one non-empty line of text, with no control characters") == true, "\(found)")
    }

    @Test func anUnknownSectionIsAProblem() throws {
        let found = try problems(
            criteriaFile:
                "section: careers\ncriteria:\n  - id: XTR-01\n    title: T\n    severity: minor\n    check: {present: child.upn}\n    feedback: F\n"
        )
        #expect(found.count == 1)
        #expect(
            found.first?.hasPrefix("criteria/zz-extra.yaml:1:10: unknown section 'careers'; ruleset.yaml declares: identity, meeting,")
                == true)
    }

    @Test func badSeverityEnabledAxisAndUnknownKeyAreEachReported() throws {
        let found = try problems(
            criteriaFile: """
                section: targets
                criteria:
                  - id: XTR-01
                    title: T
                    severity: high
                    enabled: maybe
                    notes: hi
                    axis: money
                    check: {present: child.upn}
                    feedback: F

                """)
        #expect(
            found == [
                "criteria/zz-extra.yaml:5:15: [XTR-01] 'severity' must be one of: critical, major, minor, info",
                "criteria/zz-extra.yaml:6:14: [XTR-01] 'enabled' must be true or false",
                "criteria/zz-extra.yaml:7:5: [XTR-01] unknown key 'notes' in a criterion; expected one of: applies_when, axis, check, enabled, feedback, id, severity, severity_when, title",
                "criteria/zz-extra.yaml:8:11: [XTR-01] 'axis' must be one of: quality, compliance",
            ])
    }

    @Test func appliesWhenValuesAreCheckedAgainstTheirSpellings() throws {
        let found = try problems(
            criteriaFile: """
                section: targets
                criteria:
                  - id: XTR-01
                    title: T
                    severity: minor
                    applies_when: {phase: [senior], term: [winter], year_group: [15], sen_status: [sen], pep_type: [final], colour: [red]}
                    check: {present: child.upn}
                    feedback: F

                """)
        #expect(found.count == 6)
        #expect(
            found.contains(
                "criteria/zz-extra.yaml:6:27: [XTR-01] 'senior' is not a valid phase; expected one of: early_years, primary, secondary, post16"
            ))
        #expect(
            found.contains("criteria/zz-extra.yaml:6:43: [XTR-01] 'winter' is not a valid term; expected one of: autumn, spring, summer"))
        #expect(found.contains { $0.hasPrefix("criteria/zz-extra.yaml:6:65: [XTR-01] '15' is not a valid year_group") })
        #expect(found.contains { $0.hasPrefix("criteria/zz-extra.yaml:6:83: [XTR-01] 'sen' is not a valid sen_status") })
        #expect(found.contains { $0.hasPrefix("criteria/zz-extra.yaml:6:100: [XTR-01] 'final' is not a valid pep_type") })
        #expect(found.contains { $0.hasPrefix("criteria/zz-extra.yaml:6:109: [XTR-01] unknown key 'colour' in 'applies_when'") })
    }

    @Test func aBadSeverityInSeverityWhenIsAProblem() throws {
        let found = try problems(
            criteriaFile:
                "section: targets\ncriteria:\n  - id: XTR-01\n    title: T\n    severity: minor\n    severity_when: [{when: {present: child.upn}, severity: huge}]\n    check: {present: child.upn}\n    feedback: F\n"
        )
        #expect(found == ["criteria/zz-extra.yaml:6:60: [XTR-01] 'severity' must be one of: critical, major, minor, info"])
    }

    @Test func anEmptyCriteriaFileIsAProblem() throws {
        #expect(try problems(criteriaFile: "") == ["criteria/zz-extra.yaml:1:1: the file is empty"])
    }

    // MARK: Mistakes in ruleset.yaml and the calendars

    @Test func aThresholdBelowOneIsAProblem() throws {
        let (found, place) = try problems(
            editing: "ruleset.yaml", "section_minor_fails_for_amber: 2", "section_minor_fails_for_amber: 0",
            at: "section_minor_fails_for_amber: 0", column: "0")
        #expect(found == ["ruleset.yaml:\(place): [aggregation] 'section_minor_fails_for_amber' must be at least 1"])
    }

    @Test func anAllowedFundingRatingThatIsNoRatingIsAProblem() throws {
        let (found, place) = try problems(
            editing: "ruleset.yaml", "[green, amber]", "[green, blue]", at: "allowed_funding_ratings:", column: "[")
        #expect(found == ["ruleset.yaml:\(place): [settings] 'blue' is not a rating; expected red, amber or green"])
    }

    @Test func aCoverageShareAboveOneIsAProblem() throws {
        let (found, place) = try problems(
            editing: "ruleset.yaml", "could_not_assess_below: 0.5", "could_not_assess_below: 2",
            at: "could_not_assess_below: 2", column: "2")
        #expect(found == ["ruleset.yaml:\(place): [coverage] 'could_not_assess_below' must be a share from 0 to 1"])
    }

    @Test func anUnknownRequiredFieldIsAProblem() throws {
        let (found, place) = try problems(
            editing: "ruleset.yaml", "    - carer_views\n", "    - carer_view\n", at: "- carer_view", column: "carer_view")
        #expect(found == ["ruleset.yaml:\(place): [coverage] unknown field path 'carer_view'"])
    }

    @Test func aMissingRequiredSettingIsAProblemAndSoIsEachUseOfIt() throws {
        let (found, _) = try problems(editing: "ruleset.yaml", "  ppplus_termly_cap: 550.00\n", "", at: "settings:")
        let use = try RulesDirectory.place(
            RulesDirectory.shipped, "criteria/ppplus.yaml", "le: settings.ppplus_termly_cap", column: "settings")
        // The check's use and the feedback's `{settings.ppplus_termly_cap}`, then the missing setting.
        #expect(found.count == 3)
        #expect(found.first == "criteria/ppplus.yaml:\(use): [PP-02] unknown setting 'ppplus_termly_cap'")
        #expect(
            found.contains {
                $0.hasPrefix("criteria/ppplus.yaml:") && $0.hasSuffix("[PP-02] unknown setting 'ppplus_termly_cap' in the text")
            })
        #expect(found.last?.hasPrefix("ruleset.yaml:") == true)
        #expect(found.last?.hasSuffix(": [settings] required setting 'ppplus_termly_cap' is missing") == true)
    }

    @Test func aDuplicateSectionIsAProblem() throws {
        let (found, place) = try problems(
            editing: "ruleset.yaml", "  - {id: signoff, title: Sign-off, axis: compliance}\n",
            "  - {id: signoff, title: Sign-off, axis: compliance}\n  - {id: voice, title: Again}\n",
            at: "{id: voice, title: Again}", column: "voice")
        #expect(found == ["ruleset.yaml:\(place): [sections] duplicate section id 'voice'"])
    }

    @Test func aBankHolidayListedUnderTheWrongYearIsAProblem() throws {
        let (found, place) = try problems(editing: "calendar/bank-holidays.yaml", "2026-04-03", "2025-04-03", at: "2025-04-03")
        #expect(found == ["calendar/bank-holidays.yaml:\(place): [calendar] bad date: 2025-04-03 is listed under 2026"])
    }

    @Test func aBankHolidayThatDoesNotExistIsAProblem() throws {
        let (found, place) = try problems(editing: "calendar/bank-holidays.yaml", "2026-05-04", "2026-02-30", at: "2026-02-30")
        #expect(found == ["calendar/bank-holidays.yaml:\(place): [calendar] 'date' must be a date written YYYY-MM-DD that exists"])
    }

    @Test func anAcademicYearWrittenWronglyIsAProblem() throws {
        let (found, place) = try problems(editing: "calendar/terms.yaml", #""2026/27""#, #""2026-27""#, at: #""2026-27""#)
        #expect(found == ["calendar/terms.yaml:\(place): [calendar] an academic year is written like 2025/26"])
    }

    @Test func aMissingCalendarFileIsAProblem() throws {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("calendar/terms.yaml"))
        #expect(RuleSet.check(directory: dir).map(\.description) == ["calendar/terms.yaml:1:1: the file is missing or unreadable"])
    }

    @Test func aSyntaxErrorInRulesetYAMLDoesNotBuryItUnderUnknownSettings() throws {
        let (found, _) = try problems(editing: "ruleset.yaml", "  sla_days: 10 ", "  sla_days: [10 ", at: "sla_days")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("ruleset.yaml:") == true)
        #expect(found.first?.hasSuffix(": YAML syntax error: did not find expected ',' or ']'") == true)
    }

    // MARK: Every problem, not just the first

    @Test func everyMistakeInEveryFileIsReportedInOneRun() throws {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RulesDirectory.edit(dir, "ruleset.yaml", replacing: "amber_sections_threshold: 2", with: "amber_sections_threshold: 0")
        try RulesDirectory.edit(dir, "calendar/terms.yaml", replacing: #""2026/27""#, with: #""2026-27""#)
        try RulesDirectory.edit(dir, "criteria/voice.yaml", replacing: "path: carer_views", with: "path: carer_view")
        try RulesDirectory.edit(
            dir, "criteria/voice.yaml", replacing: "min: settings.min_child_voice_words", with: "min: settings.min_voice_words")
        try RulesDirectory.write(dir, "criteria/zz-broken.yaml", "section: targets\ncriteria: [\n")
        let found = RuleSet.check(directory: dir)
        #expect(
            found.map(\.file) == [
                "calendar/terms.yaml", "criteria/voice.yaml", "criteria/voice.yaml", "criteria/zz-broken.yaml", "ruleset.yaml",
            ])
        #expect(found.map(\.ruleID) == ["calendar", "VOI-01", "VOI-03", nil, "aggregation"])
        #expect(found.allSatisfy { $0.line > 1 || $0.file == "criteria/zz-broken.yaml" })
    }

    @Test func loadThrowsEveryProblemOfABrokenRuleSet() throws {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RulesDirectory.edit(dir, "criteria/voice.yaml", replacing: "path: carer_views", with: "path: carer_view")
        try RulesDirectory.edit(
            dir, "criteria/voice.yaml", replacing: "min: settings.min_child_voice_words", with: "min: settings.min_voice_words")
        let first = try RulesDirectory.place(dir, "criteria/voice.yaml", "min: settings.min_voice_words", column: "settings")
        let error = #expect(throws: RuleSetError.self) { try RuleSet.load(directory: dir) }
        #expect(error?.problems.map(\.ruleID) == ["VOI-01", "VOI-03"])
        #expect(
            error?.description.hasPrefix(
                "the rule set has 2 problem(s):\ncriteria/voice.yaml:\(first): [VOI-01] unknown setting 'min_voice_words'\n") == true)
    }

    @Test func theShippedRulesLoadWithoutProblems() throws {
        #expect(throws: Never.self) { try RuleSet.load(directory: RulesDirectory.shipped) }
    }
}
