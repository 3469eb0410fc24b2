/// One child on the Virtual School's roster: the register of children looked after
/// (`Rules/roster.csv`, or the case system's latest export, see `RosterImport`): the children
/// who should have a PEP this term, with what the clocks need (when they entered care, when the
/// social worker has planned the next PEP meeting) and where feedback goes.
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
    /// The designated teacher at the child's school (feedback goes here when the PEP names
    /// another address: the register is kept by the Virtual School, the form by the school).
    public var designatedTeacherEmail: String
    /// The day the child entered care: the initial-PEP clock starts here.
    public var enteredCare: CalendarDate?
    /// The next PEP meeting as the social worker has planned it.
    public var nextMeeting: CalendarDate?

    public init(
        childID: String, firstName: String = "", lastName: String = "", upn: String = "", schoolURN: String = "",
        schoolName: String = "", yearGroup: String = "", socialWorkerEmail: String = "",
        designatedTeacherEmail: String = "", enteredCare: CalendarDate? = nil, nextMeeting: CalendarDate? = nil
    ) {
        self.childID = childID
        self.firstName = firstName
        self.lastName = lastName
        self.upn = upn
        self.schoolURN = schoolURN
        self.schoolName = schoolName
        self.yearGroup = yearGroup
        self.socialWorkerEmail = socialWorkerEmail
        self.designatedTeacherEmail = designatedTeacherEmail
        self.enteredCare = enteredCare
        self.nextMeeting = nextMeeting
    }

    /// First and last name, for the dashboard.
    public var displayName: String {
        [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
