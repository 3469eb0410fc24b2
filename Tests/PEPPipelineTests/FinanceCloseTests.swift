import Foundation
import Logging
import PEPLedger
import PEPModel
import PEPOutput
import Testing
import PEPTestSupport

@testable import PEPPipeline

/// A finance file of a run, from the Finance team's folder or, for a cheque/BACS batch or a
/// remittance, the Admin team's.
private func finance(_ s: ProcessedSamples, _ name: String) throws -> String {
    let admin = ["payments-", "remittance-", "recoveries-"].contains { name.hasPrefix($0) }
    return try text((admin ? s.admin : s.finance).appendingPathComponent(name))
}

/// Everything a run wrote for the two teams.
private func financeFiles(_ s: ProcessedSamples) -> [String: Data] {
    contents(of: s.finance).merging(contents(of: s.admin)) { a, _ in a }
}

/// Remittance and journal lines are per school; the remittance has one row per child line.
private func remittanceRows(_ s: ProcessedSamples, run: Int) throws -> [[String]] {
    csvRows(try finance(s, "remittance-\(String(format: "%06d", run)).csv")).dropFirst().filter { $0[0] != "TOTAL" }
}

@Test func financeCloseWritesEveryFileAndANoticePerPaidSchool() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    try s.pipeline.outputs.publish(now: outputNow)
    let summary = try s.pipeline.finance.closeAsTwoPeople(now: outputNow)
    let run = try #require(summary.run)
    #expect(run.sequence == 1)
    // Each team picks up only its own files: the journal for journal schools in the Finance
    // team's folder, the cheque/BACS batch and remittances for the rest in the Admin team's.
    #expect(
        Set(contents(of: s.finance).keys) == [
            "journal-000001.csv", "held-000001.csv", "held-000001.html", "reconciliation-000001.csv",
            "reconciliation-000001.html",
        ])
    #expect(Set(contents(of: s.admin).keys) == ["payments-000001.csv", "remittance-000001.csv"])
    // Every school in the register has a paid PEP among the samples (the Word forms included).
    #expect(summary.notices.map(\.lastPathComponent).sorted() == (1...5).map { "payment-000001-19000\($0).eml" })
    #expect(summary.journalTotal > .zero && summary.chequeTotal > .zero && summary.heldCount > 0)
    let held = try finance(s, "held-000001.html")
    #expect(held.contains("href=\"../dashboard/index.html\""))
}

@Test func aSecondCloseWithNothingNewSaysSoAndWritesNoBatch() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    _ = try s.pipeline.finance.closeAsTwoPeople(now: outputNow)
    let files = financeFiles(s)
    let outbox = contents(of: s.outbox)
    let second = try s.pipeline.finance.closeAsTwoPeople(now: outputLater)
    #expect(second.run == nil)
    #expect(second.lines.joined().contains("Nothing new to pay"))
    let prepared = try s.pipeline.finance.prepare(by: "finance-officer", now: outputLater)
    #expect(prepared.proposalID == nil, "nothing to pay: nothing to authorise")
    #expect(prepared.lines.first?.hasPrefix("Nothing to pay") == true)
    #expect(financeFiles(s) == files)
    #expect(contents(of: s.outbox) == outbox)
    #expect(try s.pipeline.ledger.financeRuns.all().count == 1)
    #expect(try s.pipeline.ledger.payments.batches().map(\.fileName).sorted() == ["journal-000001.csv", "payments-000001.csv"])
}

@Test func theJournalBalancesAndMatchesItsControlTotals() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    _ = try s.pipeline.finance.closeAsTwoPeople(now: outputNow)
    let rows = csvRows(try finance(s, "journal-000001.csv"))
    let lines = rows.filter { $0[0] == "LINE" }
    let debit = lines.reduce(Decimal(0)) { $0 + (Decimal(string: $1[6]) ?? 0) }
    let credit = lines.reduce(Decimal(0)) { $0 + (Decimal(string: $1[7]) ?? 0) }
    #expect(debit == credit && debit > 0)
    let head = try #require(rows.first { $0[0] == "HEAD" })
    #expect(Decimal(string: head[7]) == debit && Decimal(string: head[8]) == credit && head[6] == String(lines.count))
    #expect(rows.last?[0] == "END" && Decimal(string: rows.last?[2] ?? "") == debit)
}

