/// A Red/Amber/Green rating. Order: red < amber < green, so `min` is the worse of two.
public enum Rating: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case red, amber, green

    /// Worse is lower.
    var rank: Int {
        switch self {
        case .red: 0
        case .amber: 1
        case .green: 2
        }
    }

    public static func < (a: Rating, b: Rating) -> Bool { a.rank < b.rank }

    public var label: String { rawValue.capitalized }
}

/// How much a criterion's failure weighs (research §8.2).
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable {
    case critical, major, minor, info
}

/// Which rating a criterion feeds: the quality of the plan, or compliance (timeliness, sign-off).
public enum RatingAxis: String, Sendable, Hashable, Codable {
    case quality, compliance
}

public enum CriterionOutcome: String, Sendable, Hashable, Codable {
    case pass, fail
    case notApplicable = "n/a"
}

/// What a criterion looked at: a field path, where it was read, and a short note.
/// The note never repeats personal data (no names, no dates of birth).
public struct Evidence: Sendable, Hashable, Codable {
    public var path: FieldPath?
    public var source: SourceRef?
    public var note: String

    public init(path: FieldPath? = nil, source: SourceRef? = nil, note: String) {
        (self.path, self.source, self.note) = (path, source, note)
    }
}

/// One criterion's result for one PEP.
public struct CriterionResult: Sendable, Hashable, Codable {
    public var id: String
    public var section: String
    /// The wording a coordinator reads ("Child's voice captured").
    public var title: String
    public var severity: Severity
    public var axis: RatingAxis
    public var outcome: CriterionOutcome
    public var evidence: [Evidence]
    /// The text a school receives when the criterion fails (nil when it passes).
    public var feedback: String?

    public init(
        id: String, section: String, title: String, severity: Severity, axis: RatingAxis,
        outcome: CriterionOutcome, evidence: [Evidence] = [], feedback: String? = nil
    ) {
        (self.id, self.section, self.title, self.severity, self.axis, self.outcome, self.evidence, self.feedback) = (
            id, section, title, severity, axis, outcome, evidence, feedback
        )
    }
}

public struct SectionRating: Sendable, Hashable, Codable {
    public var section: String
    public var title: String
    public var rating: Rating
    /// Shown, but left out of the overall quality rating (e.g. Attainment, St Helens style).
    public var excludedFromOverall: Bool

    public init(section: String, title: String, rating: Rating, excludedFromOverall: Bool = false) {
        (self.section, self.title, self.rating, self.excludedFromOverall) = (section, title, rating, excludedFromOverall)
    }
}

/// The decision on one PP+ request.
public struct FundingDecision: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable { case approved, held }
    /// Why a request is held. The raw values are what finance files and reports show.
    public enum HoldReason: String, Sendable, Hashable, Codable {
        case rating, overCap = "over-cap", needsClarification = "needs-clarification"
        case couldNotAssess = "could-not-assess", unknownSchool = "unknown-school", noRoute = "no-route"
        /// Not yet decided by the Virtual School Head (whatever the machine recommends).
        case awaitingVSH = "awaiting-vsh"
        /// Held by the Virtual School Head for clarification from the school.
        case heldByVSH = "vsh-hold"
        /// Declined by the Virtual School Head.
        case declined
    }

    /// The request's position in `ppplus.requests` (0-based).
    public var requestIndex: Int
    public var intervention: String
    public var requested: Pence
    public var approved: Pence
    public var status: Status
    public var reason: HoldReason?
    /// A sentence for people ("Held: the PEP is rated Red").
    public var note: String

    public init(
        requestIndex: Int, intervention: String, requested: Pence, approved: Pence, status: Status,
        reason: HoldReason? = nil, note: String
    ) {
        (self.requestIndex, self.intervention, self.requested, self.approved, self.status, self.reason, self.note) = (
            requestIndex, intervention, requested, approved, status, reason, note
        )
    }
}

