import Foundation
import Logging
import PEPIntake
import PEPModel
import PEPTestSupport
import Testing
import PEPTestSupport
import PEPPipelineTestSupport
@testable import PEPLedger
@testable import PEPPipeline

#if canImport(Glibc)
    import Glibc
#endif

/// THE REPEATED KILL TEST: the real `pepqa run` binary drains a backlog while it is killed with
/// SIGKILL at random moments and restarted, then a last `--once` run finishes the job. Whatever
/// the moments, nothing may be lost, nothing processed twice, nothing left half-written.
///
/// The backlog: 150 JSON PEPs made from the samples (varied child IDs, terms and years; some
/// share a child, term and year, so supersession happens too), the four broken samples, an
/// empty file, five duplicates under other names, and a Maildir with the four sample e-mails
/// (three with a PEP, one without).
///
/// `swift test` builds every product, `pepqa` included, beside the test bundle; the test uses
/// that binary (or `$PEPQA_BINARY`).
@Test(.timeLimit(.minutes(5)))
func repeatedKillsWhileDrainingLoseNothingAndDoNothingTwice() async throws {
    try await drainWhileKilling(documents: 150, kills: 8, delays: 0.3...1.6)
}

/// THE KILL TEST AT SCALE: 1,000 documents (JSON, XML, Word forms and e-mails; broken files,
/// duplicates, resubmissions), 20 `kill -9`s spread over the drain, a finance run prepared and
/// authorised in between; then nothing lost, nothing twice, every PP+ request paid at most once,
/// every output whole.
@Test(.timeLimit(.minutes(10)))
func theKillTestAtScale() async throws {
    try await drainWhileKilling(documents: 1_000, kills: 20, delays: 0.5...3.0)
}

func drainWhileKilling(documents: Int, kills: Int, delays range: ClosedRange<Double>) async throws {
    let binary = try pepqaBinary()
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let backlog = try KillTestBacklog(fixture: fixture, count: documents)

    var delays: [Double] = []
    var financeRun: FinanceCloseSummary?  // the first mid-drain run that had something to pay
    for run in 1...kills {
        let delay = Double.random(in: range)
        delays.append(delay)
        let process = try launch(binary, fixture: fixture, arguments: ["--poll-interval", "0.2"], log: "run-\(run)")
        if run >= 3, financeRun?.run == nil {
            // While the service drains: QA, the VSH's approvals, and a finance run prepared by one
            // person and authorised by another, in this process, through the pipeline's own
            // finance close (the workbench's path), racing the service and its kill.
            financeRun = try prepareAndAuthoriseAFinanceRun(fixture)
        }
        try await Task.sleep(for: .seconds(delay))
        kill(process.processIdentifier, SIGKILL)
        await waitForExit(process)
    }
    let inboxAfterKills = fixture.files(in: fixture.inbox).count
    // Coordinators complete QA of whatever was rated (the workbench, while the watcher is
    // down); the final run must then publish every output exactly once.
    try completeQAOfEverythingWaiting(fixture)
    let last = try launch(binary, fixture: fixture, arguments: ["--once"], log: "final")
    await waitForExit(last)
    // What the final run rated is reviewed too; the next poll publishes it.
    try completeQAOfEverythingWaiting(fixture)
    let publish = try launch(binary, fixture: fixture, arguments: ["--once"], log: "publish")
    await waitForExit(publish)
    #expect(publish.terminationStatus == 0)
    let context = Comment(rawValue: "kill delays \(delays.map { String(format: "%.2f", $0) }); "
        + "\(inboxAfterKills) inbox files left before the final run; logs in \(fixture.root.path)")
    #expect(last.terminationStatus == 0, context)

    try checkInboxIsEmpty(fixture, context)
    try checkEveryInputFiledExactlyOnce(fixture, backlog, context)
    try checkLedger(fixture, backlog, context)
    try checkNoTemporaryFiles(fixture, context)
    try checkOutputs(fixture, context)
    try checkFinance(fixture, financeRun, context)
}

