import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPRules

/// The shipped rules plus one criterion written by a test, `XTR-01`, so a test can try one
/// condition of the rule language on a fixture the way a Virtual School would write it.
///
/// The conditions are YAML flow style, exactly as in a criteria file. Loading goes through
/// `RuleSet.load`, so a condition that does not check makes the test throw with its problems.
struct ExtraCriterion {
    static let id = "XTR-01"
    let rules: RuleSet

    /// - Parameters:
    ///   - check: the criterion's `check:` condition.
    ///   - appliesWhen: its `applies_when:` mapping, if any.
    ///   - severityWhen: its `severity_when:` list, if any.
    ///   - severity: its declared severity.
    ///   - section: the section its file names.
    ///   - settings: extra lines for `settings:` in `ruleset.yaml` (`name: value`).
    ///   - extraKeys: more `key: value` lines of the criterion (`enabled: false`, `axis: compliance`).
    ///   - edits: text replacements in other files of the copy (file, old, new).
    init(
        _ check: String, appliesWhen: String? = nil, severityWhen: String? = nil, severity: String = "minor",
        section: String = "targets", settings: [String] = [], extraKeys: [String] = [],
        edits: [(file: String, old: String, new: String)] = []
    ) throws {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        for edit in edits { try RulesDirectory.edit(dir, edit.file, replacing: edit.old, with: edit.new) }
        if !settings.isEmpty {
            let lines = settings.map { "  \($0)\n" }.joined()
            try RulesDirectory.edit(dir, "ruleset.yaml", replacing: "settings:\n", with: "settings:\n" + lines)
        }
        var criterion = [
            "  - id: \(Self.id)",
            "    title: A condition under test",
            "    severity: \(severity)",
        ]
        if let appliesWhen { criterion.append("    applies_when: \(appliesWhen)") }
        if let severityWhen { criterion.append("    severity_when: \(severityWhen)") }
        criterion += extraKeys.map { "    \($0)" }
        criterion += ["    check: \(check)", "    feedback: The condition under test does not hold."]
        try RulesDirectory.write(
            dir, "criteria/zz-extra.yaml", "section: \(section)\ncriteria:\n" + criterion.joined(separator: "\n") + "\n")
        rules = try RuleSet.load(directory: dir)
    }

    /// The criterion's result on `fixture`.
    func result(_ fixture: PEPFixture = .greenReview(), context: AssessmentContext = PEPFixture.context()) -> CriterionResult? {
        assess(fixture, context: context, rules: rules).result(Self.id)
    }

    func outcome(_ fixture: PEPFixture = .greenReview(), context: AssessmentContext = PEPFixture.context()) -> CriterionOutcome? {
        result(fixture, context: context)?.outcome
    }

    /// True when the criterion passes: its condition holds (and it applies).
    func holds(_ fixture: PEPFixture = .greenReview(), context: AssessmentContext = PEPFixture.context()) -> Bool {
        outcome(fixture, context: context) == .pass
    }

    /// The Green fixture with one change.
    static func fixture(_ change: (inout PEPFixture) -> Void) -> PEPFixture {
        var fixture = PEPFixture.greenReview()
        change(&fixture)
        return fixture
    }
}

/// A day written `YYYY-MM-DD` (tests only: a typo traps).
func isoDay(_ iso: String) -> CalendarDate {
    guard let date = CalendarDate(iso: iso) else { fatalError("not a date: \(iso)") }
    return date
}
