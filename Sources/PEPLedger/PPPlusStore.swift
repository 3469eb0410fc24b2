import Foundation
import GRDB
import PEPModel

/// The Virtual School Head's decisions on PP+ requests. The machine's `funding_decision` is a
/// recommendation; only a request whose latest verdict here approves is paid, for exactly the
/// amount approved (the schema's trigger on `batch_item` enforces it whatever the Swift does).
///
/// A request is decided only once QA of its PEP is complete; a PEP confirmed Red at QA keeps
/// its requests unapproved unless the VSH records an exception with a reason; a child not on
/// the register, or not of statutory school age, cannot be approved; a school that differs
/// from the register's must be acknowledged. Every verdict is appended with who and when, and
/// audited in the same transaction.
package struct PPPlusStore: Sendable {
    let database: any DatabaseWriter

    /// Every current request (its PEP not superseded) and every paid one, newest PEP first.
    package func requests() throws -> [PPPlusRequest] {
        try database.read { db in try Self.requests(where: "d.status <> 'superseded' OR b.decision_id IS NOT NULL", [], db) }
    }

    /// One request, current or not.
    package func request(decisionID: Int64) throws -> PPPlusRequest? {
        try database.read { db in try Self.requests(where: "d.id = ?", [decisionID], db).first }
    }

    /// Every verdict on a request, oldest first.
    package func verdicts(decisionID: Int64) throws -> [VerdictRecord] {
        try database.rows(
            """
            SELECT v.*, u.name AS user_name FROM ppplus_verdict v JOIN app_user u ON u.id = v.user_id
            WHERE v.decision_id = ? ORDER BY v.id
            """, [decisionID], Self.verdict(row:))
    }

    /// The approved (by the VSH, paid or not) PP+ of a child in an academic term and in a
    /// financial year, for the caps beside each request.
    package func approvedTotals(
        childLAID: String, term: Term, academicYear: AcademicYear, financialYear: FinancialYear?
    )
        throws -> (term: Pence, year: Pence)
    {
        try database.read { db in
            func sum(_ clause: String, _ arguments: StatementArguments) throws -> Pence {
                Pence(
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT COALESCE(SUM(\(PaymentStore.vshAmount)), 0) FROM funding_decision d
                            WHERE d.child_la_id = ? AND \(PaymentStore.vshApproved) AND (d.status <> 'superseded'
                                OR EXISTS (SELECT 1 FROM batch_item b WHERE b.decision_id = d.id)) AND \(clause)
                            """, arguments: [childLAID] + arguments) ?? 0)
            }
            return (
                try sum("d.term = ? AND d.academic_year = ?", [term.rawValue, academicYear.description]),
                try financialYear.map { try sum("d.financial_year = ?", [$0.description]) } ?? .zero
            )
        }
    }

    /// Records the VSH's verdicts, all or none, each audited.
    /// - Throws: `PPPlusError` naming the first request refused and why; nothing is recorded then.
    package func decide(_ inputs: [VerdictInput], by user: AppUser, at date: Date) throws {
        guard user.role == .vsh, !user.disabled else { throw PPPlusError.notVSH }
        try database.write { db in
            for input in inputs {
                let reason = input.reason.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !reason.isEmpty else { throw PPPlusError.emptyReason }
                guard let request = try Self.requests(where: "d.id = ?", [input.decisionID], db).first else {
                    throw PPPlusError.unknownRequest(input.decisionID)
                }
                let d = request.decision
                guard !request.paid else { throw PPPlusError.alreadyPaid(d.id) }
                guard d.status != .superseded else { throw PPPlusError.superseded(d.id) }
                guard request.qaComplete else { throw PPPlusError.qaNotComplete(d.id) }
                let amount: Pence
                switch input.verdict {
                case .approve: amount = d.requested
                case .partApprove:
                    guard input.amount > .zero, input.amount < d.requested else { throw PPPlusError.partAmount(d.id) }
                    amount = input.amount
                case .hold, .decline: amount = .zero
                }
                if input.verdict.approves {
                    if let why = input.eligibility.blockers.first { throw PPPlusError.notEligible(d.id, why) }
                    if let school = input.eligibility.registeredSchool, !input.schoolAcknowledged {
                        throw PPPlusError.schoolNotAcknowledged(d.id, school)
                    }
                    let red = request.confirmedQuality == .red || request.confirmedCompliance == .red
                    if red && !input.exception { throw PPPlusError.redNeedsException(d.id) }
                }
                try db.execute(
                    sql: """
                        INSERT INTO ppplus_verdict (decision_id, verdict, amount_pence, reason, exception,
                            school_acknowledged, user_id, at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        d.id, input.verdict.rawValue, amount.value, reason, input.exception, input.schoolAcknowledged,
                        user.id, date,
                    ])
                try AuditStore.append(
                    AuditEntry(
                        userID: user.id, actor: user.name, action: "ppplus.\(input.verdict.rawValue)",
                        submissionID: d.submissionID, subject: "PP+ request \(d.id)",
                        before: request.latest.map { "\($0.verdict.rawValue) \($0.amount.display)" } ?? "undecided",
                        after: "\(input.verdict.rawValue) \(amount.display)" + (input.exception ? " (exception)" : ""),
                        reason: reason),
                    at: date, db)
            }
        }
    }

    // MARK: - Requests

    static func requests(where clause: String, _ arguments: StatementArguments, _ db: Database) throws -> [PPPlusRequest] {
        return try Row.decodeAll(
            db,
            sql: """
                SELECT \(DecisionRecord.columns), c.quality AS qa_quality, c.compliance AS qa_compliance,
                    p.canonical_json,
                    (SELECT MAX(v.id) FROM ppplus_verdict v WHERE v.decision_id = d.id) AS latest_verdict_id
                FROM funding_decision d
                LEFT JOIN batch_item b ON b.decision_id = d.id
                LEFT JOIN qa_completion c ON c.submission_id = d.submission_id
                JOIN pep p ON p.submission_id = d.submission_id
                WHERE \(clause)
                ORDER BY d.submission_id DESC, d.request_index
                """, arguments: arguments
        ) { row in
            let latest = try (row["latest_verdict_id"] as Int64?).flatMap { id in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT v.*, u.name AS user_name FROM ppplus_verdict v JOIN app_user u ON u.id = v.user_id
                        WHERE v.id = ?
                        """, arguments: [id]
                ).map(verdict(row:))
            }
            return PPPlusRequest(
                decision: try DecisionRecord(row: row),
                confirmedQuality: (row["qa_quality"] as String?).flatMap(Rating.init(rawValue:)),
                confirmedCompliance: (row["qa_compliance"] as String?).flatMap(Rating.init(rawValue:)),
                latest: latest, canonicalJSON: row["canonical_json"])
        }
    }

    static func verdict(row: Row) throws -> VerdictRecord {
        guard let verdict = PPPlusVerdict(rawValue: row["verdict"]) else {
            throw LedgerError.inconsistent("verdict \(row["id"] as Int64) is unknown")
        }
        return VerdictRecord(
            id: row["id"], decisionID: row["decision_id"], verdict: verdict, amount: Pence(row["amount_pence"]),
            reason: row["reason"], userName: row["user_name"], exception: row["exception"],
            schoolAcknowledged: row["school_acknowledged"], at: row["at"])
    }
}