/// Completes QA of what is waiting, approves its PP+ as recommended (as the VSH), then prepares
/// a run as finance and authorises it as the VSH.
private func prepareAndAuthoriseAFinanceRun(_ fixture: ServiceFixture) throws -> FinanceCloseSummary? {
    let pipeline = try Pipeline.build(configuration: fixture.configuration, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    let now = Date()
    try pipeline.ledger.approvePPPlusAsRecommended(at: now)
    let officer = try pipeline.ledger.testUser("finance-officer", .finance, at: now)
    let head = try pipeline.ledger.testUser("vsh-test", .vsh, at: now)
    guard let id = try pipeline.finance.prepare(by: officer.name, now: now).proposalID else { return nil }
    return try pipeline.finance.authorise(proposalID: id, by: head, now: now)
}

/// Every PP+ request paid at most once, only as the VSH approved it, and the run's files whole:
/// each batch file's last line carries the ledger's total for the batch.
private func checkFinance(_ fixture: ServiceFixture, _ summary: FinanceCloseSummary?, _ context: Comment) throws {
    let ledger = try Ledger(path: fixture.configuration.ledgerPath)
    defer { try? ledger.close() }
    let run = try #require(summary?.run, "a finance run was authorised mid-drain; \(context)")
    #expect(try ledger.financeRuns.all().map(\.id) == [run.id], context)
    #expect(try ledger.financeRuns.awaitingFiles().isEmpty, context)
    #expect(
        try ledger.integer("SELECT COUNT(*) FROM batch_item") == ledger.integer("SELECT COUNT(DISTINCT decision_id) FROM batch_item"),
        context)
    #expect(
        try ledger.integer(
            """
            SELECT COUNT(*) FROM batch_item b WHERE b.amount_pence IS NOT (SELECT v.amount_pence FROM ppplus_verdict v
                WHERE v.decision_id = b.decision_id AND v.verdict IN ('approve', 'part-approve') ORDER BY v.id DESC LIMIT 1)
            """) == 0, "every line pays exactly what the VSH approved; \(context)")
    let out = URL(fileURLWithPath: fixture.configuration.outDir)
    for batch in try ledger.payments.batches() {
        let folder = out.appendingPathComponent(batch.kind == .journal ? "finance" : "admin")
        let text = try String(contentsOf: folder.appendingPathComponent(batch.fileName), encoding: .utf8)
        let last = text.split(separator: "\r\n").last.map(String.init) ?? ""
        #expect(last.contains(batch.total.decimalString), "\(batch.fileName) whole; \(context)")
    }
}

/// The inputs, and what the ledger must end up holding.
struct KillTestBacklog {
    /// SHA-256 of every input file (drop files and e-mails), one entry per file.
    var inputHashes: [String] = []
    /// The submissions the ledger must hold, by SHA-256, and whether each is rated.
    var expected: [String: SubmissionStatus] = [:]

