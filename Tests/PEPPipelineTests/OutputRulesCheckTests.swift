import Foundation
import PEPTestSupport
import Testing

@testable import PEPPipeline

private func rulesCopy() throws -> URL { try Repository.rulesCopy() }

@Test func rulesCheckReportsABrokenSchoolRegisterWithItsLine() throws {
    let dir = try rulesCopy()
    defer { try? FileManager.default.removeItem(at: dir) }
    let schools = dir.appendingPathComponent("schools.csv")
    try (try text(schools) + "19000X,Nowhere School,journal,SCH9,,,,,,\n").write(to: schools, atomically: true, encoding: .utf8)
    let problems = RulesCheck.problems(in: dir.path)
    #expect(problems.count == 1)
    #expect(problems.first?.contains("schools.csv:10: urn must be 6 digits") == true)
}

@Test func rulesCheckReportsABrokenFinanceFile() throws {
    let dir = try rulesCopy()
    defer { try? FileManager.default.removeItem(at: dir) }
    let finance = dir.appendingPathComponent("finance.yaml")
    try text(finance).replacingOccurrences(of: "reference_prefix: PP", with: "reference_prefix: pp1")
        .write(to: finance, atomically: true, encoding: .utf8)
    let problems = RulesCheck.problems(in: dir.path)
    #expect(problems.count == 1)
    #expect(problems.first?.contains("finance.yaml:") == true && problems.first?.contains("reference_prefix") == true)
}
