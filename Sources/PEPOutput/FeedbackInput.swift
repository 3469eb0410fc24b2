import Foundation
import PEPModel

/// Everything a feedback e-mail about one rated PEP says: the pipeline fills it from the
/// ledger (or from a `QAReport`). Dates and the sending time are inputs, never the clock.
package struct FeedbackInput: Sendable, Hashable {
    /// A failed criterion as the school reads it.
    package struct FailedCriterion: Sendable, Hashable {
        package var id: String
        package var title: String
        package var severity: Severity
        package var feedback: String

        package init(id: String, title: String, severity: Severity, feedback: String) {
            (self.id, self.title, self.severity, self.feedback) = (id, title, severity, feedback)
        }
    }

    package var childID: String
    /// Shown in the body only (both readers know the child); never in the subject or file name.
    package var childFirstName: String
    package var schoolName: String
    package var term: Term?
    package var academicYear: String
    package var pepType: PEPType?
    package var meetingDate: CalendarDate?
    package var receivedOn: CalendarDate
    package var assessable: Bool
    package var quality: Rating
    package var compliance: Rating
    package var failed: [FailedCriterion]
    /// PP+ decisions: shown to the Designated Teacher only.
    package var funding: [FundingDecision]
    package var designatedTeacher: EmailAddress?
    package var socialWorker: EmailAddress?
    /// The address the PEP gave, when the register's was used instead (`address(from:)`).
    package var designatedTeacherPEPAddress: String?
    package var socialWorkerPEPAddress: String?
    /// The report's file stem, so a reply can name it.
    package var reportStem: String
    package var sentAt: Date

    package init(
        childID: String, childFirstName: String, schoolName: String, term: Term?, academicYear: String, pepType: PEPType?,
        meetingDate: CalendarDate?, receivedOn: CalendarDate, assessable: Bool, quality: Rating, compliance: Rating,
        failed: [FailedCriterion], funding: [FundingDecision], designatedTeacher: EmailAddress?, socialWorker: EmailAddress?,
        reportStem: String, sentAt: Date
    ) {
        self.childID = childID
        self.childFirstName = childFirstName
        self.schoolName = schoolName
        self.term = term
        self.academicYear = academicYear
        self.pepType = pepType
        self.meetingDate = meetingDate
        self.receivedOn = receivedOn
        self.assessable = assessable
        self.quality = quality
        self.compliance = compliance
        self.failed = failed
        self.funding = funding
        self.designatedTeacher = designatedTeacher
        self.socialWorker = socialWorker
        self.reportStem = reportStem
        self.sentAt = sentAt
    }

    /// Fills the input from a QA report: names and addresses as the PEP gives them.
    package init(report: QAReport, sentAt: Date) {
        let pep = report.pep
        let a = report.assessment
        func address(_ c: PEP.Contact) -> EmailAddress? {
            guard let email = c.email?.value, EmailAddress.isPlausible(email) else { return nil }
            return EmailAddress(name: c.name?.value ?? "", address: email)
        }
        self.init(
            childID: report.childID, childFirstName: pep.child.firstName?.value ?? "", schoolName: pep.school.name?.value ?? "",
            term: pep.pep.term?.value, academicYear: pep.pep.academicYear?.value ?? "", pepType: pep.pep.type?.value,
            meetingDate: pep.meeting.date?.value, receivedOn: report.receivedOn, assessable: a.assessable, quality: a.quality,
            compliance: a.compliance,
            failed: a.failed.map {
                FailedCriterion(id: $0.id, title: $0.title, severity: $0.severity, feedback: $0.feedback ?? $0.title)
            },
            funding: a.funding, designatedTeacher: address(pep.school.designatedTeacher), socialWorker: address(pep.socialWorker),
            reportStem: report.reportStem, sentAt: sentAt)
    }

    /// Sends to the register's addresses where they differ from the PEP's. The register of
    /// children looked after is the Virtual School's own record, kept from the case system; a
    /// form is typed at the school and often carries last year's social worker or a personal
    /// address. The PEP's address is kept, so the e-mail can say which was used and why.
    package mutating func address(from entry: RosterEntry?) {
        guard let entry else { return }
        func pick(_ pepAddress: EmailAddress?, _ registered: String) -> (EmailAddress?, String?) {
            let registered = registered.trimmingCharacters(in: .whitespaces)
            guard EmailAddress.isPlausible(registered) else { return (pepAddress, nil) }
            guard let pepAddress else { return (EmailAddress(address: registered), nil) }
            guard pepAddress.address.lowercased() != registered.lowercased() else { return (pepAddress, nil) }
            return (EmailAddress(name: pepAddress.name, address: registered), pepAddress.address)
        }
        (designatedTeacher, designatedTeacherPEPAddress) = pick(designatedTeacher, entry.designatedTeacherEmail)
        (socialWorker, socialWorkerPEPAddress) = pick(socialWorker, entry.socialWorkerEmail)
    }
}