    init(fixture: ServiceFixture, count: Int = 150) throws {
        let samples = Repository.sampleInbox
        let jsonSamples = [
            "01-green-review-secondary.json", "03-amber-thin-targets.json", "05-red-no-child-voice.json",
            "07-initial-pep.json", "09-over-cap-ppplus.json", "11-green-year6-transition.json",
            "12-amber-compliance-slightly-late.json",
        ]
        let terms = ["autumn", "spring", "summer"]
        let years = ["2024/25", "2025/26", "2026/27"]
        var generated: [URL] = []
        for i in 0..<count {
            let data = try Data(contentsOf: samples.appendingPathComponent(jsonSamples[i % jsonSamples.count]))
            guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                var child = object["child"] as? [String: Any], var pep = object["pep"] as? [String: Any]
            else { throw KillTestError("sample \(jsonSamples[i % jsonSamples.count]) is not a JSON object") }
            child["la_id"] = String(format: "KT%05d", i % max(1, count * 4 / 5))  // some send two PEPs for one term
            pep["term"] = terms[i % 3]
            pep["academic_year"] = years[(i / 3) % 3]
            object["child"] = child
            object["pep"] = pep
            let bytes = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            let url = fixture.inbox.appendingPathComponent(String(format: "pep-%03d.json", i))
            try bytes.write(to: url)
            generated.append(url)
            expected[SHA256.hex(Array(bytes))] = .rated
        }
        // XML exports (child IDs varied by text) and every Word form, as schools send them.
        let xmlSamples = ["02-green-review-primary.xml", "04-amber-no-carer-low-attendance.xml", "06-red-no-targets.xml"]
        for i in 0..<(count / 10) {
            var text = try String(contentsOf: samples.appendingPathComponent(xmlSamples[i % xmlSamples.count]), encoding: .utf8)
            guard let open = text.range(of: "<la_id>"), let close = text.range(of: "</la_id>", range: open.upperBound..<text.endIndex)
            else { throw KillTestError("sample \(xmlSamples[i % xmlSamples.count]) has no la_id") }
            text.replaceSubrange(open.upperBound..<close.lowerBound, with: String(format: "KX%05d", i))
            let url = fixture.inbox.appendingPathComponent(String(format: "pep-%03d.xml", i))
            try Data(text.utf8).write(to: url)
            expected[SHA256.hex(Array(text.utf8))] = .rated
        }
        if count >= 500 {
            let docx = samples.appendingPathComponent("docx")
            for name in try FileManager.default.contentsOfDirectory(atPath: docx.path) where name.hasSuffix(".docx") {
                let url = try fixture.drop(sample: "docx/\(name)", as: "form-\(name)")
                expected[SHA256.hex(Array(try Data(contentsOf: url)))] = .rated
            }
        }
        for broken in ["90-broken-truncated.json", "91-broken-wrong-namespace.xml", "92-broken-xxe.xml", "93-broken-pdf-renamed.docx"] {
            let url = try fixture.drop(sample: broken)
            expected[SHA256.hex(Array(try Data(contentsOf: url)))] = .rejected
        }
        for (n, source) in generated.prefix(5).enumerated() {
            try FileManager.default.copyItem(at: source, to: fixture.inbox.appendingPathComponent("dup-\(n).json"))
        }
        try fixture.drop("", as: "empty.json")
        let maildir = fixture.inbox.appendingPathComponent("mail")
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(at: maildir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let mailSamples = samples.appendingPathComponent("maildir/new")
        for name in try FileManager.default.contentsOfDirectory(atPath: mailSamples.path) where !name.hasPrefix(".") {
            let target = maildir.appendingPathComponent("new/\(name)")
            try FileManager.default.copyItem(at: mailSamples.appendingPathComponent(name), to: target)
            for submission in MailMessageReader().read(fileAt: target).submissions {
                expected[submission.sha256] = .rated
            }
        }
        for name in fixture.files(in: fixture.inbox) {
            inputHashes.append(SHA256.hex(Array(try Data(contentsOf: fixture.inbox.appendingPathComponent(name)))))
        }
    }
}

struct KillTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The `pepqa` executable SwiftPM built beside the test bundle.
func pepqaBinary() throws -> URL {
    if let given = ProcessInfo.processInfo.environment["PEPQA_BINARY"] { return URL(fileURLWithPath: given) }
    let testBundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    let binary = testBundle.deletingLastPathComponent().appendingPathComponent("pepqa")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
        throw KillTestError("no pepqa binary at \(binary.path): run `swift build` (swift test builds it) or set PEPQA_BINARY")
    }
    return binary
}

/// Starts `pepqa run` over the fixture, its log in `<root>/<log>.log`.
func launch(_ binary: URL, fixture: ServiceFixture, arguments: [String], log: String) throws -> Process {
    let config = fixture.configuration
    let process = Process()
    process.executableURL = binary
    process.arguments =
        ["run", "--inbox", fixture.inbox.path, "--state", config.stateDir, "--out", config.outDir, "--rules", config.rulesDir]
        + arguments
    var environment = ProcessInfo.processInfo.environment
    for key in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM"] { environment[key] = nil }
    process.environment = environment
    let logURL = fixture.root.appendingPathComponent("\(log).log")
    _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
    let handle = try FileHandle(forWritingTo: logURL)
    process.standardError = handle
    process.standardOutput = handle
    try process.run()
    return process
}

/// Waits for a child process without holding a thread of the shared pool.
func waitForExit(_ process: Process) async {
    while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
}

