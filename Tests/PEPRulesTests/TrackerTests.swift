import Foundation
import PEPModel
import Testing

@testable import PEPRules

/// The tracker's states, the initial-PEP list and the statistics, on the shipped calendar and
/// clocks (10 working days to submit, 10 working days to QA, 20 school days for an initial PEP).
@Suite struct TrackerTests {
    let tracker = Tracker(clocks: RulesDirectory.rules.clocks)
    let today = isoDay("2025-12-01")

    func pep(_ child: String, meeting: String?, received: String, qa: String? = nil, onRecord: String? = nil) -> PEPProgress {
        PEPProgress(
            submissionID: Int64(abs(child.hashValue % 10_000)), childID: child, meetingDate: meeting.map(isoDay),
            receivedOn: isoDay(received), qaCompletedOn: qa.map(isoDay), onRecordOn: onRecord.map(isoDay))
    }

    func state(_ child: String, in rows: [Tracker.Row]) -> TrackerState? {
        rows.first { $0.childID == child }?.state
    }

    @Test func everyChildOnTheRegisterHasOneStateAndTheLateComeFirst() {
        let roster = [
            RosterEntry(childID: "A"), RosterEntry(childID: "B", nextMeeting: isoDay("2025-12-10")),
            RosterEntry(childID: "C", nextMeeting: isoDay("2025-11-26")),
            RosterEntry(childID: "D", nextMeeting: isoDay("2025-11-05")),
            RosterEntry(childID: "E"), RosterEntry(childID: "F"), RosterEntry(childID: "G"), RosterEntry(childID: "H"),
            RosterEntry(childID: "I", nextMeeting: isoDay("2026-01-20")),
        ]
        let progress = [
            pep("E", meeting: "2025-11-24", received: "2025-11-25"),
            pep("F", meeting: "2025-11-03", received: "2025-11-10"),
            pep("G", meeting: "2025-10-08", received: "2025-10-15", qa: "2025-10-20"),
            pep("H", meeting: "2025-10-08", received: "2025-10-15", qa: "2025-10-20", onRecord: "2025-10-21"),
        ]
        let rows = tracker.rows(term: .autumn, academicYear: AcademicYear(startYear: 2025), roster: roster, progress: progress, today: today)
        #expect(rows.count == 9)
        #expect(state("A", in: rows) == .noMeetingPlanned)
        #expect(state("B", in: rows) == .meetingPlanned(on: isoDay("2025-12-10")))
        // Held on Wed 26 Nov: 10 working days is 10 Dec, but autumn's completion date is 28 Nov,
        // so by Mon 1 Dec it is already overdue.
        #expect(state("C", in: rows) == .awaitingPEP(meeting: isoDay("2025-11-26"), due: isoDay("2025-11-28"), overdue: true))
        #expect(state("D", in: rows) == .awaitingPEP(meeting: isoDay("2025-11-05"), due: isoDay("2025-11-19"), overdue: true))
        #expect(state("E", in: rows) == .qaDue(by: isoDay("2025-12-08")))
        // QA counted from the meeting (3 Nov -> 17 Nov), not from receipt (10 Nov -> 24 Nov).
        #expect(state("F", in: rows) == .qaOverdue(since: isoDay("2025-11-17")))
        #expect(state("G", in: rows) == .qaComplete(on: isoDay("2025-10-20")))
        #expect(state("H", in: rows) == .onCaseRecord(on: isoDay("2025-10-21")))
        #expect(state("I", in: rows) == .noMeetingPlanned, "a meeting planned in another term does not count for this one")
        #expect(rows.prefix(3).map(\.childID) == ["C", "D", "F"], "overdue first: missing PEPs, then late QA")
    }

    @Test func aPEPFromAChildNotOnTheRegisterIsStillShown() {
        let rows = tracker.rows(
            term: .autumn, academicYear: AcademicYear(startYear: 2025), roster: [],
            progress: [pep("Z", meeting: "2025-11-24", received: "2025-11-25")], today: today)
        #expect(rows.map(\.childID) == ["Z"])
        #expect(rows.first?.onRegister == false)
    }