@Test func theReconciliationBalancesEverySchoolAndTerm() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    _ = try s.pipeline.finance.closeAsTwoPeople(now: outputNow)
    let csv = csvRows(try finance(s, "reconciliation-000001.csv"))
    #expect(csv[0] == [
        "academic_year", "term", "school_urn", "school", "approved", "paid", "reversed", "net_paid", "to_pay", "held", "difference",
        "status",
    ])
    let rows = csv.dropFirst()
    #expect(Set(rows.filter { !$0[2].isEmpty }.map { $0[2] }).count >= 5, "a row per school")
    #expect(rows.filter { $0[2].isEmpty && $0[0] != "ALL" }.count == 2, "a total per term (autumn and spring)")
    for row in rows {
        let n = row[4...10].map { Decimal(string: $0) ?? -1 }
        #expect(n[0] == n[1] + n[4] && n[6] == 0, "\(row)")  // approved = paid + to pay
        #expect(row[11] == "BALANCED")
    }
    // Every figure agrees with the ledger's own totals.
    let all = try #require(rows.last)
    let ledger = try s.pipeline.ledger.payments.reconciliation()
    #expect(all[0] == "ALL" && Decimal(string: all[4]) == Decimal(ledger.approved.value) / 100)
    #expect(Decimal(string: all[5]) == Decimal(ledger.batched.value) / 100 && Decimal(string: all[8]) == Decimal(ledger.unbatchedApproved.value) / 100)
    // Held: every request not approved, and the rest of a part-approval.
    #expect(Decimal(string: all[9])! >= Decimal(ledger.held.value) / 100)
}

@Test func heldFundingIsReleasedWhenAResubmissionPasses() throws {
    let s = try ProcessedSamples(heldBack: ["13-resubmission-supersedes-05.json"])
    defer { s.remove() }
    _ = try s.pipeline.finance.closeAsTwoPeople(now: outputNow)
    let heldFirst = csvRows(try finance(s, "held-000001.csv"))
    #expect(heldFirst.contains { $0[0] == "LA100005" && $0[5] == "rating" })
    #expect(try !remittanceRows(s, run: 1).contains { $0[4] == "LA100005" })
    s.processLater()
    let second = try #require(try s.pipeline.finance.closeAsTwoPeople(now: outputLater).run)
    #expect(second.sequence == 2)
    let paid = try remittanceRows(s, run: 2)
    #expect(paid.map { $0[4] } == ["LA100005"] && paid[0][7] == "400.00")
    #expect(!csvRows(try finance(s, "held-000002.csv")).contains { $0[0] == "LA100005" })
}

@Test func aResubmissionAfterPaymentNeverPaysTwice() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    _ = try s.pipeline.finance.closeAsTwoPeople(now: outputNow)
    try s.resubmit(
        "01-green-review-secondary.json", as: "14-resubmission-of-01.json", receivedOn: "2025-10-20",
        replacing: "Homework club helps me", with: "Homework club really helps me")
    s.processLater()
    _ = try s.pipeline.finance.closeAsTwoPeople(now: outputLater)
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
    _ = try s.pipeline.finance.closeAsTwoPeople(now: outputNow)
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
    var texts = financeFiles(s).map { ($0.key, String(decoding: $0.value, as: UTF8.self)) }
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
    let run = try #require(try s.pipeline.finance.recordWithoutFiles(now: outputNow))
    #expect(financeFiles(s).isEmpty)
    let published = try s.pipeline.outputs.publish(now: outputLater)
    #expect(published.financeRecovered.map(\.id) == [run.id])
    #expect(try s.pipeline.finance.closeAsTwoPeople(now: outputLater).run == nil, "nothing new to pay")
    #expect(financeFiles(s).count == 7)
    #expect(try s.pipeline.ledger.financeRuns.all().count == 1)
    #expect(try s.pipeline.ledger.financeRuns.awaitingFiles().isEmpty)
    let journal = try finance(s, "journal-000001.csv")
    #expect(journal.contains(",\(CalendarDate(englandDateOf: outputNow).iso),"), "rendered with the run's own date")
}

@Test func publishingFinishesARecordedRunAndItsNotices() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    // A run is authorised and recorded, then the process dies before its files are written.
    _ = try #require(try s.pipeline.finance.recordWithoutFiles(now: outputNow))
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
    _ = try s.pipeline.finance.closeAsTwoPeople(now: outputNow)
    for name in contents(of: s.outbox).keys { try FileManager.default.removeItem(at: s.outbox.appendingPathComponent(name)) }
    _ = try s.pipeline.outputs.publish(now: outputLater)
    _ = try s.pipeline.finance.closeAsTwoPeople(now: outputLater)
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

@Test func theServiceRemindsThatARunIsDueButNeverPaysOnItsOwn() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    let p = try pipeline(s, closeDay: 15)
    #expect(try p.finance.reminderIfDue(now: day("2025-12-10")) == nil)
    let reminder = try #require(try p.finance.reminderIfDue(now: day("2025-12-16")))
    #expect(reminder.hasPrefix("a PP+ finance run is due: "))
    #expect(try s.pipeline.ledger.financeRuns.all().isEmpty, "a reminder pays nothing")
    #expect(try s.pipeline.ledger.financeRuns.proposals().isEmpty, "nor prepares anything")
    _ = try p.finance.closeAsTwoPeople(now: day("2025-12-17"))
    #expect(try p.finance.reminderIfDue(now: day("2025-12-31")) == nil, "a run this month")
    // Approved for a school the register lacks: every run leaves it, so the reminder stays.
    #expect(try p.finance.reminderIfDue(now: day("2026-01-15"))?.contains("1 approved request(s)") == true)
}