private func checkInboxIsEmpty(_ fixture: ServiceFixture, _ context: Comment) throws {
    let left = fixture.files(in: fixture.inbox).filter { !$0.hasPrefix("mail/cur/") }
    #expect(left.isEmpty, "left in the inbox: \(left); \(context)")
}

private func checkEveryInputFiledExactlyOnce(_ fixture: ServiceFixture, _ backlog: KillTestBacklog, _ context: Comment) throws {
    var filed: [String] = []
    for name in fixture.files(in: fixture.archive) {
        filed.append(SHA256.hex(Array(try Data(contentsOf: fixture.archive.appendingPathComponent(name)))))
    }
    let quarantined = fixture.files(in: fixture.quarantine)
    for name in quarantined where !name.hasSuffix(".reason") {
        filed.append(SHA256.hex(Array(try Data(contentsOf: fixture.quarantine.appendingPathComponent(name)))))
        #expect(quarantined.contains(name + ".reason"), "\(name) has no .reason; \(context)")
    }
    for note in quarantined where note.hasSuffix(".reason") {
        #expect(quarantined.contains(String(note.dropLast(7))), "\(note) has no file; \(context)")
    }
    let cur = fixture.inbox.appendingPathComponent("mail/cur")
    for name in fixture.files(in: cur) {
        filed.append(SHA256.hex(Array(try Data(contentsOf: cur.appendingPathComponent(name)))))
    }
    #expect(filed.sorted() == backlog.inputHashes.sorted(), "filed \(filed.count) of \(backlog.inputHashes.count) inputs; \(context)")
}

private func checkLedger(_ fixture: ServiceFixture, _ backlog: KillTestBacklog, _ context: Comment) throws {
    let ledger = try Ledger(path: fixture.configuration.ledgerPath)
    defer { try? ledger.close() }
    #expect(try ledger.count("submission") == backlog.expected.count, "one submission per distinct content; \(context)")
    let reports = fixture.root.appendingPathComponent("out/reports")
    let reportNames = Set(fixture.files(in: reports))
    for (sha, status) in backlog.expected {
        let record = try #require(try ledger.submissions.recorded(sha256: sha), "\(sha.prefix(12)) not in the ledger; \(context)")
        #expect(record.status == status, "\(sha.prefix(12)); \(context)")
        let runs = try ledger.integer("SELECT COUNT(*) FROM rating_run WHERE submission_id = ?", [record.submissionID])
        #expect(runs == (status == .rated ? 1 : 0), "rating runs of submission \(record.submissionID); \(context)")
        guard status == .rated else { continue }
        let stem = reportNames.first { $0.hasSuffix("-\(sha.prefix(10)).json") }.map { String($0.dropLast(5)) }
        guard let stem, reportNames.contains(stem + ".html") else {
            Issue.record("submission \(record.submissionID) has no QA report; \(context)")
            continue
        }
        let json = try Data(contentsOf: reports.appendingPathComponent(stem + ".json"))
        #expect((try? JSONSerialization.jsonObject(with: json)) != nil, "\(stem).json does not parse; \(context)")
        let html = try String(contentsOf: reports.appendingPathComponent(stem + ".html"), encoding: .utf8)
        #expect(html.contains("</html>"), "\(stem).html is cut short; \(context)")
    }
    let doubled = try ledger.integer(
        "SELECT COUNT(*) FROM (SELECT submission_id, request_index FROM funding_decision GROUP BY 1, 2 HAVING COUNT(*) > 1)")
    #expect(doubled == 0, "a funding decision recorded twice; \(context)")
    let orphanRuns = try ledger.integer(
        "SELECT COUNT(*) FROM funding_decision d WHERE NOT EXISTS (SELECT 1 FROM rating_run r WHERE r.id = d.run_id)")
    #expect(orphanRuns == 0, "\(context)")
}

