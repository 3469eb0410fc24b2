/// One problem in a rule file, located as `file:line:column` and tied to the criterion it is in.
///
/// `file` is relative to the rules directory (`criteria/voice.yaml`), so that messages read the
/// same on every machine. `ruleID` is the criterion's id, or a tag for the part of the rule set
/// (`settings`, `sections`, `calendar`) when the problem is outside any criterion.
package struct RuleProblem: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var column: Int
    package var ruleID: String?
    package var message: String

    /// `criteria/voice.yaml:12:7: [VOI-01] unknown field path 'child.voice'`.
    package var description: String {
        "\(file):\(line):\(column): " + (ruleID.map { "[\($0)] " } ?? "") + message
    }

    package static func < (a: RuleProblem, b: RuleProblem) -> Bool {
        (a.file, a.line, a.column, a.message) < (b.file, b.line, b.column, b.message)
    }
}

/// A rule set that cannot be used: every problem found in every file, in file and line order.
///
/// Thrown by `RuleSet.load(directory:)` so that a broken rule set stops the program before it
/// rates a single document.
package struct RuleSetError: Error, Sendable, CustomStringConvertible {
    package var problems: [RuleProblem]

    package init(problems: [RuleProblem]) { self.problems = problems.sorted() }

    package var description: String {
        "the rule set has \(problems.count) problem(s):\n" + problems.map(\.description).joined(separator: "\n")
    }
}
