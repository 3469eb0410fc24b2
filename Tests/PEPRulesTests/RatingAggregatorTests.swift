import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPRules

/// How failures become section, quality and compliance ratings (`aggregation:` in
/// `ruleset.yaml`, Rules/README.md §4), on hand-made results in the shipped sections.
///
/// Thresholds as shipped (and the documented defaults): a section is Amber with 2 minors;
/// quality is Amber with 2 Amber sections or 3 majors; compliance is Amber with 2 minors.
@Suite struct RatingAggregatorTests {
    let rules = RulesDirectory.rules.replacing(
        aggregation: AggregationPolicy(
            sectionMinorFailsForAmber: 2, amberSectionsThreshold: 2, overallMajorFailsForAmber: 3,
            complianceMinorFailsForAmber: 2))

    /// A result in `section`; the axis is the section's unless given.
    func result(
        _ section: String, _ severity: Severity, _ outcome: CriterionOutcome = .fail, axis: RatingAxis? = nil
    ) -> CriterionResult {
        CriterionResult(
            id: "T-\(section)-\(severity)", section: section, title: "test", severity: severity,
            axis: axis ?? rules.section(section)?.axis ?? .quality, outcome: outcome)
    }

    func ratings(_ results: [CriterionResult], rules custom: RuleSet? = nil) -> (sections: [String: Rating], quality: Rating, compliance: Rating) {
        let rules = custom ?? self.rules
        let sections = RatingAggregator.sectionRatings(results, rules: rules)
        return (
            Dictionary(uniqueKeysWithValues: sections.map { ($0.section, $0.rating) }),
            RatingAggregator.quality(results, sections: sections, rules: rules),
            RatingAggregator.compliance(results, rules: rules)
        )
    }

    func rules(_ change: (inout AggregationPolicy) -> Void) -> RuleSet {
        var policy = rules.aggregation
        change(&policy)
        return rules.replacing(aggregation: policy)
    }

    // MARK: Sections

    @Test func noFailuresIsGreenEverywhere() {
        let r = ratings([result("targets", .critical, .pass), result("timeliness", .critical, .pass)])
        #expect(Set(r.sections.values) == [.green])
        #expect(r.quality == .green)
        #expect(r.compliance == .green)
    }

    @Test func everySectionIsRatedInRulesetOrder() {
        let sections = RatingAggregator.sectionRatings([], rules: rules)
        #expect(sections.map(\.section) == rules.sections.map(\.id))
        #expect(sections.map(\.title) == rules.sections.map(\.title))
    }

    @Test func aCriticalFailureMakesItsSectionRed() {
        let r = ratings([result("voice", .critical)])
        #expect(r.sections["voice"] == .red)
        #expect(r.sections["targets"] == .green)
    }

    @Test func aMajorFailureMakesItsSectionAmber() {
        #expect(ratings([result("voice", .major)]).sections["voice"] == .amber)
    }

    @Test func oneMinorFailureLeavesItsSectionGreen() {
        #expect(ratings([result("voice", .minor)]).sections["voice"] == .green)
    }

    @Test func twoMinorFailuresMakeASectionAmber() {
        #expect(ratings([result("voice", .minor), result("voice", .minor)]).sections["voice"] == .amber)
    }

    @Test func minorFailuresInDifferentSectionsDoNotAddUp() {
        let r = ratings([result("voice", .minor), result("targets", .minor)])
        #expect(r.sections["voice"] == .green)
        #expect(r.sections["targets"] == .green)
        #expect(r.quality == .green)
    }

    @Test func infoFailuresNeverChangeARating() {
        let r = ratings(Array(repeating: result("voice", .info), count: 5) + Array(repeating: result("timeliness", .info), count: 5))
        #expect(Set(r.sections.values) == [.green])
        #expect(r.quality == .green)
        #expect(r.compliance == .green)
    }

    @Test func passesAndNotApplicableResultsDoNotCount() {
        let r = ratings([
            result("voice", .critical, .pass), result("voice", .critical, .notApplicable),
            result("timeliness", .critical, .notApplicable),
        ])
        #expect(r.sections["voice"] == .green)
        #expect(r.quality == .green)
        #expect(r.compliance == .green)
    }

    // MARK: Overall quality

    @Test func aCriticalQualityFailureMakesQualityRed() {
        #expect(ratings([result("targets", .critical)]).quality == .red)
    }

    @Test func oneMajorFailureAloneLeavesQualityGreen() {
        #expect(ratings([result("targets", .major)]).quality == .green)
    }

    @Test func twoAmberSectionsMakeQualityAmber() {
        #expect(ratings([result("targets", .major), result("voice", .major)]).quality == .amber)
        #expect(ratings([result("targets", .major), result("voice", .minor), result("voice", .minor)]).quality == .amber)
    }

