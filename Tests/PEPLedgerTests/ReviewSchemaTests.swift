import Foundation
import GRDB
import Testing

@testable import PEPLedger

/// The review tables keep their promises in the schema itself: the audit trail and the QA
/// decisions are append-only, and a completion happens once.
@Suite struct ReviewSchemaTests {
    func ledgerWithACompletedReview() throws -> (Ledger, Int64) {
        let ledger = try Ledger.inMemory()
        let record = try Fixture.rate(ledger, "review", completeQA: false)
        let user = try ledger.users.add(
            name: "alice", passwordHash: "$2b$04$abcdefghijklmnopqrstuu5Bf3nqgTq3XtmeZw0ZpTj8Gf1d3tC6", role: .coordinator,
            phase: nil, actor: "test", at: Fixture.now)
        try ledger.reviews.override(
            submissionID: record.submissionID, runID: record.runID, subject: .criterion("V1"), machineValue: "pass",
            humanValue: "fail", reason: "No voice", by: user, at: Fixture.now)
        try ledger.reviews.complete(
            submissionID: record.submissionID, runID: record.runID, quality: .amber, compliance: .amber, by: user,
            at: Fixture.now)
        return (ledger, record.submissionID)
    }

    @Test(arguments: ["audit_event", "qa_override", "qa_completion"])
    func reviewRowsCanNeitherChangeNorBeDeleted(table: String) throws {
        let (ledger, _) = try ledgerWithACompletedReview()
        #expect(try ledger.count(table) >= 1)
        #expect(throws: DatabaseError.self) {
            try ledger.database.write { try $0.execute(sql: "UPDATE \(table) SET at = 'x'") }
        }
        #expect(throws: DatabaseError.self) {
            try ledger.database.write { try $0.execute(sql: "DELETE FROM \(table)") }
        }
    }

    @Test func qaIsCompletedOnceAndThenNothingChanges() throws {
        let (ledger, id) = try ledgerWithACompletedReview()
        let user = try #require(try ledger.users.credentials(name: "alice")).user
        let runID = try #require(try ledger.integer("SELECT run_id FROM qa_completion"))
        #expect(throws: ReviewError.alreadyCompleted(id)) {
            try ledger.reviews.complete(
                submissionID: id, runID: Int64(runID), quality: .green, compliance: .green, by: user, at: Fixture.now)
        }
        #expect(throws: ReviewError.alreadyCompleted(id)) {
            try ledger.reviews.override(
                submissionID: id, runID: Int64(runID), subject: .quality, machineValue: "green", humanValue: "red",
                reason: "x", by: user, at: Fixture.now)
        }
    }

    @Test func usersAreNeverDeletedAndNamesNeverChange() throws {
        let (ledger, _) = try ledgerWithACompletedReview()
        #expect(throws: DatabaseError.self) { try ledger.database.write { try $0.execute(sql: "DELETE FROM app_user") } }
        #expect(throws: DatabaseError.self) {
            try ledger.database.write { try $0.execute(sql: "UPDATE app_user SET name = 'mallory'") }
        }
    }

    @Test func everyChangeHasItsAuditEntry() throws {
        let (ledger, id) = try ledgerWithACompletedReview()
        #expect(try ledger.audit.events(submissionID: id).map(\.entry.action) == ["qa.override", "qa.complete"])
        #expect(try ledger.audit.all().first?.entry.action == "user.add")
    }

    @Test func reRatingUnderChangedRulesLeavesTheHumanDecisionStanding() throws {
        let (ledger, id) = try ledgerWithACompletedReview()
        try ledger.database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO rating_run (submission_id, ruleset_hash, ruleset_version, quality, compliance, assessable,
                        assessment_json, created_at)
                    SELECT submission_id, 'changed', '2', 'red', 'red', assessable, assessment_json, created_at
                    FROM rating_run WHERE submission_id = ?
                    """,
                arguments: [id])
        }
        let completion = try #require(try ledger.reviews.completion(submissionID: id))
        #expect(completion.quality == .amber && completion.compliance == .amber && completion.officer == "alice")
        #expect(try ledger.reviews.overrides(submissionID: id).map(\.humanValue) == ["fail"])
        #expect(try ledger.reviews.worklist().isEmpty)
    }
}
