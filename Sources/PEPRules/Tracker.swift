import PEPModel

/// The Virtual School's tracker: for a term, every child on the register with one state each,
/// and the initial PEPs still to be held. Pure: the register, what the ledger knows of each PEP
/// (`PEPProgress`), the clocks and today's date give the same rows every time.
package struct Tracker: Sendable {
    package let clocks: Clocks

    package init(clocks: Clocks) {
        self.clocks = clocks
    }

    package typealias Row = TrackerRow
    package typealias InitialPEP = InitialPEPDue

    /// Every register child, and every child with a PEP in the term, most in need of chasing
    /// first (then by child ID).
    ///
    /// - The QA clock runs from the meeting (from receipt when the PEP gives no meeting date)
    ///   and stops when QA is completed.
    /// - A planned meeting counts for the term only when it falls inside the term's dates.
    package func rows(
        term: Term, academicYear: AcademicYear, roster: [RosterEntry], progress: [PEPProgress], today: CalendarDate
    ) -> [Row] {
        let termDates = clocks.calendar.dates(of: term, in: academicYear.description)
        let byChild = Dictionary(progress.map { ($0.childID, $0) }, uniquingKeysWith: { _, latest in latest })
        var rows: [Row] = roster.map { child in
            let state: TrackerState
            if let pep = byChild[child.childID] {
                state = self.state(of: pep, today: today)
            } else {
                state = awaiting(planned: child.nextMeeting, term: termDates, today: today)
            }
            return Row(
                childID: child.childID, schoolName: child.schoolName, yearGroup: child.yearGroup, state: state,
                submissionID: byChild[child.childID]?.submissionID, onRegister: true)
        }
        let registered = Set(roster.map(\.childID))
        for pep in progress where !registered.contains(pep.childID) {
            rows.append(
                Row(
                    childID: pep.childID, schoolName: pep.schoolName ?? pep.schoolURN ?? "", yearGroup: "", state: state(of: pep, today: today),
                    submissionID: pep.submissionID, onRegister: false))
        }
        return rows.sorted { ($0.state.rank, $0.childID) < ($1.state.rank, $1.childID) }
    }

    /// The state of a PEP that has arrived.
    package func state(of pep: PEPProgress, today: CalendarDate) -> TrackerState {
        if let onRecord = pep.onRecordOn { return .onCaseRecord(on: onRecord) }
        if let completed = pep.qaCompletedOn { return .qaComplete(on: completed) }
        let due = clocks.qaDue(meeting: pep.meetingDate ?? pep.receivedOn)
        return today > due ? .qaOverdue(since: due) : .qaDue(by: due)
    }

    /// The state of a child with no PEP yet in the term.
    func awaiting(planned: CalendarDate?, term: TermDates?, today: CalendarDate) -> TrackerState {
        guard let planned, term.map({ $0.span.contains(planned) }) ?? false else { return .noMeetingPlanned }
        guard planned <= today else { return .meetingPlanned(on: planned) }
        let due = clocks.submissionDue(meeting: planned, term: term)
        return .awaitingPEP(meeting: planned, due: due, overdue: today > due)
    }

    /// Register children who entered care and have no PEP meeting on or after that day: due
    /// first, by due date.
    package func initialPEPs(roster: [RosterEntry], progress: [PEPProgress], today: CalendarDate) -> [InitialPEP] {
        var meetings: [String: [CalendarDate]] = [:]
        for pep in progress {
            if let meeting = pep.meetingDate { meetings[pep.childID, default: []].append(meeting) }
        }
        return roster.compactMap { child -> InitialPEP? in
            guard let entered = child.enteredCare else { return nil }
            if meetings[child.childID, default: []].contains(where: { $0 >= entered }) { return nil }
            let due = clocks.initialPEPDue(enteredCare: entered)
            return InitialPEP(
                childID: child.childID, schoolName: child.schoolName, enteredCare: entered, due: due,
                overdue: due.map { today > $0 } ?? false,
                schoolDaysInCare: today > entered ? clocks.calendar.schoolDays(from: entered, to: today) : 0)
        }.sorted { ($0.due ?? $0.enteredCare, $0.childID) < ($1.due ?? $1.enteredCare, $1.childID) }
    }
}
