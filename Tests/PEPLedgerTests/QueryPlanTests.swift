import Foundation
import GRDB
import PEPModel
import PEPTestSupport
import Synchronization
import Testing

@testable import PEPLedger

/// The queries on the hot paths use an index: recording a document (each poll with something in
/// it) and the check a poll makes to see whether anything changed. A full scan of a table that
/// grows with every PEP would make each poll slower every term, for ever.

/// The tables that grow with the documents and decisions.
private let growing: Set<String> = [
    "submission", "pep", "attachment", "rating_run", "criterion_result", "funding_decision", "batch_item", "qa_override",
    "qa_clarification", "qa_completion", "document_disposition", "ppplus_verdict", "outbox_message", "export_record",
    "audit_event", "payment_reversal",
]

/// Partial indexes that hold only exceptional rows (documents that name no child, term or
/// year, which a person puts right): scanning one reads those rows, not the ledger.
private let exceptional: Set<String> = ["submission_unplaced"]

/// The SQL a traced ledger ran.
private final class SQLLog: Sendable {
    let lines = Mutex<[String]>([])
    func add(_ sql: String) { lines.withLock { $0.append(sql) } }

    /// The SQL `body` ran, in order, without repeats.
    func statements(_ body: () throws -> Void) rethrows -> [String] {
        lines.withLock { $0.removeAll() }
        try body()
        var seen = Set<String>()
        return lines.withLock { $0 }.filter { seen.insert($0).inserted }
    }
}

/// The full scans of growing tables in a statement's plan (`SCAN submission`, `SCAN d USING
/// COVERING INDEX …`), named by table or alias as SQLite prints them.
private func scans(_ sql: String, _ ledger: Ledger) throws -> [String] {
    let trimmed = sql.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    guard ["SELECT", "WITH", "UPDATE", "DELETE", "INSERT"].contains(where: { trimmed.hasPrefix($0) }) else { return [] }
    let details = try ledger.database.read { db in
        // Parameters left unbound are NULL: the plan does not depend on their values.
        let statement = try db.makeStatement(sql: "EXPLAIN QUERY PLAN " + sql)
        statement.setUncheckedArguments(StatementArguments())
        return try Row.fetchAll(statement).map { $0["detail"] as String }
    }
    return details.filter { detail in
        guard detail.hasPrefix("SCAN ") else { return false }
        if let index = detail.components(separatedBy: " USING INDEX ").dropFirst().first, exceptional.contains(index) { return false }
        let name = detail.dropFirst(5).split(separator: " ").first.map(String.init) ?? ""
        return growing.contains(name) || growing.contains(alias(name, in: sql) ?? "")
    }
}

/// The table an alias (`s`, `d`, `b`) stands for in `sql`, if any.
private func alias(_ name: String, in sql: String) -> String? {
    let words = sql.replacingOccurrences(of: "\n", with: " ").split(separator: " ").map(String.init)
    for (i, word) in words.enumerated() where i + 1 < words.count && words[i + 1] == name && growing.contains(word) {
        return word
    }
    return nil
}

@Test func recordingADocumentAnIdlePollAndEachTermsPublishUseAnIndexForEveryQuery() throws {
    let log = SQLLog()
    let ledger = try Ledger.inMemory(trace: { sql in log.add(sql) })
    for i in 0..<30 { _ = try Fixture.rate(ledger, "child-" + String(i)) }
    let recording = try log.statements { _ = try Fixture.rate(ledger, "one-more") }
    let idle = try log.statements {
        _ = try ledger.outputMark.current()
        _ = try ledger.outputMark.stored()
        _ = try ledger.ratings.ratedSubmissionHeadlines(after: 30)
    }
    // What a publish reads per term (the dashboard's, the tracker's and the statistics' rows):
    // each term's own rows, never the whole ledger per PEP.
    let perTerm = try log.statements {
        for (term, year) in try ledger.progress.terms() {
            _ = try ledger.ratings.currentRatedSubmissions(term: term, academicYear: year)
            _ = try ledger.statistics.peps(term: term, academicYear: year)
            _ = try ledger.statistics.criterionFailures(term: term, academicYear: year)
            _ = try ledger.statistics.funding(term: term, academicYear: year)
            _ = try ledger.progress.progress(term: term, academicYear: year)
        }
    }
    #expect(recording.count > 5 && idle.count >= 3 && perTerm.count >= 5, "the trace saw the statements")
    for sql in recording + idle + perTerm.filter({ !$0.contains("GROUP BY academic_year, term") }) {
        let found = try scans(sql, ledger)
        #expect(found.isEmpty, "a full scan on a hot path: \(found) in \(sql)")
    }
}

@Test func theQueryPlanCheckFindsAFullScan() throws {
    let ledger = try Ledger.inMemory()
    _ = try Fixture.rate(ledger, "a")
    // The check itself must be able to fail: a query by an unindexed column scans.
    #expect(try scans("SELECT id FROM submission WHERE file_name = ?", ledger) == ["SCAN submission"])
    #expect(try scans("SELECT s.id FROM submission s WHERE s.file_name = ?", ledger) == ["SCAN s"])
    #expect(try scans("SELECT id FROM submission WHERE sha256 = ?", ledger).isEmpty)
}

/// What a busy poll's publish reads besides the changed terms' own rows: which terms changed
/// since the last publish, the other terms' kept index lines, the documents that name no
/// term, the meetings of the children who entered care, and the feedback and export lines owed
/// among the submissions changed since. None may read the whole ledger.
@Test func aBusyPollsPublishFindsWhatChangedThroughIndexes() throws {
    let log = SQLLog()
    let ledger = try Ledger.inMemory(trace: { sql in log.add(sql) })
    for i in 0..<30 { _ = try Fixture.rate(ledger, "child-" + String(i)) }
    let before = try ledger.outputMark.current()
    _ = try Fixture.rate(ledger, "one-more")
    let now = try ledger.outputMark.current()
    var changed: OutputChanges?
    let statements = try log.statements {
        changed = try ledger.outputMark.changes(since: before, now: now)
        _ = try ledger.outputTerms.summaries(.dashboard)
        _ = try ledger.ratings.unplacedRatedSubmissions()
        _ = try ledger.ratings.unplacedCount()
        _ = try ledger.progress.progress(children: ["child-1", "child-2"])
        // What is owed (feedback, an export line) among the submissions changed since.
        _ = try ledger.outbox.submissionsAwaitingFeedback(after: before)
        _ = try ledger.database.read { try ExportStore.pending($0, after: before) }
    }
    #expect(changed?.terms.count == 1, "the one new PEP's term")
    #expect(changed?.unplaced == false)
    #expect(statements.count >= 6, "the trace saw the statements")
    for sql in statements {
        let found = try scans(sql, ledger)
        #expect(found.isEmpty, "a full scan on a hot path: \(found) in \(sql)")
    }
}
