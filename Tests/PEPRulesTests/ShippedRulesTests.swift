import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPRules

@Test func shippedRulesDirectoryChecksClean() {
    let problems = RuleSet.check(directory: RulesDirectory.shipped)
    #expect(problems.map(\.description) == [])
}

@Test func shippedRulesExposeTypedSettings() throws {
    let rules = try RuleSet.load(directory: RulesDirectory.shipped)
    #expect(rules.slaDays == 10)
    #expect(rules.termlyCap == Pence(55000))
    #expect(rules.financialYearCap == Pence(165000))
    #expect(rules.allowedRatings == [.green, .amber])
    #expect(rules.version == "2025.1")
    #expect(rules.calendar.provisionalYears == [2027])
    #expect(rules.hash.count == 64)
}

@Test func completeFixtureIsGreenOnEveryAxis() {
    let assessment = assess(PEPFixture.greenReview())
    #expect(assessment.failedIDs == [])
    #expect(assessment.assessable)
    #expect(assessment.quality == .green)
    #expect(assessment.compliance == .green)
    #expect(assessment.missingFields == [])
    #expect(assessment.issues == [])
}
