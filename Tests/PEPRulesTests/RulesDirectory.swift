import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPRules

/// The repository's own `Rules/` directory, and scratch copies of it for tests that edit rules.
enum RulesDirectory {
    static let shipped = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Rules")

    /// The shipped rule set, loaded once.
    static let rules: RuleSet = {
        do { return try RuleSet.load(directory: shipped) } catch { fatalError("shipped Rules/ do not load: \(error)") }
    }()

    /// A copy of `Rules/` in a fresh temporary directory, for a test to edit.
    static func copy() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pepqa-rules-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: shipped, to: dir)
        return dir
    }

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