    @Test func withoutAMeetingDateTheQAClockRunsFromReceipt() {
        #expect(tracker.state(of: pep("X", meeting: nil, received: "2025-11-24"), today: today) == .qaDue(by: isoDay("2025-12-08")))
    }

    @Test func anInitialPEPIsDueInSchoolDaysAndLeavesTheListOnceHeld() {
        let roster = [
            // Entered care on the Monday before half-term: 4 school days, half-term, then 16 more.
            RosterEntry(childID: "K", enteredCare: isoDay("2025-10-20")),
            // Entered care in the summer holidays: the count starts with the autumn term.
            RosterEntry(childID: "L", enteredCare: isoDay("2025-08-15")),
            RosterEntry(childID: "M", enteredCare: isoDay("2025-11-20")),
            RosterEntry(childID: "N"),
        ]
        let progress = [
            pep("L", meeting: "2025-09-30", received: "2025-10-01"),
            pep("M", meeting: "2025-11-10", received: "2025-11-11"),  // before entering care: not the initial PEP
        ]
        let list = tracker.initialPEPs(roster: roster, progress: progress, today: today)
        #expect(list.map(\.childID) == ["K", "M"])
        #expect(list[0].due == isoDay("2025-11-24"))
        #expect(list[0].overdue)
        #expect(list[1].overdue == false)
        #expect(list[1].schoolDaysInCare == 7)
    }

    /// The sample term by hand: 20 PEPs with their meeting and receipt dates, 15 children on
    /// the register of whom 10 sent one. Late: LA100010 (meeting 24 Sep, received 27 Oct),
    /// LA100012 (8 Oct, 29 Oct, due 22 Oct) and EC571588 (24 Nov, received 1 Dec after the 28
    /// Nov completion date). So 17 of 25 due were on time: 68.0%.
    @Test func onTimeFiguresMatchAHandCountOfTheSampleTerm() {
        let dates: [(String, String, String)] = [
            ("LA100010", "2025-09-24", "2025-10-27"), ("EC743782", "2025-10-06", "2025-10-13"),
            ("EC618032", "2025-10-07", "2025-10-14"), ("LA100001", "2025-10-08", "2025-10-15"),
            ("LA100002", "2025-10-08", "2025-10-20"), ("LA100003", "2025-10-08", "2025-10-16"),
            ("LA100004", "2025-10-08", "2025-10-17"), ("LA100006", "2025-10-08", "2025-10-21"),
            ("LA100009", "2025-10-08", "2025-10-15"), ("LA100012", "2025-10-08", "2025-10-29"),
            ("LA100005", "2025-10-08", "2025-10-22"), ("EC943971", "2025-10-08", "2025-10-15"),
            ("LA100007", "2025-10-13", "2025-10-20"), ("EC254308", "2025-10-21", "2025-10-28"),
            ("EC128245", "2025-10-25", "2025-10-31"), ("VS-104233", "2025-11-04", "2025-11-07"),
            ("EC492958", "2025-11-05", "2025-11-12"), ("VS-108761", "2025-11-10", "2025-11-12"),
            ("VS-110415", "2025-11-13", "2025-11-13"), ("EC571588", "2025-11-24", "2025-12-01"),
        ]
        var progress = dates.map { pep($0.0, meeting: $0.1, received: $0.2) }
        // Two QAs: one within 10 working days of its meeting, one after.
        progress[3].qaCompletedOn = isoDay("2025-10-22")
        progress[4].qaCompletedOn = isoDay("2025-10-23")
        let register = (1...15).map { RosterEntry(childID: String(format: "LA1000%02d", $0)) }
        let statistics = TermStatistics(
            term: .autumn, academicYear: AcademicYear(startYear: 2025), register: register,
            facts: .init(progress: progress, peps: [], criteria: [], funding: []), clocks: RulesDirectory.rules.clocks)
        func value(_ name: String) -> String? { statistics.measures.first { $0.groupKind == "all" && $0.name == name }?.value }
        #expect(value("peps_due") == "25")
        #expect(value("peps_received") == "20")
        #expect(value("received_on_time") == "17")
        #expect(value("received_on_time_pct_of_due") == "68.0")
        #expect(value("qa_completed") == "2")
        #expect(value("qa_on_time") == "1")
        #expect(value("qa_on_time_pct_of_received") == "5.0")
    }

