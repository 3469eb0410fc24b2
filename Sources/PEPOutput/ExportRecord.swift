import Foundation
import PEPModel

/// One Eclipse/ICS record for one rated submission (research §7.2). The pipeline fills it from
/// the ledger; whether it is `new` or an `update` (a superseded or re-rated PEP) is the ledger's
/// decision, passed in as `kind`.
package struct ExportRecord: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable, CaseIterable { case new, update }
    /// Draft / Returned (Red) / Approved, as the case system's episode status.
    package enum Status: String, Sendable, Hashable, CaseIterable {
        case draft = "Draft", returned = "Returned", approved = "Approved"

        /// Returned when the quality is Red or it could not be assessed, else Approved.
        package static func from(quality: Rating, assessable: Bool) -> Status {
            !assessable || quality == .red ? .returned : .approved
        }
    }

    package var personID: String
    package var upn: String?
    package var pepType: PEPType?
    package var term: Term?
    package var academicYear: String?
    package var meetingDate: CalendarDate?
    package var receivedDate: CalendarDate
    package var qaDate: CalendarDate
    package var qaOutcome: Rating
    package var qaCompliance: Rating
    package var status: Status
    package var nextPEPDue: CalendarDate?
    package var settingURN: String?
    package var settingName: String?
    package var designatedTeacher: String?
    package var attendancePercent: Decimal?
    package var senStatus: SENStatus?
    package var ppPlusRequested: Pence
    package var ppPlusApproved: Pence
    package var documentHash: String
    package var kind: Kind
    /// Who completed QA: the coordinator who confirmed the ratings.
    package var qaOfficer: String?

    package init(
        personID: String, upn: String? = nil, pepType: PEPType? = nil, term: Term? = nil, academicYear: String? = nil,
        meetingDate: CalendarDate? = nil, receivedDate: CalendarDate, qaDate: CalendarDate, qaOutcome: Rating,
        qaCompliance: Rating, status: Status, nextPEPDue: CalendarDate? = nil, settingURN: String? = nil,
        settingName: String? = nil, designatedTeacher: String? = nil, attendancePercent: Decimal? = nil,
        senStatus: SENStatus? = nil, ppPlusRequested: Pence = .zero, ppPlusApproved: Pence = .zero, documentHash: String,
        kind: Kind
    ) {
        self.personID = personID
        self.upn = upn
        self.pepType = pepType
        self.term = term
        self.academicYear = academicYear
        self.meetingDate = meetingDate
        self.receivedDate = receivedDate
        self.qaDate = qaDate
        self.qaOutcome = qaOutcome
        self.qaCompliance = qaCompliance
        self.status = status
        self.nextPEPDue = nextPEPDue
        self.settingURN = settingURN
        self.settingName = settingName
        self.designatedTeacher = designatedTeacher
        self.attendancePercent = attendancePercent
        self.senStatus = senStatus
        self.ppPlusRequested = ppPlusRequested
        self.ppPlusApproved = ppPlusApproved
        self.documentHash = documentHash
        self.kind = kind
    }

    /// Fills a record from a QA report; `qaDate` is the run's date, `kind` the ledger's decision.
    package init(report: QAReport, qaDate: CalendarDate, kind: Kind) {
        let pep = report.pep
        let a = report.assessment
        self.init(
            personID: report.childID, upn: pep.child.upn?.value, pepType: pep.pep.type?.value, term: pep.pep.term?.value,
            academicYear: pep.pep.academicYear?.value, meetingDate: pep.meeting.date?.value, receivedDate: report.receivedOn,
            qaDate: qaDate, qaOutcome: a.quality, qaCompliance: a.compliance,
            status: .from(quality: a.quality, assessable: a.assessable), nextPEPDue: pep.meeting.nextDate?.value,
            settingURN: pep.school.urn?.value, settingName: pep.school.name?.value,
            designatedTeacher: pep.school.designatedTeacher.name?.value, attendancePercent: pep.attendance.percentage?.value,
            senStatus: pep.child.send.status?.value, ppPlusRequested: a.totalRequested, ppPlusApproved: a.totalApproved,
            documentHash: report.sha256, kind: kind)
    }
}
