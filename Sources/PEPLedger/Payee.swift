import Foundation
import PEPModel

/// Who and what a PEP's money is for: copied onto each funding decision, so that finance
/// queries never re-read the PEP.
struct Payee {
    var key: SubmissionKey?
    var childLAID: String?
    var schoolURN: String?
    var financialYear: FinancialYear?

    init(pep: PEP, key: SubmissionKey?, meetingDate: CalendarDate?) {
        self.key = key
        childLAID = SubmissionKey.childID(pep)
        let urn = pep.school.urn?.value.trimmingCharacters(in: .whitespacesAndNewlines)
        schoolURN = (urn?.isEmpty ?? true) ? nil : urn
        financialYear = key?.financialYear(meetingDate: meetingDate)
    }

    /// An approved decision needs a child, a school, a term and a year to be paid against;
    /// the schema refuses it otherwise, and this says which field is missing first.
    func check(_ decisions: [FundingDecision], file: String) throws {
        guard let approved = decisions.first(where: { $0.status == .approved }) else { return }
        let missing: String?
        if childLAID == nil {
            missing = "child.la_id"
        } else if schoolURN == nil {
            missing = "school.urn"
        } else if key == nil {
            missing = "pep.term or pep.academic_year"
        } else {
            missing = nil
        }
        if let missing {
            throw LedgerError.approvalWithoutPayee(file: file, requestIndex: approved.requestIndex, missing: missing)
        }
    }
}
