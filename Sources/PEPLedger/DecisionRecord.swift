import Foundation
import GRDB
import PEPModel

/// A funding decision as the ledger holds it: what finance outputs and reports read.
package struct DecisionRecord: Sendable, Hashable {
    package enum Status: String, Sendable, Hashable {
        case approved, held, superseded
    }

    package var id: Int64
    package var submissionID: Int64
    package var runID: Int64
    package var childLAID: String?
    package var schoolURN: String?
    package var term: Term?
    package var academicYear: AcademicYear?
    package var financialYear: FinancialYear?
    package var requestIndex: Int
    package var intervention: String
    package var requested: Pence
    package var approved: Pence
    package var status: Status
    package var reason: FundingDecision.HoldReason?
    package var note: String
    package var createdAt: Date
    /// The payment batch it is on, if any.
    package var batchID: Int64?
    /// The Virtual School Head's latest verdict and the amount it approves (nil: undecided).
    /// Only an approving verdict pays, for exactly its amount: the machine's status and
    /// amount are a recommendation.
    package var vshVerdict: PPPlusVerdict? = nil
    package var vshAmount: Pence? = nil

    /// `S000123-R1`: the submission and the request's number in the PEP (1-based), as the
    /// finance files, the PP+ page and `pepqa finance reverse` name a request.
    package var reference: String {
        let id = String(submissionID)
        return "S" + String(repeating: "0", count: max(0, 6 - id.count)) + id + "-R\(requestIndex + 1)"
    }

    /// What a finance run pays for it: the VSH's approved amount, when the VSH approved.
    package var payable: Pence? { vshVerdict?.approves == true ? vshAmount : nil }

    /// Columns of `funding_decision d` plus `b.batch_id` (from a LEFT JOIN on `batch_item b`).
    static let columns = """
        d.id, d.submission_id, d.run_id, d.child_la_id, d.school_urn, d.term, d.academic_year,
        d.financial_year, d.request_index, d.intervention, d.requested_pence, d.approved_pence,
        d.status, d.reason, d.note, d.created_at, b.batch_id, \(latestVerdict)
        """

    /// The latest VSH verdict on `d` and its amount, as `vsh_verdict` and `vsh_amount`.
    static let latestVerdict = """
        (SELECT v.verdict FROM ppplus_verdict v WHERE v.decision_id = d.id ORDER BY v.id DESC LIMIT 1) AS vsh_verdict,
        (SELECT v.amount_pence FROM ppplus_verdict v WHERE v.decision_id = d.id ORDER BY v.id DESC LIMIT 1) AS vsh_amount
        """
}

// In an extension, so the (internal) memberwise initialiser stays for tests.
extension DecisionRecord {
    init(row: Row) throws {
        id = row["id"]
        submissionID = row["submission_id"]
        runID = row["run_id"]
        childLAID = row["child_la_id"]
        schoolURN = row["school_urn"]
        term = (row["term"] as String?).flatMap(Term.init(rawValue:))
        academicYear = (row["academic_year"] as String?).flatMap { AcademicYear(parsing: $0) }
        financialYear = (row["financial_year"] as String?).flatMap { FinancialYear(parsing: $0) }
        requestIndex = row["request_index"]
        intervention = row["intervention"]
        requested = Pence(row["requested_pence"])
        approved = Pence(row["approved_pence"])
        let statusText: String = row["status"]
        guard let status = Status(rawValue: statusText) else {
            throw LedgerError.inconsistent("decision \(id) has an unknown status")
        }
        self.status = status
        reason = (row["reason"] as String?).flatMap(FundingDecision.HoldReason.init(rawValue:))
        note = row["note"]
        createdAt = row["created_at"]
        batchID = row["batch_id"]
        vshVerdict = (row["vsh_verdict"] as String?).flatMap(PPPlusVerdict.init(rawValue:))
        vshAmount = (row["vsh_amount"] as Int?).map { Pence($0) }
    }
}