/// The outputs the service makes from the ledger after each busy poll: every rating on exactly
/// one written export batch whose files exist, and feedback for each rated submission recorded
/// once per recipient with its file in the outbox.
private func checkOutputs(_ fixture: ServiceFixture, _ context: Comment) throws {
    let ledger = try Ledger(path: fixture.configuration.ledgerPath)
    defer { try? ledger.close() }
    let out = fixture.root.appendingPathComponent("out")
    // Every rating of a PEP that names its child, term and year (the case record needs them; a
    // letter that names none is rated but has nothing to export).
    let runs = try #require(
        try ledger.integer(
            """
            SELECT COUNT(*) FROM rating_run r JOIN submission s ON s.id = r.submission_id
            WHERE s.child_la_id IS NOT NULL AND s.term IS NOT NULL AND s.academic_year IS NOT NULL
            """))
    #expect(runs > 0, "\(context)")
    let diagnosis = try [
        "rated \(ledger.integer("SELECT COUNT(*) FROM submission WHERE status = 'rated'") ?? -1)",
        "current \(ledger.integer("SELECT COUNT(*) FROM submission WHERE status = 'rated' AND superseded_by IS NULL") ?? -1)",
        "completed \(ledger.integer("SELECT COUNT(*) FROM qa_completion") ?? -1)",
        "exported \(ledger.integer("SELECT COUNT(*) FROM export_record") ?? -1)",
        "runs \(runs)",
    ].joined(separator: ", ")
    #expect(try ledger.integer("SELECT COUNT(*) FROM export_record") == runs, "every rating exported exactly once (\(diagnosis)); \(context)")
    let unwritten = try ledger.integer(
        "SELECT COUNT(*) FROM export_batch b WHERE NOT EXISTS (SELECT 1 FROM export_batch_written w WHERE w.batch_id = b.id)")
    #expect(unwritten == 0, "export batches recorded but not written; \(context)")
    let batches = try ledger.integer("SELECT COUNT(*) FROM export_batch")
    let exportFiles = fixture.files(in: out.appendingPathComponent("exports"))
    #expect(exportFiles.filter { $0.hasSuffix(".csv") }.count == batches, "\(exportFiles); \(context)")
    #expect(exportFiles.filter { $0.hasSuffix(".xml") }.count == batches, "\(exportFiles); \(context)")
    let rated = try #require(try ledger.integer("SELECT COUNT(*) FROM submission WHERE status = 'rated'"))
    let feedback = try ledger.integer("SELECT COUNT(*) FROM outbox_message WHERE kind = 'feedback'")
    #expect(feedback == 2 * rated, "feedback recorded once per rated submission and recipient; \(context)")
    // Feedback and the finance run's payment notices: each recorded message is one file.
    let files = try ledger.integer("SELECT COUNT(*) FROM outbox_message WHERE file_name IS NOT NULL")
    let outbox = fixture.files(in: out.appendingPathComponent("outbox")).filter { $0.hasSuffix(".eml") }
    #expect(outbox.count == files, "one .eml per recorded message (the relay took none); \(context)")
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("dashboard/index.html").path), "\(context)")
}

private func checkNoTemporaryFiles(_ fixture: ServiceFixture, _ context: Comment) throws {
    for folder in [fixture.root.appendingPathComponent("out"), fixture.archive, fixture.quarantine] {
        let hidden = fixture.files(in: folder).filter { $0.split(separator: "/").contains { $0.hasPrefix(".") } }
        #expect(hidden.isEmpty, "temporary files left in \(folder.lastPathComponent): \(hidden); \(context)")
    }
    #expect(!FileManager.default.fileExists(atPath: CrashMarker(stateDir: fixture.configuration.stateDir).path))
}

/// Completes QA of every waiting PEP, as a coordinator would in the workbench.
private func completeQAOfEverythingWaiting(_ fixture: ServiceFixture) throws {
    let ledger = try Ledger(path: fixture.configuration.ledgerPath)
    defer { try? ledger.close() }
    let user = try ledger.users.credentials(name: "qa-officer")?.user ?? ledger.users.add(
        name: "qa-officer", passwordHash: "$2b$04$abcdefghijklmnopqrstuu5Bf3nqgTq3XtmeZw0ZpTj8Gf1d3tC6", role: .coordinator,
        phase: nil, actor: "test", at: Date())
    for entry in try ledger.reviews.worklist() {
        try ledger.reviews.complete(
            submissionID: entry.submissionID, runID: entry.runID, quality: entry.quality, compliance: entry.compliance,
            by: user, at: Date())
    }
}
