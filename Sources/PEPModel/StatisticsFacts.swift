/// What the ledger says of one term for the Virtual School Head's figures: read by
/// `PEPLedger.StatisticsStore`, counted by `PEPRules.TermStatistics` (stages do not import
/// each other, so the facts are model values).
public enum StatisticsFacts {
    /// One current rated PEP: a coordinator's confirmed ratings once QA is complete, else the
    /// machine's.
    public struct PEP: Sendable, Hashable {
        public var submissionID: Int64
        public var childID: String
        public var schoolURN: String?
        public var schoolName: String?
        public var yearGroup: String?
        public var quality: Rating
        public var compliance: Rating

        public init(
            submissionID: Int64, childID: String, schoolURN: String?, schoolName: String?, yearGroup: String?,
            quality: Rating, compliance: Rating
        ) {
            (self.submissionID, self.childID, self.schoolURN, self.schoolName, self.yearGroup, self.quality, self.compliance) = (
                submissionID, childID, schoolURN, schoolName, yearGroup, quality, compliance
            )
        }
    }

    /// How often one criterion was assessed (not "n/a") and failed.
    public struct Criterion: Sendable, Hashable {
        public var criterionID: String
        public var assessed: Int
        public var failed: Int

        public init(criterionID: String, assessed: Int, failed: Int) {
            (self.criterionID, self.assessed, self.failed) = (criterionID, assessed, failed)
        }
    }

    /// PP+ for one school and intervention: requested, approved (the decision), held
    /// (requested less approved) and paid (in a payment batch).
    public struct Funding: Sendable, Hashable {
        public var schoolURN: String
        public var intervention: String
        public var requested: Pence
        public var approved: Pence
        public var held: Pence
        public var paid: Pence

        public init(schoolURN: String, intervention: String, requested: Pence, approved: Pence, held: Pence, paid: Pence) {
            (self.schoolURN, self.intervention, self.requested, self.approved, self.held, self.paid) = (
                schoolURN, intervention, requested, approved, held, paid
            )
        }
    }
}
