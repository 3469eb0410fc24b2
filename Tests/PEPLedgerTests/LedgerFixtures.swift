import Foundation
import GRDB
import PEPModel

@testable import PEPLedger

/// Builders for the values the ledger records. All data is fictional.
enum Fixture {
    /// Copies the rows `sql` selects from `ledger`, column by column, into `table` of `queue`
    /// (a ledger at an older version, for a migration's test), with foreign keys off: a
    /// submission names the later one that superseded it.
    static func copy(_ sql: String, from ledger: Ledger, into table: String, of queue: DatabaseQueue) throws {
        let rows = try ledger.database.read { db in try Row.fetchAll(db, sql: sql) }
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            for row in rows {
                let columns = Array(row.columnNames)
                try db.execute(
                    sql:
                        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
                    arguments: StatementArguments(columns.map { row[$0] as DatabaseValue }))
            }
        }
    }

    /// An instant from `2025-09-10T10:00:00Z`.
    static func date(_ iso: String) -> Date {
        let formatter = ISO8601DateFormatter()
        guard let date = formatter.date(from: iso) else { fatalError("bad test date \(iso)") }
        return date
    }

    static let now = date("2026-01-05T09:00:00Z")

    /// A submission whose bytes are `tag` (so its SHA-256 differs per tag).
    static func submission(
        _ tag: String, received: String = "2025-10-01T10:00:00Z", email: Bool = false,
        attachments: [AttachmentInfo] = []
    ) -> Submission {
        let origin: Submission.Origin =
            email
            ? .email(EmailInfo(path: "/mail/new/\(tag)", sender: "dt@school.example", messageID: "<\(tag)@x>", date: nil, subject: nil))
            : .dropFile(path: "/drop/\(tag).json")
        return Submission(
            fileName: "\(tag).json", bytes: Array(tag.utf8), receivedAt: date(received), origin: origin,
            attachments: attachments)
    }

    /// A PEP read through `PEPBuilder`, as a reader would give it. `requests` are amounts in pence.
    static func read(
        child: String? = "LA-1001", term: String? = "autumn", year: String? = "2025/26", school: String? = "100001",
        meeting: String? = nil, voice: String? = nil, requests: [Int] = []
    ) -> ReadResult {
        var doc = ExtractedDocument(format: .json, file: "test.json")
        if let child { doc.add("child.la_id", .text(child), at: "$.child.la_id") }
        if let term { doc.add("pep.term", .text(term), at: "$.pep.term") }
        if let year { doc.add("pep.academic_year", .text(year), at: "$.pep.academic_year") }
        if let school { doc.add("school.urn", .text(school), at: "$.school.urn") }
        if let meeting { doc.add("meeting.date", .isoDate(meeting), at: "$.meeting.date") }
        if let voice { doc.add("child_voice", .text(voice), at: "$.child_voice") }
        for (i, pence) in requests.enumerated() {
            let source = SourceRef(file: "test.json", location: "$.ppplus.requests[\(i)]")
            doc.addRecord(
                ExtractedRecord(
                    source: source,
                    values: [
                        ("intervention", .text("Tutoring \(i)"), source),
                        ("amount", .text(Pence(pence).decimalString), source),
                    ]),
                to: "ppplus.requests")
        }
        return PEPBuilder.build(doc)
    }

    static func approved(_ index: Int, _ pence: Int) -> FundingDecision {
        FundingDecision(
            requestIndex: index, intervention: "Tutoring \(index)", requested: Pence(pence), approved: Pence(pence),
            status: .approved, note: "Approved")
    }

    static func held(_ index: Int, _ pence: Int, _ reason: FundingDecision.HoldReason = .rating) -> FundingDecision {
        FundingDecision(
            requestIndex: index, intervention: "Tutoring \(index)", requested: Pence(pence), approved: .zero,
            status: .held, reason: reason, note: "Held")
    }

    static func assessment(
        quality: Rating = .green, assessable: Bool = true, funding: [FundingDecision] = []
    ) -> Assessment {
        Assessment(
            assessable: assessable, quality: quality, compliance: .amber,
            sections: [SectionRating(section: "voice", title: "Child's voice", rating: quality)],
            results: [
                CriterionResult(
                    id: "V1", section: "voice", title: "Child's voice captured", severity: .major, axis: .quality,
                    outcome: .pass, evidence: [Evidence(path: "child_voice", note: "present")]),
                CriterionResult(
                    id: "C1", section: "compliance", title: "Held on time", severity: .minor, axis: .compliance,
                    outcome: .fail, evidence: [], feedback: "Hold the meeting within the term."),
            ],
            funding: funding, ruleSetHash: "abc123", ruleSetVersion: "1")
    }

    /// Records a rated submission and returns what was written (fails the test on a duplicate).
    @discardableResult
    static func rate(
        _ ledger: Ledger, _ tag: String, received: String = "2025-10-01T10:00:00Z", read: ReadResult = read(),
        assessment: Assessment = assessment(), completeQA: Bool = true
    ) throws -> RatedRecord {
        let outcome = try ledger.submissions.recordRated(
            submission(tag, received: received), read: read, assessment: assessment, at: now)
        guard let record = outcome.recorded else { throw FixtureError.unexpectedDuplicate(tag) }
        if completeQA { try Self.completeQA(ledger, record) }
        return record
    }

    /// Completes QA of a current rating as a coordinator would (what releases feedback and
    /// the export); a superseded one is left as it is.
    static func completeQA(_ ledger: Ledger, _ record: RatedRecord) throws {
        guard record.supersededBy == nil else { return }
        let user =
            try ledger.users.credentials(name: "qa-officer")?.user
            ?? ledger.users.add(
                name: "qa-officer", passwordHash: "$2b$04$abcdefghijklmnopqrstuu5Bf3nqgTq3XtmeZw0ZpTj8Gf1d3tC6",
                role: .coordinator, phase: nil, actor: "test", at: now)
        try ledger.reviews.complete(
            submissionID: record.submissionID, runID: record.runID, quality: .amber, compliance: .amber, by: user, at: now)
    }

    enum FixtureError: Error { case unexpectedDuplicate(String) }

    /// A fresh folder under the system temp folder.
    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "pepledger-tests-" + UUID().uuidString
        return path
    }
}