@Test func aCloseDayOfZeroNeverReminds() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    #expect(try pipeline(s, closeDay: 0).finance.reminderIfDue(now: day("2025-12-28")) == nil)
    #expect(try s.pipeline.ledger.financeRuns.all().isEmpty)
}

@Test func aRunFinishedAfterACrashUsesTheSettingsItWasClosedWith() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    // A run is authorised and recorded, then the process dies before its files are written.
    _ = try #require(try s.pipeline.finance.recordWithoutFiles(now: outputNow))
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
    let summary = try edited.outputs.publish(now: outputLater)
    #expect(summary.financeRecovered.count == 1)
    let journal = try text(s.finance.appendingPathComponent("journal-000001.csv"))
    #expect(journal.contains(",VS4100,") && !journal.contains("VS9999"))
}

// MARK: - A run needs a person: prepared, then authorised by another with the authority

@Test func aPreparedRunThatIsNeverAuthorisedChangesNothing() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    let officer = try s.pipeline.ledger.testUser("finance-officer", .finance, at: outputNow)
    let prepared = try s.pipeline.finance.prepare(by: officer.name, now: outputNow)
    #expect(prepared.proposalID != nil)
    #expect(prepared.lines.contains { $0.contains("journal (Finance team)") })
    #expect(prepared.lines.contains { $0.hasPrefix("  reconciliation: ") && $0.contains("(balanced)") })
    #expect(financeFiles(s).isEmpty, "nothing in the finance folder")
    #expect(try s.pipeline.ledger.count("payment_batch") == 0)
    #expect(try s.pipeline.ledger.financeRuns.all().isEmpty)
    #expect(!((try? FileManager.default.contentsOfDirectory(atPath: s.outbox.path)) ?? []).contains { $0.hasPrefix("payment-") })
    #expect(try s.pipeline.ledger.payments.unbatchedApprovedDecisions().count > 0, "still waiting to be paid")
}

@Test func theSamePersonCannotPrepareAndAuthoriseUnlessTheVirtualSchoolIsOnePerson() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    let head = try s.pipeline.ledger.testUser("vsh-test", .vsh, at: outputNow)
    let id = try #require(try s.pipeline.finance.prepare(by: head.name, now: outputNow).proposalID)
    #expect(throws: FinanceCloseError.self) { try s.pipeline.finance.authorise(proposalID: id, by: head, now: outputNow) }
    #expect(try s.pipeline.ledger.financeRuns.all().isEmpty)
    // The schema refuses it too, whatever the Swift does.
    #expect(throws: (any Error).self) {
        try s.pipeline.ledger.execute(
            "INSERT INTO finance_authorisation VALUES (?, 1, 'vsh-test', 'vsh-test', 0, '2025-12-01')", [id])
    }
    let single = try pipeline(s, finance: { $0.replacingOccurrences(of: "single_person: false", with: "single_person: true") })
    let run = try single.finance.authorise(proposalID: id, by: head, now: outputNow)
    #expect(run.run?.sequence == 1)
}

@Test func onlyTheConfiguredAuthoritiesMayAuthorise() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    let officer = try s.pipeline.ledger.testUser("finance-officer", .finance, at: outputNow)
    let other = try s.pipeline.ledger.testUser("finance-two", .finance, at: outputNow)
    let coordinator = try s.pipeline.ledger.testUser("qa-officer", .coordinator, at: outputNow)
    let id = try #require(try s.pipeline.finance.prepare(by: officer.name, now: outputNow).proposalID)
    for user in [other, coordinator] {
        #expect(throws: FinanceCloseError.self, "\(user.role)") {
            try s.pipeline.finance.authorise(proposalID: id, by: user, now: outputNow)
        }
    }
    let financeMay = try pipeline(s, finance: { $0.replacingOccurrences(of: "authorisers: [vsh]", with: "authorisers: [vsh, finance]") })
    #expect(try financeMay.finance.authorise(proposalID: id, by: other, now: outputNow).run != nil)
    #expect(throws: FinanceCloseError.self, "a proposal is authorised once") {
        try financeMay.finance.authorise(proposalID: id, by: other, now: outputNow)
    }
}

