import PEPModel

/// One QA criterion as a Virtual School wrote it in `Rules/criteria/<section>.yaml`.
package struct Criterion: Sendable {
    package let id: String
    package let section: String
    /// The wording a coordinator reads.
    package let title: String
    /// The text a school receives when the criterion fails.
    package let feedback: String
    package let severity: Severity
    package let axis: RatingAxis
    /// `enabled: false` switches a criterion off without deleting it.
    package let enabled: Bool
    /// When the criterion applies; otherwise its result is n/a.
    let appliesWhen: Predicate?
    /// The assertion: the PEP passes when it holds.
    let check: Predicate
    /// `severity_when`: on failure, the first matching condition sets the severity instead
    /// (e.g. a late PEP is critical, but major when late by five working days or fewer).
    let severityWhen: [(Predicate, Severity)]
    /// Where it is written, for tracing a result to its rule.
    package let file: String
    package let line: Int
    package let column: Int
}

/// A section of the PEP that gets its own rating (`sections:` in `ruleset.yaml`).
package struct SectionDefinition: Sendable, Hashable {
    package let id: String
    package let title: String
    /// The axis its criteria feed unless a criterion says otherwise.
    package let axis: RatingAxis
    /// Shown, but left out of the overall quality rating (St Helens leaves out attainment).
    package let excludedFromOverall: Bool
}

/// The counting rules that turn failures into ratings (research §8.3).
package struct AggregationPolicy: Sendable, Hashable {
    /// A section is AMBER with this many minor failures (and no major or critical one).
    package var sectionMinorFailsForAmber: Int
    /// Overall quality is AMBER when this many included sections are AMBER.
    package var amberSectionsThreshold: Int
    /// Overall quality is AMBER with this many major failures in total.
    package var overallMajorFailsForAmber: Int
    /// Compliance is AMBER with this many minor compliance failures.
    package var complianceMinorFailsForAmber: Int
}

/// When a document was read too poorly to judge (research §8.2 SYS-01).
package struct CoveragePolicy: Sendable, Hashable {
    /// Paths whose slot a document of the template must have.
    package var requiredFields: [FieldPath]
    /// The PEP is "could not assess" when fewer than this share of required fields was found.
    package var minimumFoundShare: Double
}

/// How PP+ requests are decided.
struct FundingPolicy: Sendable {
    /// Approve the part of a request that fits under the cap (true), or hold it whole (false).
    var partialApproval: Bool
    /// A per-request condition over `ppplus.requests[]`; a request failing it is held with
    /// reason needs-clarification.
    var requestIsClear: Predicate?
}
