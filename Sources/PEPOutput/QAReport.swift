import PEPModel

/// Everything a per-PEP QA report shows: the submission, the PEP as read, and its assessment.
package struct QAReport: Sendable, Hashable {
    package var submissionID: Int64?
    package var fileName: String
    package var sha256: String
    package var format: DocumentFormat
    package var receivedOn: CalendarDate
    package var sender: String?
    package var pep: PEP
    package var assessment: Assessment
    /// File name of the earlier submission this one replaces, if any.
    package var supersedes: String?

    package init(
        submissionID: Int64? = nil, fileName: String, sha256: String, format: DocumentFormat, receivedOn: CalendarDate,
        sender: String? = nil, pep: PEP, assessment: Assessment, supersedes: String? = nil
    ) {
        self.submissionID = submissionID
        self.fileName = fileName
        self.sha256 = sha256
        self.format = format
        self.receivedOn = receivedOn
        self.sender = sender
        self.pep = pep
        self.assessment = assessment
        self.supersedes = supersedes
    }

    /// The child's LA ID, or a stand-in naming the file when the PEP gives none.
    package var childID: String { pep.child.laId?.value ?? "unknown" }

    /// A file-name stem unique to this submission and stable across runs:
    /// `<child id>-<term>-<year>-<sha256 prefix>`, with anything unsafe replaced.
    package var reportStem: String {
        Self.reportStem(
            childID: pep.child.laId?.value, term: pep.pep.term?.value.rawValue, academicYear: pep.pep.academicYear?.value,
            sha256: sha256)
    }

    /// The stem from the values as the PEP gives them (nil when not given), so that a listing
    /// read from the ledger names a report without decoding its PEP.
    package static func reportStem(childID: String?, term: String?, academicYear: String?, sha256: String) -> String {
        let parts = [childID ?? "unknown", term ?? "term", academicYear ?? "year", String(sha256.prefix(10))]
        return parts.joined(separator: "-").map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }.reduce(into: "") {
            $0.append($1)
        }
    }
}
