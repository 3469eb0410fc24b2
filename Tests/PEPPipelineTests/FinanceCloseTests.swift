import Foundation
import Logging
import PEPLedger
import PEPModel
import Testing
import PEPTestSupport

@testable import PEPPipeline

private func finance(_ s: ProcessedSamples, _ name: String) throws -> String {
    try text(s.finance.appendingPathComponent(name))
}

/// Remittance and journal lines are per school; the remittance has one row per child line.
private func remittanceRows(_ s: ProcessedSamples, run: Int) throws -> [[String]] {
    csvRows(try finance(s, "remittance-\(String(format: "%06d", run)).csv")).dropFirst().filter { $0[0] != "TOTAL" }
}

@Test func financeCloseWritesEveryFileAndANoticePerPaidSchool() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    try s.pipeline.outputs.publish(now: outputNow)
    let summary = try s.pipeline.finance.close(now: outputNow)
    let run = try #require(summary.run)
    #expect(run.sequence == 1)
    #expect(
        Set(contents(of: s.finance).keys) == [
            "journal-000001.csv", "payments-000001.csv", "remittance-000001.csv", "held-000001.csv", "held-000001.html",
            "reconciliation-000001.csv", "reconciliation-000001.html",
        ])
    // Every school in the register has a paid PEP among the samples (the Word forms included).
    #expect(summary.notices.map(\.lastPathComponent).sorted() == (1...5).map { "payment-000001-19000\($0).eml" })
    #expect(summary.journalTotal > .zero && summary.chequeTotal > .zero && summary.heldCount > 0)
    let held = try finance(s, "held-000001.html")
    #expect(held.contains("href=\"../dashboard/index.html\""))
}

@Test func aSecondCloseWithNothingNewSaysSoAndWritesNoBatch() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    _ = try s.pipeline.finance.close(now: outputNow)
    let files = contents(of: s.finance)
    let outbox = contents(of: s.outbox)
    let second = try s.pipeline.finance.close(now: outputLater)
    #expect(second.run == nil)
    #expect(second.lines.joined().contains("Nothing new to pay"))
    #expect(contents(of: s.finance) == files)
    #expect(contents(of: s.outbox) == outbox)
    #expect(try s.pipeline.ledger.financeRuns.all().count == 1)
    #expect(try s.pipeline.ledger.payments.batches().map(\.fileName).sorted() == ["journal-000001.csv", "payments-000001.csv"])
}

@Test func theJournalBalancesAndMatchesItsControlTotals() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    _ = try s.pipeline.finance.close(now: outputNow)
    let rows = csvRows(try finance(s, "journal-000001.csv"))
    let lines = rows.filter { $0[0] == "LINE" }
    let debit = lines.reduce(Decimal(0)) { $0 + (Decimal(string: $1[6]) ?? 0) }
    let credit = lines.reduce(Decimal(0)) { $0 + (Decimal(string: $1[7]) ?? 0) }
    #expect(debit == credit && debit > 0)
    let head = try #require(rows.first { $0[0] == "HEAD" })
    #expect(Decimal(string: head[7]) == debit && Decimal(string: head[8]) == credit && head[6] == String(lines.count))
    #expect(rows.last?[0] == "END" && Decimal(string: rows.last?[2] ?? "") == debit)
}

@Test func theReconciliationBalancesEveryTerm() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    _ = try s.pipeline.finance.close(now: outputNow)
    let rows = csvRows(try finance(s, "reconciliation-000001.csv")).dropFirst()
    #expect(rows.count == 2)
    for row in rows {
        let n = row[2...5].map { Decimal(string: $0) ?? -1 }
        #expect(n[0] == n[1] + n[2] + n[3], "\(row[1]) \(row[0])")
        #expect(row[7] == "BALANCED")
    }
}

@Test func heldFundingIsReleasedWhenAResubmissionPasses() throws {
    let s = try ProcessedSamples(heldBack: ["13-resubmission-supersedes-05.json"])
    defer { s.remove() }
    _ = try s.pipeline.finance.close(now: outputNow)
    let heldFirst = csvRows(try finance(s, "held-000001.csv"))
    #expect(heldFirst.contains { $0[0] == "LA100005" && $0[5] == "rating" })
    #expect(try !remittanceRows(s, run: 1).contains { $0[4] == "LA100005" })
    s.processLater()
    let second = try #require(try s.pipeline.finance.close(now: outputLater).run)
    #expect(second.sequence == 2)
    let paid = try remittanceRows(s, run: 2)
    #expect(paid.map { $0[4] } == ["LA100005"] && paid[0][7] == "400.00")
    #expect(!csvRows(try finance(s, "held-000002.csv")).contains { $0[0] == "LA100005" })
}

@Test func aResubmissionAfterPaymentNeverPaysTwice() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    _ = try s.pipeline.finance.close(now: outputNow)
    try s.resubmit(
        "01-green-review-secondary.json", as: "14-resubmission-of-01.json", receivedOn: "2025-10-20",
        replacing: "Homework club helps me", with: "Homework club really helps me")
    s.processLater()
    _ = try s.pipeline.finance.close(now: outputLater)
    let first = try remittanceRows(s, run: 1).filter { $0[4] == "LA100001" }
    let second = try remittanceRows(s, run: 2).filter { $0[4] == "LA100001" }
    #expect(first.map { $0[8] } == ["S000001-R1"])
    #expect(!second.contains { $0[8] == "S000001-R1" })
    let total = (first + second).reduce(Decimal(0)) { $0 + (Decimal(string: $1[7]) ?? 0) }
    #expect(total <= 550, "the termly cap is £550; paid \(total)")
    let ledger = s.pipeline.ledger
    #expect(try ledger.payments.reconciliation().balances)
}