/// The whole QA result of one PEP against one rule set. Pure data: the same PEP, context and
/// rules give an equal value (and byte-identical JSON).
public struct Assessment: Sendable, Hashable, Codable {
    /// False when the document's structure could not be read well enough to judge quality
    /// ("could not assess"): the quality rating is then not a verdict on the school.
    public var assessable: Bool
    public var quality: Rating
    public var compliance: Rating
    public var sections: [SectionRating]
    public var results: [CriterionResult]
    public var funding: [FundingDecision]
    /// A hash of the rule set's files, so a rating can be traced to the rules that made it.
    public var ruleSetHash: String
    public var ruleSetVersion: String
    /// Required fields whose slot was not found in the document at all (template mismatch).
    public var missingFields: [FieldPath]
    public var unmapped: [UnmappedContent]
    public var issues: [FieldIssue]

    public init(
        assessable: Bool, quality: Rating, compliance: Rating, sections: [SectionRating],
        results: [CriterionResult], funding: [FundingDecision], ruleSetHash: String, ruleSetVersion: String,
        missingFields: [FieldPath] = [], unmapped: [UnmappedContent] = [], issues: [FieldIssue] = []
    ) {
        self.assessable = assessable
        self.quality = quality
        self.compliance = compliance
        self.sections = sections
        self.results = results
        self.funding = funding
        self.ruleSetHash = ruleSetHash
        self.ruleSetVersion = ruleSetVersion
        self.missingFields = missingFields
        self.unmapped = unmapped
        self.issues = issues
    }

    public var failed: [CriterionResult] { results.filter { $0.outcome == .fail } }
    public var totalRequested: Pence { funding.reduce(.zero) { $0 + $1.requested } }
    public var totalApproved: Pence { funding.reduce(.zero) { $0 + $1.approved } }
    public var totalHeld: Pence { totalRequested - totalApproved }
}

/// What the rules need to know beyond the document itself: when and how it arrived, what came
/// with it, and facts from the ledger's history for this child.
public struct AssessmentContext: Sendable, Hashable {
    /// The day the Virtual School received the document (the SLA clock's end).
    public var receivedOn: CalendarDate
    /// File names and kinds of other attachments that came with it (e.g. a Boxall Profile PDF).
    public var attachments: [AttachmentInfo]
    public var history: ChildHistory

    public init(receivedOn: CalendarDate, attachments: [AttachmentInfo] = [], history: ChildHistory = ChildHistory()) {
        (self.receivedOn, self.attachments, self.history) = (receivedOn, attachments, history)
    }
}

/// An attachment that came with a submission but is not itself a PEP.
public struct AttachmentInfo: Sendable, Hashable, Codable {
    public var fileName: String
    public var contentType: String
    public var size: Int

    public init(fileName: String, contentType: String, size: Int) {
        (self.fileName, self.contentType, self.size) = (fileName, contentType, size)
    }
}

/// Facts from the ledger about this child, for criteria that look back.
public struct ChildHistory: Sendable, Hashable, Codable {
    /// PP+ already approved for this child in the PEP's financial year, other submissions only.
    public var approvedThisFinancialYear: Pence
    /// PP+ already approved for this child this term by other (superseded) submissions.
    public var approvedThisTerm: Pence
    /// The quality rating of the child's PEP last term, if the ledger has one.
    public var lastTermRating: Rating?
    /// Whether PP+ was approved for the child last term.
    public var ppPlusPaidLastTerm: Bool
    /// Last term's child's voice text, to notice a copy.
    public var lastTermChildVoice: String?

    public init(
        approvedThisFinancialYear: Pence = .zero, approvedThisTerm: Pence = .zero, lastTermRating: Rating? = nil,
        ppPlusPaidLastTerm: Bool = false, lastTermChildVoice: String? = nil
    ) {
        self.approvedThisFinancialYear = approvedThisFinancialYear
        self.approvedThisTerm = approvedThisTerm
        self.lastTermRating = lastTermRating
        self.ppPlusPaidLastTerm = ppPlusPaidLastTerm
        self.lastTermChildVoice = lastTermChildVoice
    }
}
