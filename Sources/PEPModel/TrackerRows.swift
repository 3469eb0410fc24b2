/// What the tracker and the statistics give, as plain values: `PEPRules` works them out and
/// `PEPOutput` writes them, so both share these types rather than each keeping a copy.

/// One child's line in a term's tracker.
public struct TrackerRow: Sendable, Hashable {
    public var childID: String
    public var schoolName: String
    public var yearGroup: String
    public var state: TrackerState
    /// The PEP the state is about, when one has arrived.
    public var submissionID: Int64?
    /// False for a child whose PEP arrived but who is not on the register (a mistyped ID, or
    /// a child who has left care): shown, so nothing received is out of sight.
    public var onRegister: Bool

    public init(
        childID: String, schoolName: String, yearGroup: String, state: TrackerState, submissionID: Int64?, onRegister: Bool
    ) {
        (self.childID, self.schoolName, self.yearGroup, self.state, self.submissionID, self.onRegister) = (
            childID, schoolName, yearGroup, state, submissionID, onRegister
        )
    }
}

/// A child whose initial PEP meeting is still to be held.
public struct InitialPEPDue: Sendable, Hashable {
    public var childID: String
    public var schoolName: String
    public var enteredCare: CalendarDate
    /// Nil when the calendar does not reach far enough to count the school days.
    public var due: CalendarDate?
    public var overdue: Bool
    /// School days from entering care to today (nil past the calendar's end).
    public var schoolDaysInCare: Int?

    public init(
        childID: String, schoolName: String, enteredCare: CalendarDate, due: CalendarDate?, overdue: Bool, schoolDaysInCare: Int?
    ) {
        (self.childID, self.schoolName, self.enteredCare, self.due, self.overdue, self.schoolDaysInCare) = (
            childID, schoolName, enteredCare, due, overdue, schoolDaysInCare
        )
    }
}

/// One figure of the statistics: a measure, what it is grouped by, and its value, for a term
/// (or, with no term, the academic year).
public struct StatisticsFigure: Sendable, Hashable, Codable {
    public var academicYear: String
    /// Nil for the whole academic year's row.
    public var term: Term?
    /// `all`, `school`, `phase`, `criterion` or `intervention`.
    public var groupKind: String
    /// The school, phase, criterion or intervention; empty for `all`.
    public var group: String
    public var name: String
    public var value: String

    public init(academicYear: String, term: Term?, groupKind: String, group: String, name: String, value: String) {
        (self.academicYear, self.term, self.groupKind, self.group, self.name, self.value) = (
            academicYear, term, groupKind, group, name, value
        )
    }
}