    @Test func threeMajorFailuresInOneSectionMakeQualityAmber() {
        #expect(ratings(Array(repeating: result("targets", .major), count: 2)).quality == .green)
        #expect(ratings(Array(repeating: result("targets", .major), count: 3)).quality == .amber)
    }

    @Test func complianceFailuresNeverChangeQuality() {
        let r = ratings([result("timeliness", .critical), result("signoff", .critical)])
        #expect(r.sections["timeliness"] == .red)
        #expect(r.quality == .green)
        #expect(r.compliance == .red)
    }

    @Test func complianceSectionsAreMarkedExcludedFromOverall() {
        let sections = RatingAggregator.sectionRatings([], rules: rules)
        let compliance = rules.sections.filter { $0.axis == .compliance }.map(\.id)
        #expect(compliance.contains("timeliness"))
        #expect(sections.filter(\.excludedFromOverall).map(\.section) == compliance)
    }

    @Test func aSectionExcludedFromOverallIsRatedButDoesNotCountInQuality() {
        let sections = rules.sections.map {
            $0.id == "attainment"
                ? SectionDefinition(id: $0.id, title: $0.title, axis: $0.axis, excludedFromOverall: true) : $0
        }
        let excluding = rules.replacing(sections: sections)
        let r = ratings([result("attainment", .critical)], rules: excluding)
        #expect(r.sections["attainment"] == .red)
        #expect(r.quality == .green)
        #expect(ratings([result("attainment", .critical)]).quality == .red)
    }

    // MARK: Compliance

    @Test func aCriticalComplianceFailureMakesComplianceRed() {
        #expect(ratings([result("timeliness", .critical)]).compliance == .red)
    }

    @Test func aMajorComplianceFailureMakesComplianceAmber() {
        #expect(ratings([result("signoff", .major)]).compliance == .amber)
    }

    @Test func complianceIsAmberWithTwoMinorFailuresAcrossSections() {
        #expect(ratings([result("timeliness", .minor)]).compliance == .green)
        #expect(ratings([result("timeliness", .minor), result("signoff", .minor)]).compliance == .amber)
    }

    @Test func aComplianceCriterionInAQualitySectionCountsInCompliance() {
        let r = ratings([result("meeting", .major, axis: .compliance)])
        #expect(r.compliance == .amber)
    }

    @Test func qualityFailuresNeverChangeCompliance() {
        #expect(ratings([result("targets", .critical), result("voice", .critical)]).compliance == .green)
    }

    // MARK: Thresholds from ruleset.yaml

    @Test func aLowerSectionMinorThresholdMakesOneMinorAmber() {
        let strict = rules { $0.sectionMinorFailsForAmber = 1 }
        #expect(ratings([result("voice", .minor)], rules: strict).sections["voice"] == .amber)
    }

    @Test func aLowerAmberSectionsThresholdMakesOneAmberSectionAmberOverall() {
        let strict = rules { $0.amberSectionsThreshold = 1 }
        #expect(ratings([result("voice", .major)], rules: strict).quality == .amber)
    }

    @Test func aLowerMajorThresholdMakesFewerMajorsAmber() {
        let strict = rules {
            $0.overallMajorFailsForAmber = 2
            $0.amberSectionsThreshold = 5
        }
        #expect(ratings([result("targets", .major)], rules: strict).quality == .green)
        #expect(ratings([result("targets", .major), result("targets", .major)], rules: strict).quality == .amber)
    }

    @Test func aHigherAmberSectionsThresholdNeedsMoreAmberSections() {
        let lenient = rules { $0.amberSectionsThreshold = 3 }
        #expect(ratings([result("targets", .major), result("voice", .major)], rules: lenient).quality == .green)
    }

    @Test func aLowerComplianceMinorThresholdMakesOneMinorAmber() {
        let strict = rules { $0.complianceMinorFailsForAmber = 1 }
        #expect(ratings([result("signoff", .minor)], rules: strict).compliance == .amber)
    }
}

/// The same thresholds, changed in a copied `ruleset.yaml` and applied to a real assessment.
@Suite struct AggregationSettingsTests {
    /// The Green fixture with one major failure (ATT-01, no attendance).
    var oneMajor: PEPFixture { ExtraCriterion.fixture { $0.blank("attendance.percentage") } }

    func rules(_ old: String, _ new: String) throws -> RuleSet {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RulesDirectory.edit(dir, "ruleset.yaml", replacing: old, with: new)
        return try RuleSet.load(directory: dir)
    }

    @Test func oneMajorFailureIsGreenOverallWithTheShippedThresholds() {
        let assessment = assess(oneMajor)
        #expect(assessment.failedIDs == ["ATT-01"])
        #expect(assessment.sections.first { $0.section == "attendance" }?.rating == .amber)
        #expect(assessment.quality == .green)
    }

