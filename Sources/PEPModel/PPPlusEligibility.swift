/// Whether a child may have PP+ approved, from the register of children looked after (never
/// from the PEP alone): PP+ is for children in care of statutory school age, Reception to
/// Year 11 (early years have a different grant), at the school the register names.
///
/// A mistyped child ID finds no one on the register, so it can never be approved and never
/// starts a fresh set of caps.
public struct PPPlusEligibility: Sendable, Hashable {
    /// Reasons approval is not possible at all ("not on the register", "Year 12 is past
    /// statutory school age"). Empty when eligible.
    public var blockers: [String]
    /// The register's school, when the request's differs: approval needs the difference
    /// acknowledged by the person approving.
    public var registeredSchool: String?

    public var isEligible: Bool { blockers.isEmpty }

    /// - Parameters:
    ///   - schoolURN: the school the request is for (the PEP's).
    ///   - yearGroup: the PEP's year group, used when the register gives none.
    public init(entry: RosterEntry?, schoolURN: String?, yearGroup: YearGroup?) {
        guard let entry else {
            self.init(blockers: ["the child is not on the register of children looked after"], registeredSchool: nil)
            return
        }
        var blockers: [String] = []
        let group = YearGroup.parse(entry.yearGroup) ?? yearGroup
        if let group {
            if !Self.statutorySchoolAge.contains(group) {
                blockers.append("\(Self.describe(group)) is not of statutory school age (Reception to Year 11)")
            }
        } else {
            blockers.append("neither the register nor the PEP gives the child's year group")
        }
        let differs = !entry.schoolURN.isEmpty && schoolURN != entry.schoolURN
        let school = entry.schoolName.isEmpty ? "URN \(entry.schoolURN)" : "\(entry.schoolName) (URN \(entry.schoolURN))"
        self.init(blockers: blockers, registeredSchool: differs ? school : nil)
    }

    public init(blockers: [String], registeredSchool: String?) {
        (self.blockers, self.registeredSchool) = (blockers, registeredSchool)
    }

    static func describe(_ group: YearGroup) -> String {
        switch group {
        case .n1, .n2: return "Nursery (\(group.rawValue))"
        case .reception: return "Reception"
        default: return "Year \(group.rawValue)"
        }
    }

    static let statutorySchoolAge: Set<YearGroup> = [.reception, .y1, .y2, .y3, .y4, .y5, .y6, .y7, .y8, .y9, .y10, .y11]
}