@Test func aRunThatChangedSinceItWasPreparedIsNotPaid() throws {
    let s = try ProcessedSamples(heldBack: ["02-green-review-primary.xml"])
    defer { s.remove() }
    let officer = try s.pipeline.ledger.testUser("finance-officer", .finance, at: outputNow)
    let head = try s.pipeline.ledger.testUser("vsh-test", .vsh, at: outputNow)
    let id = try #require(try s.pipeline.finance.prepare(by: officer.name, now: outputNow).proposalID)
    s.processLater()  // a new PEP, QA'd and its PP+ approved after the run was prepared
    #expect(throws: FinanceCloseError.self) { try s.pipeline.finance.authorise(proposalID: id, by: head, now: outputNow) }
    #expect(financeFiles(s).isEmpty)
    let again = try #require(try s.pipeline.finance.prepare(by: officer.name, now: outputNow).proposalID)
    #expect(try s.pipeline.finance.authorise(proposalID: again, by: head, now: outputNow).run != nil)
}

@Test func theFilesNameThePreparerAndTheAuthoriserAndTheAuditHasBoth() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    let summary = try s.pipeline.finance.closeAsTwoPeople(now: outputNow)
    let run = try #require(summary.run)
    let journal = try finance(s, "journal-000001.csv")
    #expect(journal.split(separator: "\r\n").first?.hasSuffix(",finance-officer,vsh-test") == true)
    let payments = try finance(s, "payments-000001.csv")
    #expect(payments.split(separator: "\r\n").first?.hasSuffix(",vsh-test,finance-officer") == true)
    let actions = try s.pipeline.ledger.audit.all().map(\.entry.action)
    #expect(actions.contains("finance.prepare") && actions.contains("finance.authorise"))
    #expect(run.sequence == 1)
}

/// A pipeline on the same state whose finance.yaml (or another rules file) is changed by `edit`.
private func pipeline(_ s: ProcessedSamples, file name: String = "finance.yaml", finance edit: (String) -> String) throws -> Pipeline {
    let rules = s.root.appendingPathComponent("rules-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: Repository.rules, to: rules)
    let file = rules.appendingPathComponent(name)
    try edit(try text(file)).write(to: file, atomically: true, encoding: .utf8)
    var config = s.pipeline.configuration
    config.rulesDir = rules.path
    return try Pipeline.build(configuration: config, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
}

@Test func aPartApprovalIsPaidAtTheVSHsAmountInEveryFile() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    let ledger = s.pipeline.ledger
    let head = try ledger.testUser("vsh-test", .vsh, at: outputNow)
    let request = try #require(try ledger.ppplus.requests().first { !$0.paid && $0.decision.payable ?? .zero >= Pence(20_000) })
    try ledger.ppplus.decide(
        [
            VerdictInput(
                decisionID: request.decision.id, verdict: .partApprove, amount: Pence(10_000), reason: "Half this term",
                eligibility: PPPlusEligibility(blockers: [], registeredSchool: nil))
        ], by: head, at: outputNow)
    _ = try s.pipeline.finance.closeAsTwoPeople(now: outputNow)
    let batches = try ledger.payments.batches()
    #expect(batches.contains { $0.kind == .journal } || batches.contains { $0.kind == .cheque })
    for batch in batches {
        let file = try finance(s, batch.fileName)
        // The journal's END line and the batch's TRL line carry its total: the ledger's, the VSH's amounts.
        let last = try #require(file.split(separator: "\r\n").last.map(String.init))
        #expect(last.contains(batch.total.decimalString), "\(batch.fileName): \(last) against \(batch.total)")
    }
    let paid = try #require(try ledger.ppplus.request(decisionID: request.decision.id))
    #expect(paid.paid && paid.decision.payable == Pence(10_000))
}

@Test func aBACSBatchThatBreaksTheBanksRulesIsRefusedBeforeAnythingIsWritten() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    // The register gives no BACS account name, and the payee's name is longer than 18 letters.
    let long = try pipeline(s, file: "schools.csv") {
        $0.replacingOccurrences(of: ",RIVERSIDE ACAD TR,", with: ",,")
    }
    let officer = try s.pipeline.ledger.testUser("finance-officer", .finance, at: outputNow)
    let head = try s.pipeline.ledger.testUser("vsh-test", .vsh, at: outputNow)
    let prepared = try long.finance.prepare(by: officer.name, now: outputNow)
    #expect(prepared.lines.contains { $0.contains("CANNOT BE PAID AS IT IS: school URN 190001") })
    let id = try #require(prepared.proposalID)
    #expect(throws: FinanceCloseError.self) { try long.finance.authorise(proposalID: id, by: head, now: outputNow) }
    #expect(financeFiles(s).isEmpty)
    #expect(try s.pipeline.ledger.financeRuns.all().isEmpty)
    #expect(ChequeBatchRenderer.bacsProblems(
        SchoolRecord(urn: "1", name: "x", route: .cheque, supplierID: "S", payeeName: "A", sortCode: "4011", accountNumber: "21456783",
            bacsAccountName: "A")) == ["school URN 1: the sort code must be 6 digits"])
}
