import Foundation
import Logging
import PEPPipelineTestSupport
import PEPTestSupport
import PEPModel
import Testing

@testable import PEPPipeline

/// The tracker files from the sample inbox and the sample register, as a new user would see
/// them under `out/tracker/`.

private func rows(_ csv: String) -> [[String]] {
    csv.split(separator: "\r\n").map { line in
        // The tracker's detail column is the only quoted one; split on commas outside quotes.
        var cells: [String] = [], cell = "", quoted = false
        for ch in line {
            if ch == "\"" { quoted.toggle() } else if ch == "," && !quoted { cells.append(cell); cell = "" } else { cell.append(ch) }
        }
        cells.append(cell)
        return cells
    }
}

private func row(_ csv: String, child: String) -> [String]? { rows(csv).first { $0.first == child } }

@Test func theSampleTrackerShowsTheThreeThingsAVirtualSchoolChases() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    let files = try s.pipeline.outputs.publishTracker(now: outputNow)
    let folder = try #require(files.first).deletingLastPathComponent()
    #expect(Set(files.map(\.lastPathComponent)).isSuperset(of: ["2025-26-autumn.csv", "initial-peps.csv", "statistics.csv"]))
    let autumn = try text(folder.appendingPathComponent("2025-26-autumn.csv"))
    // A meeting held (planned for 5 Nov on the register) whose PEP has not arrived.
    #expect(row(autumn, child: "LA100013")?[3] == "pep-overdue")
    // Every child on the register has a line; the PEPs of children not on it are listed too.
    for n in 1...15 { #expect(row(autumn, child: String(format: "LA1000%02d", n)) != nil) }
    #expect(row(autumn, child: "EC743782")?[6] == "no")
    // An initial PEP overdue in school days (entered care 20 Oct, due 24 Nov).
    let initial = try text(folder.appendingPathComponent("initial-peps.csv"))
    #expect(row(initial, child: "LA100014") == ["LA100014", "St Hilda's CE Primary School", "2025-10-20", "2025-11-24", "25", "yes"])
    #expect(row(initial, child: "LA100007") == nil, "held its initial PEP")
}