    @Test func ratingsCountByPhaseAndSchoolAndFundingByIntervention() {
        let peps = [
            StatisticsFacts.PEP(submissionID: 1, childID: "A", schoolURN: "1", schoolName: "Oak", yearGroup: "N2", quality: .green, compliance: .green),
            StatisticsFacts.PEP(submissionID: 2, childID: "B", schoolURN: "1", schoolName: "Oak", yearGroup: "9", quality: .red, compliance: .amber),
            StatisticsFacts.PEP(submissionID: 3, childID: "C", schoolURN: "2", schoolName: "Ash", yearGroup: nil, quality: .amber, compliance: .green),
        ]
        let funding = [
            StatisticsFacts.Funding(schoolURN: "1", intervention: "Maths tutoring", requested: Pence(30_000), approved: Pence(30_000), held: .zero, paid: Pence(30_000)),
            StatisticsFacts.Funding(schoolURN: "2", intervention: "maths  TUTORING", requested: Pence(20_000), approved: Pence(5_000), held: Pence(15_000), paid: .zero),
        ]
        let statistics = TermStatistics(
            term: .autumn, academicYear: AcademicYear(startYear: 2025), register: [],
            facts: .init(progress: [], peps: peps, criteria: [.init(criterionID: "VOICE-01", assessed: 3, failed: 2)], funding: funding),
            clocks: RulesDirectory.rules.clocks)
        func value(_ kind: String, _ group: String, _ name: String) -> String? {
            statistics.measures.first { $0.groupKind == kind && $0.group == group && $0.name == name }?.value
        }
        #expect(value("phase", "Early years", "quality_green") == "1")
        #expect(value("phase", "Secondary", "quality_red") == "1")
        #expect(value("phase", "Year group not given", "quality_amber") == "1")
        #expect(value("school", "Oak", "compliance_amber") == "1")
        #expect(value("school", "Oak", "compliance_green") == "1")
        #expect(value("criterion", "VOICE-01", "failed") == "2")
        #expect(value("intervention", "maths tutoring", "ppplus_requested") == "500.00")
        #expect(value("intervention", "maths tutoring", "ppplus_paid") == "300.00")
        // One school, one row: its PP+ joins its ratings under its name.
        #expect(value("school", "Ash", "ppplus_held") == "150.00")
        #expect(value("school", "2", "ppplus_held") == nil)
        #expect(value("all", "", "received_on_time_pct_of_due") == "", "nothing due: no percentage, not 0 or a crash")
    }

    @Test func theCaseSystemExportSkipsABadRowAndSaysWhichLine() throws {
        let text = """
            child_la_id,entered_care,next_pep_meeting,designated_teacher_email
            LA1,2025-09-14,,dt@school.example
            LA2,31/02/2025,,
            ,2025-09-14,,
            LA3,,14/11/2025,
            LA1,,,
            """
        let read = try RosterLoader.tolerant(text, file: "export.csv")
        #expect(read.entries.map(\.childID) == ["LA1", "LA3"])
        #expect(read.entries[0].enteredCare == isoDay("2025-09-14"))
        #expect(read.entries[0].designatedTeacherEmail == "dt@school.example")
        #expect(read.entries[1].nextMeeting == isoDay("2025-11-14"))
        #expect(read.problems.map(\.description) == [
            "export.csv:3: entered_care is not a date (write 2025-09-14 or 14/09/2025)",
            "export.csv:4: child_la_id is empty",
            "export.csv:6: child_la_id LA1 is listed twice (first on line 2)",
        ])
        // The register under Rules/ is strict: the first bad row stops the start.
        #expect(throws: OutputConfigError.self) { _ = try RosterLoader.parse(text, file: "roster.csv") }
    }

    @Test func theShippedRegisterReadsWithItsClockDates() throws {
        let entries = try RosterLoader.load(contentsOf: RulesDirectory.shipped.appendingPathComponent("roster.csv"))
        #expect(entries.count == 15)
        #expect(entries.first { $0.childID == "LA100014" }?.enteredCare == isoDay("2025-10-20"))
        #expect(entries.first { $0.childID == "LA100013" }?.nextMeeting == isoDay("2025-11-05"))
    }
}
