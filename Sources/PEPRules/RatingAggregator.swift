import PEPModel

/// Turns criterion results into section, quality and compliance ratings (research §8.3), with
/// the thresholds from `aggregation:` in `ruleset.yaml`.
enum RatingAggregator {
    /// RED if any critical failure; AMBER if any major failure or enough minor ones; else GREEN.
    static func sectionRatings(_ results: [CriterionResult], rules: RuleSet) -> [SectionRating] {
        rules.sections.map { section in
            let failed = results.filter { $0.section == section.id && $0.outcome == .fail }
            return SectionRating(
                section: section.id, title: section.title,
                rating: rating(failed, minorsForAmber: rules.aggregation.sectionMinorFailsForAmber),
                excludedFromOverall: section.excludedFromOverall || section.axis == .compliance)
        }
    }

    /// Overall quality over the included sections' quality criteria: RED on any critical
    /// failure or RED section; AMBER with enough AMBER sections or major failures; else GREEN.
    static func quality(_ results: [CriterionResult], sections: [SectionRating], rules: RuleSet) -> Rating {
        let included = Set(sections.filter { !$0.excludedFromOverall }.map(\.section))
        let failed = results.filter { $0.outcome == .fail && $0.axis == .quality && included.contains($0.section) }
        let counted = sections.filter { included.contains($0.section) }
        if failed.contains(where: { $0.severity == .critical }) || counted.contains(where: { $0.rating == .red }) {
            return .red
        }
        let amberSections = counted.filter { $0.rating == .amber }.count
        let majors = failed.filter { $0.severity == .major }.count
        if amberSections >= rules.aggregation.amberSectionsThreshold || majors >= rules.aggregation.overallMajorFailsForAmber {
            return .amber
        }
        return .green
    }

    /// Compliance (timeliness, sign-off) over compliance criteria, kept apart from quality.
    static func compliance(_ results: [CriterionResult], rules: RuleSet) -> Rating {
        let failed = results.filter { $0.outcome == .fail && $0.axis == .compliance }
        return rating(failed, minorsForAmber: rules.aggregation.complianceMinorFailsForAmber)
    }

    private static func rating(_ failed: [CriterionResult], minorsForAmber: Int) -> Rating {
        if failed.contains(where: { $0.severity == .critical }) { return .red }
        if failed.contains(where: { $0.severity == .major }) { return .amber }
        if failed.filter({ $0.severity == .minor }).count >= minorsForAmber { return .amber }
        return .green
    }
}
