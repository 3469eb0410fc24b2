import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPOutput
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

@Test func rulesCheckReportsANoticeTemplateAskingForAChildsNameWithItsLine() throws {
    let dir = try rulesCopy()
    defer { try? FileManager.default.removeItem(at: dir) }
    let notice = dir.appendingPathComponent("notices/payment.mustache")
    try (try text(notice) + "{{#lines}}{{child_first_name}}{{/lines}}\n").write(to: notice, atomically: true, encoding: .utf8)
    let problems = RulesCheck.problems(in: dir.path)
    #expect(problems.count == 1)
    #expect(problems.first?.contains("notices/payment.mustache:32: unknown placeholder {{child_first_name}}") == true, "\(problems)")
}

@Test func aVirtualSchoolsNoticeWordingIsWhatTheSchoolGets() throws {
    let dir = try rulesCopy()
    defer { try? FileManager.default.removeItem(at: dir) }
    let notice = dir.appendingPathComponent("notices/payment.mustache")
    try "Hello {{school_name}}: {{total}} ({{reference}}).\n{{#lines}}\n{{child_id}} {{amount}}\n{{/lines}}\n"
        .write(to: notice, atomically: true, encoding: .utf8)
    let settings = try OutputSettings.load(rulesDirectory: dir)
    let finance = try #require(settings.finance)
    #expect(finance.noticeTemplate?.hasPrefix("Hello {{school_name}}") == true, "kept with the run's settings")
    let composer = try PaymentNoticeComposer(settings: finance)
    let text = composer.body.render(
        PaymentNoticeComposer.context(
            term: "Autumn", academicYear: "2025/26", school: "Riverside Academy", how: "by cheque", reference: "PPAUT25-001",
            total: Pence(55_000), lines: [("LA100001", "Autumn 2025/26", Pence(55_000))]))
    #expect(text == "Hello Riverside Academy: £550.00 (PPAUT25-001).\nLA100001 £550.00\n")
}
