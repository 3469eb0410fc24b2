import Foundation
import GRDB
import PEPModel

/// A rating run as the ledger stores it, with its submission and canonical PEP: everything a
/// QA report, a feedback e-mail or an export record is made from, so that any of them can be
/// made again from the ledger alone (after a crash, or on a later run).
package struct StoredRating: Sendable, Hashable {
    package var submissionID: Int64
    package var runID: Int64
    package var fileName: String
    package var sha256: String
    package var format: DocumentFormat?
    /// When it reached the inbox: the submission clock's start.
    package var receivedAt: Date
    /// Evidence of the sender's own times: the drop file's modification time, the e-mail's `Date:`.
    package var fileModifiedAt: Date? = nil
    package var sentAt: Date? = nil
    package var sender: String?
    /// The PEP as `pepqa extract` prints it (a valid `pep/1` JSON submission).
    package var canonicalJSON: String
    package var assessment: Assessment
    /// When the run was recorded: the QA date.
    package var ratedAt: Date
}

/// A few values of a stored PEP, read with SQL from its canonical JSON, for listings (the
/// dashboard, the report check) that must not decode every PEP on every cycle. Each is the
/// value as the PEP gives it (nil when not given).
package struct PEPHeadline: Sendable, Hashable {
    package var childID: String?
    package var firstName: String?
    package var lastName: String?
    /// `autumn`, `spring` or `summer` as stored (the canonical JSON's raw value).
    package var term: String?
    package var academicYear: String?
    package var schoolName: String?

    package init(
        childID: String? = nil, firstName: String? = nil, lastName: String? = nil, term: String? = nil,
        academicYear: String? = nil, schoolName: String? = nil
    ) {
        (self.childID, self.firstName, self.lastName, self.term, self.academicYear, self.schoolName) = (
            childID, firstName, lastName, term, academicYear, schoolName
        )
    }

    /// What `pep.headline` holds, in order: one `json_extract` of these paths of the canonical
    /// JSON, a JSON array, made when the PEP is recorded (ledger v14). The lists and the
    /// statistics read these for every PEP of a term on every publish; taking each from the
    /// whole canonical JSON parsed it again each time (six times a row for the dashboard).
    /// Never reorder or change: ledger v14 filled the column with these paths.
    static let paths = [
        "$.child.la_id", "$.child.first_name", "$.child.last_name", "$.pep.term", "$.pep.academic_year", "$.school.name",
        "$.child.year_group",
    ]

    /// The SQL that makes a headline from canonical JSON `json` (a column or a parameter).
    static func extract(from json: String) -> String {
        "json_extract(\(json), " + paths.map { "'\($0)'" }.joined(separator: ", ") + ")"
    }

    /// `pep p` read from the index `pep_headline` alone (ledger v16): for a query that reads
    /// only `p.school_urn`, `p.meeting_date` and the headline, a few index pages for a term's
    /// PEPs instead of a page for each (a row holds the whole canonical JSON).
    static let pep = "pep p INDEXED BY pep_headline"

    /// One field of `p.headline`, by its path.
    static func field(_ path: String) -> String {
        guard let index = paths.firstIndex(of: path) else { preconditionFailure("no headline field \(path)") }
        return "json_extract(p.headline, '$[\(index)]')"
    }

    /// The SELECT list that fills a headline from `pep p`.
    static let columns = """
        \(field("$.child.la_id")) AS h_child, \(field("$.child.first_name")) AS h_first,
        \(field("$.child.last_name")) AS h_last, \(field("$.pep.term")) AS h_term,
        \(field("$.pep.academic_year")) AS h_year, \(field("$.school.name")) AS h_school
        """

    /// The headline from a row that selected `columns`.
    init(row: Row) {
        self.init(
            childID: row["h_child"], firstName: row["h_first"], lastName: row["h_last"], term: row["h_term"],
            academicYear: row["h_year"], schoolName: row["h_school"])
    }
}

/// A rated submission's identity and headline: enough to name its report files.
package struct SubmissionHeadline: Sendable, Hashable {
    package var submissionID: Int64
    package var sha256: String
    package var headline: PEPHeadline
}