@Test func financeFilesAndNoticesCarryNoChildNamesOrDatesOfBirth() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    _ = try s.pipeline.finance.close(now: outputNow)
    var secrets = Set<String>()
    for listed in try s.pipeline.ledger.ratings.ratedSubmissionHeadlines() {
        let stored = try #require(try s.pipeline.ledger.ratings.latestStoredRating(submissionID: listed.submissionID))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stored.canonicalJSON.utf8)) as? [String: Any])
        let child = try #require(json["child"] as? [String: Any])
        for key in ["first_name", "last_name", "date_of_birth"] {
            if let value = child[key] as? String, value.count > 2 { secrets.insert(value) }
        }
    }
    #expect(secrets.contains("Testwood"))
    var texts = contents(of: s.finance).map { ($0.key, String(decoding: $0.value, as: UTF8.self)) }
    texts += contents(of: s.outbox).filter { $0.key.hasPrefix("payment-") }.map { ($0.key, String(decoding: $0.value, as: UTF8.self)) }
    #expect(texts.count == 7 + 5, "seven finance files and five notices")
    for (name, body) in texts {
        for secret in secrets { #expect(!body.contains(secret), "\(name) contains a child's name or date of birth") }
    }
}

@Test func aRunRecordedButNotWrittenIsFinishedByTheNextCloseWhichPaysNothingNew() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    // A crash right after the ledger's commit: the run is recorded, no file is written.
    let (recorded, _) = try s.pipeline.finance.record(now: outputNow)
    let run = try #require(recorded)
    #expect(contents(of: s.finance).isEmpty)
    let summary = try s.pipeline.finance.close(now: outputLater)
    #expect(summary.recovered.map(\.id) == [run.id])
    #expect(summary.run == nil)
    #expect(contents(of: s.finance).count == 7)
    #expect(try s.pipeline.ledger.financeRuns.all().count == 1)
    #expect(try s.pipeline.ledger.financeRuns.awaitingFiles().isEmpty)
    let journal = try finance(s, "journal-000001.csv")
    #expect(journal.contains(",\(CalendarDate(englandDateOf: outputNow).iso),"), "rendered with the run's own date")
}

@Test func publishingFinishesARecordedRunAndItsNotices() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    _ = try s.pipeline.finance.record(now: outputNow)
    let summary = try s.pipeline.outputs.publish(now: outputNow)
    #expect(summary.financeRecovered.count == 1)
    #expect(summary.financeFiles.count == 7)
    #expect(summary.paymentNotices.count == 5)
    let again = try s.pipeline.outputs.publish(now: outputLater)
    #expect(again.financeRecovered.isEmpty && again.paymentNotices.isEmpty)
}

@Test func paymentNoticesAreNotWrittenAgainAfterTheRelayTakesThem() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    _ = try s.pipeline.finance.close(now: outputNow)
    for name in contents(of: s.outbox).keys { try FileManager.default.removeItem(at: s.outbox.appendingPathComponent(name)) }
    _ = try s.pipeline.outputs.publish(now: outputLater)
    _ = try s.pipeline.finance.close(now: outputLater)
    #expect(!contents(of: s.outbox).keys.contains { $0.hasPrefix("payment-") })
    #expect(try s.pipeline.ledger.outbox.paymentNoticesRecorded(financeRunID: 1) == ["190001", "190002", "190003", "190004", "190005"])
}

/// A pipeline on the same state with `finance_close_day` set.
private func pipeline(_ s: ProcessedSamples, closeDay: Int) throws -> Pipeline {
    var config = s.pipeline.configuration
    config.financeCloseDay = closeDay
    return try Pipeline.build(configuration: config, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
}

private func day(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso + "T12:00:00Z") ?? Date() }

@Test func theServiceClosesOnceAMonthFromTheConfiguredDay() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    let p = try pipeline(s, closeDay: 15)
    #expect(try p.finance.closeIfDue(now: day("2025-12-10")) == nil)
    let closed = try #require(try p.finance.closeIfDue(now: day("2025-12-16")))
    #expect(closed.run?.sequence == 1)
    #expect(try p.finance.closeIfDue(now: day("2025-12-31")) == nil)
    let january = try #require(try p.finance.closeIfDue(now: day("2026-01-15")))
    #expect(january.run == nil)
}

@Test func aCloseDayOfZeroNeverCloses() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    #expect(try pipeline(s, closeDay: 0).finance.closeIfDue(now: day("2025-12-28")) == nil)
    #expect(try s.pipeline.ledger.financeRuns.all().isEmpty)
}

@Test func aRunFinishedAfterACrashUsesTheSettingsItWasClosedWith() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    _ = try s.pipeline.finance.record(now: outputNow)
    // finance.yaml is edited before the run's files are written.
    let rules = s.root.appendingPathComponent("rules")
    try FileManager.default.copyItem(at: Repository.rules, to: rules)
    let finance = rules.appendingPathComponent("finance.yaml")
    try text(finance).replacingOccurrences(of: "vs_cost_centre: VS4100", with: "vs_cost_centre: VS9999")
        .write(to: finance, atomically: true, encoding: .utf8)
    var config = s.pipeline.configuration
    config.rulesDir = rules.path
    let edited = try Pipeline.build(configuration: config, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    #expect(edited.outputSettings.finance?.vsCostCentre == "VS9999")
    let summary = try edited.finance.close(now: outputLater)
    #expect(summary.recovered.count == 1)
    let journal = try text(s.finance.appendingPathComponent("journal-000001.csv"))
    #expect(journal.contains(",VS4100,") && !journal.contains("VS9999"))
}