@Test func theQAClockRunsFromTheMeetingNotFromReceipt() throws {
    let s = try ProcessedSamples(completingQA: false)
    defer { s.remove() }
    // 5 Nov 2025: LA100010's meeting was 24 Sep (QA due 8 Oct); it arrived 27 Oct, so a clock
    // from receipt would still have until 10 Nov.
    let files = try s.pipeline.outputs.publishTracker(now: Date(timeIntervalSince1970: 1_762_336_800))
    let autumn = try text(try #require(files.first { $0.lastPathComponent == "2025-26-autumn.csv" }))
    #expect(row(autumn, child: "LA100010")?[3] == "qa-overdue")
    #expect(row(autumn, child: "LA100010")?[4] == "QA overdue (was due 2025-10-08)")
}

@Test func completingQAStopsTheClockAndCountsOnTime() throws {
    let s = try ProcessedSamples(completingQA: false)
    defer { s.remove() }
    let ledger = s.pipeline.ledger
    let entry = try #require(try ledger.reviews.worklist().first { $0.childLAID == "LA100001" })
    let user = try ledger.users.add(
        name: "alice", passwordHash: "$2b$04$abcdefghijklmnopqrstuu5Bf3nqgTq3XtmeZw0ZpTj8Gf1d3tC6", role: .coordinator,
        phase: nil, actor: "test", at: outputNow)
    // 21 Oct 2025 is within 10 working days of LA100001's 8 Oct meeting.
    try ledger.reviews.complete(
        submissionID: entry.submissionID, runID: entry.runID, quality: entry.quality, compliance: entry.compliance, by: user,
        at: Date(timeIntervalSince1970: 1_761_040_800))
    let files = try s.pipeline.outputs.publishTracker(now: outputNow)
    let autumn = try text(try #require(files.first { $0.lastPathComponent == "2025-26-autumn.csv" }))
    #expect(row(autumn, child: "LA100001")?[3] == "qa-complete")
    let statistics = try text(try #require(files.first { $0.lastPathComponent == "statistics.csv" }))
    #expect(statistics.contains("2025/26,autumn,all,,qa_on_time,1\r\n"))
    // The designed samples without the three Maildir ones (the full inbox's hand count is in
    // TrackerTests): 22 due, 17 received, 14 of them within the submission clock.
    #expect(statistics.contains("2025/26,autumn,all,,peps_due,22\r\n"))
    #expect(statistics.contains("2025/26,autumn,all,,received_on_time,14\r\n"))
    #expect(statistics.contains("2025/26,autumn,all,,received_on_time_pct_of_due,63.6\r\n"))
}

@Test func theTrackerIsRefreshedOnceADayAtItsHourEvenWithNothingArriving() {
    let refresh = DailyRefresh(hour: 6)
    let day = Date(timeIntervalSince1970: 1_764_547_200)  // Mon 1 Dec 2025 00:00 (GMT = England in winter)
    #expect(!refresh.isDue(now: day.addingTimeInterval(5 * 3600)), "before 06:00")
    #expect(refresh.isDue(now: day.addingTimeInterval(6 * 3600 + 60)))
    refresh.ran(at: day.addingTimeInterval(6 * 3600 + 60))
    #expect(!refresh.isDue(now: day.addingTimeInterval(20 * 3600)), "once a day")
    #expect(refresh.isDue(now: day.addingTimeInterval(30 * 3600 + 60)), "the next day after 06:00")
}

@Test func aTrackerHourOutsideTheDayIsAConfigurationError() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pepqa-tracker-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("pepqa.yaml")
    try Data("tracker_hour: 24\n".utf8).write(to: file)
    #expect(throws: ServiceConfiguration.Problem.self) { _ = try ServiceConfiguration.load(file: file.path) }
}

@Test func theCaseSystemsExportRefreshesTheRegisterAndFeedbackGoesToItsAddresses() throws {
    let s = try ProcessedSamples(completingQA: false)
    defer { s.remove() }
    let imports = s.root.appendingPathComponent("case-system")
    try FileManager.default.createDirectory(at: imports, withIntermediateDirectories: true)
    let roster = try String(contentsOf: Repository.rules.appendingPathComponent("roster.csv"), encoding: .utf8)
    // The nightly export: LA100001 has a new social worker, and one row has a broken date.
    let export =
        roster.replacingOccurrences(
            of: "LA100001,Ava,Testwood,A190001100001,190001,Riverside Academy,9,priya.lang@council.example.gov.uk,",
            with: "LA100001,Ava,Testwood,A190001100001,190001,Riverside Academy,9,j.okafor@council.example.gov.uk,")
        + "LA100099,Zed,Broken,,190001,Riverside Academy,9,,,31/02/2025,\n"
    let file = imports.appendingPathComponent("cla-export.csv")
    try export.write(to: file, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.modificationDate: outputNow.addingTimeInterval(-3600)], ofItemAtPath: file.path)
    var config = ServiceConfiguration()
    config.rulesDir = Repository.rules.path
    config.stateDir = s.root.appendingPathComponent("state").path
    config.outDir = s.out.path
    config.rosterImportDir = imports.path
    let pipeline = try Pipeline.build(configuration: config, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    try s.completeQA()
    _ = try? pipeline.outputs.publish(now: outputNow)
    let note = try text(s.out.appendingPathComponent("tracker/register.txt"))
    #expect(note.contains("from cla-export.csv"))
    #expect(note.contains("cla-export.csv:\(export.components(separatedBy: "\n").count - 1): entered_care is not a date"))
    #expect(!note.contains("Zed") && !note.contains("Broken"))
    let mails = try FileManager.default.contentsOfDirectory(at: s.outbox, includingPropertiesForKeys: nil)
        .filter { $0.lastPathComponent.hasSuffix("-sw.eml") }
        .map { try text($0).replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=\n", with: "") }  // quoted-printable soft breaks
    let toNew = mails.filter { $0.contains("To: j.okafor@council.example.gov.uk") || $0.contains("<j.okafor@council.example.gov.uk>") }
    #expect(toNew.count == 1)
    #expect(toNew.first?.contains("the plan gave priya.lang@council.example.gov.uk") == true)
}

@Test func theTrackerAndTheFiguresArePagesAsWellAsCSVFiles() throws {
    let s = try ProcessedSamples(completingQA: false)
    defer { s.remove() }
    let files = try s.pipeline.outputs.publishTracker(now: outputNow)
    let folder = try #require(files.first).deletingLastPathComponent()
    #expect(Set(files.map(\.lastPathComponent)).isSuperset(of: ["index.html", "2025-26-autumn.html", "statistics.html", "register.txt"]))
    let index = try text(folder.appendingPathComponent("index.html"))
    // The same hand count as statistics.csv: 22 due, 17 received, 14 on time (63.6%).
    #expect(index.contains(#"<tr><th scope="row">Autumn 2025/26</th><td>22</td><td>17</td><td>14</td><td>63.6</td>"#))
    #expect(index.contains(#"<th scope="row">LA100014</th>"#), "the overdue initial PEP")
    #expect(index.contains(#"<a href="2025-26-autumn.html">Autumn 2025/26</a>"#))
    let autumn = try text(folder.appendingPathComponent("2025-26-autumn.html"))
    #expect(autumn.contains(#"<th scope="row">LA100013</th>"#))
    #expect(autumn.contains("PEP overdue<br><strong>1</strong>"))
    let statistics = try text(folder.appendingPathComponent("statistics.html"))
    #expect(statistics.contains("<caption>Academic year 2025/26: PEPs due, received and quality-assured on time</caption>"))
    #expect(statistics.contains(#"<a href="statistics-2025-26.html">2025/26</a>"#))
    let year = try text(folder.appendingPathComponent("statistics-2025-26.html"))
    #expect(year.contains("<caption>Autumn 2025/26: how often each criterion failed, most failed first</caption>"))
    #expect(year.contains("<caption>Academic year 2025/26: PEPs due, received and quality-assured on time</caption>"))
    for page in [index, autumn, statistics, year] {
        #expect(!page.contains("Testwood"), "no child's name on the tracker pages")
    }
}

@Test func aNewProcessDoesNotRefreshATrackerAlreadyMadeToday() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    var england = Calendar(identifier: .gregorian)
    england.timeZone = DailyRefresh.england
    // Noon today, past the tracker's hour: the outputs are brought up to date today…
    let noon = try #require(england.date(bySettingHour: 12, minute: 0, second: 0, of: Date()))
    try s.pipeline.serviceWork.afterCycle(now: noon)
    let index = s.out.appendingPathComponent("tracker/index.html")
    try FileManager.default.removeItem(at: index)
    // …then a new process (`run --once` from a timer) starts on the same state and polls.
    let next = try samplePipeline(root: s.root)
    try next.serviceWork.afterCycle(now: noon.addingTimeInterval(60))
    try next.serviceWork.everyCycle(now: noon.addingTimeInterval(61))
    #expect(!FileManager.default.fileExists(atPath: index.path), "the tracker made today is not made again")
}