    @Test func loweringAmberSectionsThresholdInRulesetYAMLMakesItAmber() throws {
        let strict = try rules("amber_sections_threshold: 2", "amber_sections_threshold: 1")
        #expect(strict.aggregation.amberSectionsThreshold == 1)
        #expect(assess(oneMajor, rules: strict).quality == .amber)
    }

    @Test func loweringTheSectionMinorThresholdInRulesetYAMLMakesOneMinorAmber() throws {
        let oneMinor = ExtraCriterion.fixture { $0.blank("exclusions.suspension_days") }
        #expect(assess(oneMinor).failedIDs == ["EXC-01"])
        #expect(assess(oneMinor).sections.first { $0.section == "attendance" }?.rating == .green)
        let strict = try rules("section_minor_fails_for_amber: 2", "section_minor_fails_for_amber: 1")
        #expect(assess(oneMinor, rules: strict).sections.first { $0.section == "attendance" }?.rating == .amber)
    }

    @Test func withoutAnAggregationBlockTheDocumentedDefaultsApply() throws {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("ruleset.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let kept = text.components(separatedBy: "\n").filter { !$0.contains("fails_for_amber") && !$0.contains("amber_sections_threshold") && $0 != "aggregation:" }
        try kept.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        let rules = try RuleSet.load(directory: dir)
        #expect(
            rules.aggregation
                == AggregationPolicy(
                    sectionMinorFailsForAmber: 2, amberSectionsThreshold: 2, overallMajorFailsForAmber: 3,
                    complianceMinorFailsForAmber: 2))
    }
}

/// Coverage: a document whose template was not recognised is "could not assess", not rated.
@Suite struct CoverageTests {
    /// The shipped required fields, in ruleset.yaml order.
    let required = RulesDirectory.rules.coverage.requiredFields.map(\.rawValue)

    func fixture(removing count: Int) -> PEPFixture {
        var fixture = PEPFixture.greenReview()
        for path in required.prefix(count) { fixture.remove(path) }
        return fixture
    }

    @Test func theCompleteFixtureHasNoMissingFields() {
        #expect(required.count >= 4)
        let assessment = assess(.greenReview())
        #expect(assessment.assessable)
        #expect(assessment.missingFields == [])
    }

    @Test func aRequiredSlotNotFoundIsListedAsMissing() {
        let assessment = assess(fixture(removing: 2))
        #expect(assessment.assessable)
        #expect(assessment.missingFields == required.prefix(2).sorted().map { FieldPath($0) })
    }

    @Test func aBlankSlotIsFoundNotMissing() {
        var fixture = PEPFixture.greenReview()
        for path in required { fixture.blank(path) }
        let assessment = assess(fixture)
        #expect(assessment.missingFields == [])
        #expect(assessment.assessable)
        #expect(assessment.quality == .red)
    }

    @Test func tooFewFieldsFoundIsCouldNotAssess() {
        // Fewer than half found (8 of 17 as shipped).
        let assessment = assess(fixture(removing: required.count / 2 + 1))
        #expect(!assessment.assessable)
        #expect(assessment.missingFields.count == required.count / 2 + 1)
    }

    @Test func halfOrMoreFoundIsStillAssessed() {
        // 9 of 17 as shipped.
        #expect(assess(fixture(removing: required.count / 2)).assessable)
    }

    @Test func couldNotAssessHoldsPPPlusForThatReasonNotForItsRating() {
        let funding = assess(fixture(removing: required.count / 2 + 1)).funding
        #expect(funding.count == 1)
        #expect(funding.allSatisfy { $0.status == .held && $0.reason == .couldNotAssess && $0.approved == .zero })
    }

    @Test func theShareIsReadFromRulesetYAML() throws {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RulesDirectory.edit(dir, "ruleset.yaml", replacing: "could_not_assess_below: 0.5", with: "could_not_assess_below: 1")
        let strict = try RuleSet.load(directory: dir)
        #expect(strict.coverage.minimumFoundShare == 1)
        #expect(assess(fixture(removing: 1)).assessable)
        #expect(!assess(fixture(removing: 1), rules: strict).assessable)
        #expect(assess(fixture(removing: 0), rules: strict).assessable)
    }
}

extension RuleSet {
    /// This rule set with other aggregation thresholds.
    func replacing(aggregation: AggregationPolicy) -> RuleSet {
        RuleSet(
            version: version, hash: hash, sections: sections, criteria: criteria, settings: settings, phases: phases,
            calendar: calendar, aggregation: aggregation, coverage: coverage, funding: funding)
    }

    /// This rule set with other section definitions.
    func replacing(sections: [SectionDefinition]) -> RuleSet {
        RuleSet(
            version: version, hash: hash, sections: sections, criteria: criteria, settings: settings, phases: phases,
            calendar: calendar, aggregation: aggregation, coverage: coverage, funding: funding)
    }
}
