import PEPModel

/// One PEP on the coordinators' dashboard: the latest rated submission for a child and term.
package struct DashboardEntry: Sendable, Hashable {
    package var childID: String
    /// For coordinators' eyes (the dashboard is internal); may be empty.
    package var childName: String
    package var schoolName: String
    package var assessable: Bool
    package var quality: Rating
    package var compliance: Rating
    package var meetingDate: CalendarDate?
    package var receivedOn: CalendarDate
    /// Working days left on the 10-day QA clock (negative: overdue); nil once QA is signed off.
    /// Working days need the bank-holiday calendar, so the pipeline computes them.
    package var qaWorkingDaysLeft: Int?
    package var ppRequested: Pence
    package var ppApproved: Pence
    package var ppHeld: Pence
    /// The report's file stem: the page is `reports/<stem>.html`.
    package var reportStem: String

    package init(
        childID: String, childName: String = "", schoolName: String, assessable: Bool = true, quality: Rating,
        compliance: Rating, meetingDate: CalendarDate?, receivedOn: CalendarDate, qaWorkingDaysLeft: Int?,
        ppRequested: Pence = .zero, ppApproved: Pence = .zero, ppHeld: Pence = .zero, reportStem: String
    ) {
        self.childID = childID
        self.childName = childName
        self.schoolName = schoolName
        self.assessable = assessable
        self.quality = quality
        self.compliance = compliance
        self.meetingDate = meetingDate
        self.receivedOn = receivedOn
        self.qaWorkingDaysLeft = qaWorkingDaysLeft
        self.ppRequested = ppRequested
        self.ppApproved = ppApproved
        self.ppHeld = ppHeld
        self.reportStem = reportStem
    }

    package var isOverdue: Bool { (qaWorkingDaysLeft ?? 0) < 0 }
}

/// One term's dashboard: its PEPs, the roster, and the dates it is judged against.
package struct DashboardTerm: Sendable, Hashable {
    package var key: TermKey
    package var entries: [DashboardEntry]
    /// Children who should have a PEP this term.
    package var roster: [RosterEntry]
    /// The council's termly PEP completion deadline, if set.
    package var deadline: CalendarDate?
    /// The day the dashboard is drawn (an input, so pages are reproducible).
    package var today: CalendarDate

    package init(key: TermKey, entries: [DashboardEntry], roster: [RosterEntry], deadline: CalendarDate?, today: CalendarDate) {
        (self.key, self.entries, self.roster, self.deadline, self.today) = (key, entries, roster, deadline, today)
    }

    /// Roster children with no PEP this term, by child ID.
    package var missing: [RosterEntry] {
        let have = Set(entries.map(\.childID))
        return roster.filter { !have.contains($0.childID) }.sorted { $0.childID < $1.childID }
    }

    package var pastDeadline: Bool { deadline.map { today > $0 } ?? false }
}
