/// One child on the Virtual School's roster (`Rules/roster.csv`, exported from the case system):
/// the children who should have a PEP this term.
///
/// The dashboard lists roster children with no PEP yet. The name is for coordinators' eyes on the
/// internal dashboard only; it never goes into a log, an error, an export or a finance file.
public struct RosterEntry: Sendable, Hashable, Codable {
    /// `child.la_id`: the join key with PEPs.
    public var childID: String
    public var firstName: String
    public var lastName: String
    public var upn: String
    public var schoolURN: String
    public var schoolName: String
    public var yearGroup: String
    public var socialWorkerEmail: String

    public init(
        childID: String, firstName: String = "", lastName: String = "", upn: String = "", schoolURN: String = "",
        schoolName: String = "", yearGroup: String = "", socialWorkerEmail: String = ""
    ) {
        self.childID = childID
        self.firstName = firstName
        self.lastName = lastName
        self.upn = upn
        self.schoolURN = schoolURN
        self.schoolName = schoolName
        self.yearGroup = yearGroup
        self.socialWorkerEmail = socialWorkerEmail
    }

    /// First and last name, for the dashboard.
    public var displayName: String {
        [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
