import Foundation
import PEPIntake
import PEPLedger
import PEPModel
import Testing
import PEPTestSupport
import PEPPipelineTestSupport

@testable import PEPPipeline

/// 2025-12-01 10:00 UTC: inside autumn 2025/26, past its termly deadline (28 November).
let outputNow = Date(timeIntervalSince1970: 1_764_583_200)

/// A day later than `outputNow`, for a second call.
let outputLater = outputNow.addingTimeInterval(86_400)

/// The sample inbox rated into a fresh state and output folder. Samples named in `heldBack`
/// are moved to `<root>/later/` (still stamped) for a test to process afterwards.
struct ProcessedSamples {
    let root: URL
    let inbox: URL
    let later: URL
    let pipeline: Pipeline

    /// - Parameter completingQA: false leaves every PEP waiting in the worklist, as it is
    ///   before any coordinator has looked at it.
    init(heldBack: [String] = [], completingQA: Bool = true) throws {
        let (inbox, root) = try stampedSampleInbox()
        self.inbox = inbox
        self.root = root
        later = root.appendingPathComponent("later")
        try FileManager.default.createDirectory(at: later, withIntermediateDirectories: true)
        for name in heldBack {
            try FileManager.default.moveItem(at: inbox.appendingPathComponent(name), to: later.appendingPathComponent(name))
        }
        pipeline = try samplePipeline(root: root)
        _ = pipeline.paths.process(paths: [inbox.path], clock: .fileModified)
        if completingQA { try completeQA() }
    }

    /// Completes QA of every waiting PEP, as a coordinator would (only this releases the
    /// feedback and the export: see `NothingLeavesBeforeQATests`), and approves each PP+
    /// request as the machine recommends, as a VSH would (only this lets a finance run pay).
    func completeQA() throws {
        try pipeline.ledger.approvePPPlusAsRecommended(at: outputNow)
    }

    var out: URL { root.appendingPathComponent("out") }
    var outbox: URL { out.appendingPathComponent("outbox") }
    var exports: URL { out.appendingPathComponent("exports") }
    var finance: URL { out.appendingPathComponent("finance") }
    /// The Admin team's folder (`folders.admin` in the shipped finance.yaml).
    var admin: URL { out.appendingPathComponent("admin") }
    var reports: URL { out.appendingPathComponent("reports") }
    var dashboard: URL { out.appendingPathComponent("dashboard") }

    /// Rates the held-back samples (a later arrival).
    func processLater() {
        _ = pipeline.paths.process(paths: [later.path], clock: .fileModified)
        try? completeQA()
    }

    /// Writes a changed copy of a sample into `later/` (new bytes, so a new submission),
    /// received on `receivedOn`.
    func resubmit(_ sample: String, as name: String, receivedOn: String, replacing old: String, with new: String) throws {
        let text = try String(contentsOf: Repository.sampleInbox.appendingPathComponent("\(sample)"), encoding: .utf8)
        #expect(text.contains(old), "\(sample) should contain the text to change")
        let target = later.appendingPathComponent(name)
        try text.replacingOccurrences(of: old, with: new).write(to: target, atomically: true, encoding: .utf8)
        let day = try #require(CalendarDate(iso: receivedOn))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 9, minute: 30))!
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: target.path)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Every file of a folder by name, with its bytes (empty when the folder is absent).
func contents(of folder: URL) -> [String: Data] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    var out: [String: Data] = [:]
    for name in names where !name.hasPrefix(".") {
        out[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
    }
    return out
}

func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

/// CSV rows split on commas (finance and export files quote nothing the tests look at).
func csvRows(_ text: String) -> [[String]] {
    text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
}

extension FinanceCloser {
    /// A run prepared by a finance officer and authorised by the Virtual School Head, as the
    /// two-person rule wants: for the tests about what a run pays and writes.
    func closeAsTwoPeople(now: Date) throws -> FinanceCloseSummary {
        let officer = try ledger.testUser("finance-officer", .finance, at: now)
        let head = try ledger.testUser("vsh-test", .vsh, at: now)
        guard let id = try prepare(by: officer.name, now: now).proposalID else { return FinanceCloseSummary() }
        return try authorise(proposalID: id, by: head, now: now)
    }

    /// A run prepared, authorised and recorded, as by `closeAsTwoPeople`, then a crash before
    /// any of its files is written.
    func recordWithoutFiles(now: Date) throws -> FinanceRunRecord? {
        let officer = try ledger.testUser("finance-officer", .finance, at: now)
        guard let id = try prepare(by: officer.name, now: now).proposalID, let runPlan = try plan(now: now).1 else { return nil }
        return try ledger.financeRuns.close(
            runPlan,
            authorisation: FinanceAuthorisation(proposalID: id, preparedBy: officer.name, authorisedBy: "vsh-test", singlePerson: false),
            at: now)
    }
}
