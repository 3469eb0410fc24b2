/// Where one child's PEP for one term stands: the Virtual School's tracker, one state per child.
///
/// The states follow the PEP's life in order (the later a state, the further the PEP has got),
/// so a list sorted by `rank` puts the children who need chasing first.
public enum TrackerState: Sendable, Hashable {
    /// No PEP, and the register has no meeting planned in the term.
    case noMeetingPlanned
    /// The social worker has planned the meeting for a day still to come.
    case meetingPlanned(on: CalendarDate)
    /// The planned meeting day has passed and no PEP has arrived; `overdue` once the
    /// submission clock has run out (`due` is its last day).
    case awaitingPEP(meeting: CalendarDate, due: CalendarDate, overdue: Bool)
    /// Received; QA is due by `by` (counted from the meeting).
    case qaDue(by: CalendarDate)
    /// Received, and QA is late: it was due by `since`.
    case qaOverdue(since: CalendarDate)
    /// A coordinator completed QA on `on`; the case-system record is still to be written.
    case qaComplete(on: CalendarDate)
    /// On the case record: the export carrying it was written on `on`.
    case onCaseRecord(on: CalendarDate)

    /// A stable code for the CSV and for filters.
    public var code: String {
        switch self {
        case .noMeetingPlanned: return "no-meeting-planned"
        case .meetingPlanned: return "meeting-planned"
        case .awaitingPEP(_, _, let overdue): return overdue ? "pep-overdue" : "pep-awaited"
        case .qaDue: return "qa-due"
        case .qaOverdue: return "qa-overdue"
        case .qaComplete: return "qa-complete"
        case .onCaseRecord: return "on-case-record"
        }
    }

    /// What a coordinator reads.
    public var label: String {
        switch self {
        case .noMeetingPlanned: return "No meeting planned"
        case .meetingPlanned(let day): return "Meeting planned for \(day.iso)"
        case .awaitingPEP(let meeting, let due, let overdue):
            return overdue
                ? "Meeting held \(meeting.iso), PEP not received: overdue since \(due.iso)"
                : "Meeting held \(meeting.iso), PEP due by \(due.iso)"
        case .qaDue(let by): return "Received, QA due by \(by.iso)"
        case .qaOverdue(let since): return "QA overdue (was due \(since.iso))"
        case .qaComplete(let on): return "QA complete \(on.iso)"
        case .onCaseRecord(let on): return "On the case record \(on.iso)"
        }
    }

    /// Whether someone is late: the PEP, or its QA.
    public var isOverdue: Bool {
        switch self {
        case .awaitingPEP(_, _, let overdue): return overdue
        case .qaOverdue: return true
        default: return false
        }
    }

    /// Most in need of chasing first: overdue, then awaited, then the rest in the PEP's order.
    public var rank: Int {
        switch self {
        case .awaitingPEP(_, _, true): return 0
        case .qaOverdue: return 1
        case .noMeetingPlanned: return 2
        case .awaitingPEP(_, _, false): return 3
        case .qaDue: return 4
        case .meetingPlanned: return 5
        case .qaComplete: return 6
        case .onCaseRecord: return 7
        }
    }
}

/// What the ledger knows of one current PEP's progress: the tracker's and the statistics'
/// input, one per child and term.
public struct PEPProgress: Sendable, Hashable {
    public var submissionID: Int64
    public var childID: String
    public var schoolURN: String?
    /// The school as the PEP names it.
    public var schoolName: String?
    public var meetingDate: CalendarDate?
    /// The day it reached the Virtual School (England's date).
    public var receivedOn: CalendarDate
    /// The day a coordinator (or the auto-complete setting) completed QA.
    public var qaCompletedOn: CalendarDate?
    /// The day the case-system export carrying it was written.
    public var onRecordOn: CalendarDate?

    public init(
        submissionID: Int64, childID: String, schoolURN: String? = nil, schoolName: String? = nil, meetingDate: CalendarDate?,
        receivedOn: CalendarDate, qaCompletedOn: CalendarDate? = nil, onRecordOn: CalendarDate? = nil
    ) {
        self.submissionID = submissionID
        self.childID = childID
        self.schoolURN = schoolURN
        self.schoolName = schoolName
        self.meetingDate = meetingDate
        self.receivedOn = receivedOn
        self.qaCompletedOn = qaCompletedOn
        self.onRecordOn = onRecordOn
    }
}
