/// The phase of education a PEP belongs to: PEPs differ by phase (a child under 5 has no
/// attainment grades, a post-16 PEP has careers and transition), and the Virtual School counts
/// its figures by phase.
public enum SchoolPhase: String, Sendable, Hashable, CaseIterable, Codable {
    case earlyYears = "early-years"
    case primary
    case secondary
    case post16 = "post-16"

    /// N1 and N2 are early years (from age 2); Reception to Year 6 primary; Years 7 to 11
    /// secondary; Years 12 to 14 post-16.
    public init(_ yearGroup: YearGroup) {
        switch yearGroup {
        case .n1, .n2: self = .earlyYears
        case .reception, .y1, .y2, .y3, .y4, .y5, .y6: self = .primary
        case .y7, .y8, .y9, .y10, .y11: self = .secondary
        case .y12, .y13, .y14: self = .post16
        }
    }

    /// What a person reads.
    public var label: String {
        switch self {
        case .earlyYears: return "Early years"
        case .primary: return "Primary"
        case .secondary: return "Secondary"
        case .post16: return "Post-16"
        }
    }
}
