import PEPModel

/// The child, term and academic year a PEP is for: the key on which a later submission
/// supersedes an earlier one, and on which history is looked up. Internal: only the ledger
/// keys on it.
struct SubmissionKey: Sendable, Hashable {
    var childLAID: String
    var term: Term
    var academicYear: AcademicYear

    /// The financial year this PEP's money counts against (see `FinancialYear`).
    func financialYear(meetingDate: CalendarDate?) -> FinancialYear {
        FinancialYear.of(term: term, academicYear: academicYear, meetingDate: meetingDate)
    }
}

// In an extension, so that the memberwise initialiser stays.
extension SubmissionKey {
    /// The key of a PEP, or nil when its child ID, term or academic year is missing or
    /// unreadable (such a PEP is recorded but supersedes nothing).
    init?(pep: PEP) {
        guard let id = Self.childID(pep), let term = pep.pep.term?.value,
            let yearText = pep.pep.academicYear?.value, let year = AcademicYear(parsing: yearText)
        else { return nil }
        self.init(childLAID: id, term: term, academicYear: year)
    }

    /// `child.la_id`, trimmed; nil when blank.
    static func childID(_ pep: PEP) -> String? {
        guard let raw = pep.child.laId?.value else { return nil }
        let id = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return id.isEmpty ? nil : id
    }
}
