import PEPModel

/// Assesses a PEP against a rule set: each criterion, section and overall ratings, compliance,
/// coverage and PP+ decisions. Pure and deterministic: no I/O, and the same read, context and
/// rules always give an equal `Assessment`.
package enum Assessor {
    /// The most evidence items kept per criterion, so reports stay readable.
    static let evidenceLimit = 8

    package static func assess(_ read: ReadResult, context: AssessmentContext, rules: RuleSet) -> Assessment {
        let results = rules.enabledCriteria.map { evaluate($0, pep: read.pep, context: context, rules: rules) }
        let missing = rules.coverage.requiredFields.filter { !read.found.contains($0) }.sorted()
        let assessable = isAssessable(missing: missing.count, rules: rules)
        let sections = RatingAggregator.sectionRatings(results, rules: rules)
        let quality = assessable ? RatingAggregator.quality(results, sections: sections, rules: rules) : .red
        let compliance = RatingAggregator.compliance(results, rules: rules)
        let funding = FundingDecider.decide(
            read.pep, quality: quality, assessable: assessable, context: context, rules: rules)
        return Assessment(
            assessable: assessable, quality: quality, compliance: compliance, sections: sections, results: results,
            funding: funding, ruleSetHash: rules.hash, ruleSetVersion: rules.version, missingFields: missing,
            unmapped: read.unmapped.sorted { ($0.source, $0.label) < ($1.source, $1.label) },
            issues: read.issues.sorted { ($0.path, $0.source?.location ?? "", $0.message) < ($1.path, $1.source?.location ?? "", $1.message) })
    }

    /// "Could not assess" when too small a share of the required fields' slots was found.
    static func isAssessable(missing: Int, rules: RuleSet) -> Bool {
        let required = rules.coverage.requiredFields.count
        guard required > 0 else { return true }
        let found = Double(required - missing) / Double(required)
        return found >= rules.coverage.minimumFoundShare
    }

    /// One criterion: n/a when `applies_when` does not hold, else pass or fail with evidence.
    static func evaluate(_ criterion: Criterion, pep: PEP, context: AssessmentContext, rules: RuleSet) -> CriterionResult {
        var result = CriterionResult(
            id: criterion.id, section: criterion.section, title: criterion.title, severity: criterion.severity,
            axis: criterion.axis, outcome: .pass)
        if let condition = criterion.appliesWhen {
            var gate = Evaluator(pep: pep, context: context, rules: rules)
            if !gate.test(condition) {
                result.outcome = .notApplicable
                result.evidence = [Evidence(note: "does not apply to this PEP")]
                return result
            }
        }
        var evaluator = Evaluator(pep: pep, context: context, rules: rules)
        let passed = evaluator.test(criterion.check)
        result.evidence = unique(evaluator.evidence)
        guard !passed else { return result }
        result.outcome = .fail
        result.feedback = criterion.feedback
        for (condition, severity) in criterion.severityWhen {
            var probe = Evaluator(pep: pep, context: context, rules: rules)
            if probe.test(condition) {
                result.severity = severity
                break
            }
        }
        return result
    }

    private static func unique(_ evidence: [Evidence]) -> [Evidence] {
        var seen = Set<Evidence>()
        return Array(evidence.filter { seen.insert($0).inserted }.prefix(evidenceLimit))
    }
}

extension RuleSet {
    /// Assesses a PEP against this rule set (see `Assessor.assess`).
    package func assess(_ read: ReadResult, context: AssessmentContext) -> Assessment {
        Assessor.assess(read, context: context, rules: self)
    }
}
