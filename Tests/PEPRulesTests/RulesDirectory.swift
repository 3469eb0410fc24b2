import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPRules

/// The repository's own `Rules/` directory, and scratch copies of it for tests that edit rules.
enum RulesDirectory {
    static let shipped = Repository.rules

    /// The shipped rule set, loaded once.
    static let rules: RuleSet = {
        do { return try RuleSet.load(directory: shipped) } catch { fatalError("shipped Rules/ do not load: \(error)") }
    }()

    /// A copy of `Rules/` in a fresh temporary directory, for a test to edit.
    static func copy() throws -> URL { try Repository.rulesCopy() }

    /// Replaces `old` with `new` in one file of a copied rule set (the text must be there).
    static func edit(_ dir: URL, _ file: String, replacing old: String, with new: String) throws {
        let url = dir.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "\(file) should contain the text to replace")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    static func write(_ dir: URL, _ file: String, _ text: String) throws {
        try text.write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }

    /// `line:column` (1-based, as rule problems give them) of the first line of `file` holding
    /// `marker`, at the first `column` text from the marker on (the marker itself by default).
    static func place(_ dir: URL, _ file: String, _ marker: String, column: String? = nil) throws -> String {
        let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            guard let start = line.range(of: marker)?.lowerBound else { continue }
            let at = line.range(of: column ?? marker, range: start..<line.endIndex)?.lowerBound ?? start
            return "\(index + 1):\(line.distance(from: line.startIndex, to: at) + 1)"
        }
        Issue.record("\(file) has no line holding \(marker)")
        return "?"
    }
}

/// Assesses a fixture with the shipped rules.
func assess(_ fixture: PEPFixture, context: AssessmentContext = PEPFixture.context(), rules: RuleSet = RulesDirectory.rules) -> Assessment {
    rules.assess(fixture.read, context: context)
}

extension Assessment {
    func outcome(_ id: String) -> CriterionOutcome? { results.first { $0.id == id }?.outcome }
    func result(_ id: String) -> CriterionResult? { results.first { $0.id == id } }
    var failedIDs: [String] { failed.map(\.id) }
}
