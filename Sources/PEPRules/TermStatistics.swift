import Foundation
import PEPModel

/// The Virtual School Head's figures for one term, counted from the ledger's facts with the
/// clocks: what goes into the annual report and to Ofsted.
///
/// Every figure is one `Measure` (a name, what it is grouped by, a value), so the CSV is one
/// tidy table that a spreadsheet can pivot, and the same names line up across terms for trends.
/// Percentages say what they are a percentage of in their name.
package struct TermStatistics: Sendable, Hashable {
    package typealias Measure = StatisticsFigure

    package var term: Term
    package var academicYear: AcademicYear
    package var measures: [Measure]

    /// What the ledger says of one term.
    package struct Facts: Sendable {
        package var progress: [PEPProgress]
        package var peps: [StatisticsFacts.PEP]
        package var criteria: [StatisticsFacts.Criterion]
        package var funding: [StatisticsFacts.Funding]

        package init(
            progress: [PEPProgress], peps: [StatisticsFacts.PEP], criteria: [StatisticsFacts.Criterion],
            funding: [StatisticsFacts.Funding]
        ) {
            (self.progress, self.peps, self.criteria, self.funding) = (progress, peps, criteria, funding)
        }
    }

    /// Counts the term.
    ///
    /// - PEPs due: the children on the register, with any child whose PEP for the term arrived
    ///   without being on it (the register is who is in care now, so a past term's count is the
    ///   register's today plus those PEPs).
    /// - Received on time: by the submission clock (within its working days of the meeting and
    ///   by the term's completion date); a PEP that gives no meeting date cannot be on time.
    /// - QA'd on time: QA completed by the QA clock (its working days from the meeting).
    package init(term: Term, academicYear: AcademicYear, register: [RosterEntry], facts: Facts, clocks: Clocks) {
        self.term = term
        self.academicYear = academicYear
        let termDates = clocks.calendar.dates(of: term, in: academicYear.description)
        var measures: [Measure] = []
        func add(_ name: String, _ value: some CustomStringConvertible, kind: String = "all", group: String = "") {
            measures.append(
                Measure(
                    academicYear: academicYear.description, term: term, groupKind: kind, group: group, name: name,
                    value: value.description))
        }
        let children = Set(register.map(\.childID)).union(facts.progress.map(\.childID))
        let due = children.count
        let received = facts.progress.count
        let receivedOnTime = facts.progress.filter { pep in
            guard let meeting = pep.meetingDate else { return false }
            return pep.receivedOn <= clocks.submissionDue(meeting: meeting, term: termDates)
        }.count
        let qaCompleted = facts.progress.filter { $0.qaCompletedOn != nil }.count
        let qaOnTime = facts.progress.filter { pep in
            guard let done = pep.qaCompletedOn else { return false }
            return done <= clocks.qaDue(meeting: pep.meetingDate ?? pep.receivedOn)
        }.count
        add("peps_due", due)
        add("peps_received", received)
        add("received_on_time", receivedOnTime)
        add("received_on_time_pct_of_due", Self.percent(receivedOnTime, of: due))
        add("qa_completed", qaCompleted)
        add("qa_on_time", qaOnTime)
        add("qa_on_time_pct_of_received", Self.percent(qaOnTime, of: received))

        func ratings(kind: String, key: (Int) -> String) {
            var counts: [String: [String: Int]] = [:]
            for (index, pep) in facts.peps.enumerated() {
                counts[key(index), default: [:]]["quality_\(pep.quality.rawValue)", default: 0] += 1
                counts[key(index), default: [:]]["compliance_\(pep.compliance.rawValue)", default: 0] += 1
            }
            for group in counts.keys.sorted() {
                for axis in ["quality", "compliance"] {
                    for rating in Rating.allCases {
                        add("\(axis)_\(rating.rawValue)", counts[group]?["\(axis)_\(rating.rawValue)"] ?? 0, kind: kind, group: group)
                    }
                }
            }
        }
        ratings(kind: "school") { facts.peps[$0].schoolName ?? facts.peps[$0].schoolURN ?? "unknown" }
        ratings(kind: "phase") { index in
            facts.peps[index].yearGroup.flatMap(YearGroup.parse).map { SchoolPhase($0).label } ?? "Year group not given"
        }
        for criterion in facts.criteria {
            add("assessed", criterion.assessed, kind: "criterion", group: criterion.criterionID)
            add("failed", criterion.failed, kind: "criterion", group: criterion.criterionID)
        }
        var bySchool: [String: [Pence]] = [:]
        var byIntervention: [String: [Pence]] = [:]
        // Funding rows carry the URN; the ratings are grouped by the school's name, so one
        // school is one row of the by-school table, not two.
        var schoolNames: [String: String] = [:]
        for pep in facts.peps {
            if let urn = pep.schoolURN, let name = pep.schoolName, !name.isEmpty { schoolNames[urn] = name }
        }
        for row in facts.funding {
            let amounts = [row.requested, row.approved, row.paid, row.held]
            let school = schoolNames[row.schoolURN] ?? row.schoolURN
            bySchool[school] = zip(bySchool[school] ?? [.zero, .zero, .zero, .zero], amounts).map { $0 + $1 }
            let type = TextFolding.key(row.intervention)
            byIntervention[type] = zip(byIntervention[type] ?? [.zero, .zero, .zero, .zero], amounts).map { $0 + $1 }
        }
        for (kind, table) in [("school", bySchool), ("intervention", byIntervention)] {
            for group in table.keys.sorted() {
                for (name, amount) in zip(["ppplus_requested", "ppplus_approved", "ppplus_paid", "ppplus_held"], table[group]!) {
                    add(name, amount.decimalString, kind: kind, group: group.isEmpty ? "unknown" : group)
                }
            }
        }
        self.measures = measures
    }

    /// `12.5` for 1 of 8; empty when there is nothing to divide by.
    package static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10)"
    }
}
