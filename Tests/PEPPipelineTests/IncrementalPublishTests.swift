import Foundation
import PEPLedger
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPPipeline

/// A poll publishes only when something the outputs show changed since the last publish that
/// succeeded, so an idle poll costs the same at any ledger size, and the watcher still picks up
/// what people did in the workbench while no document arrived.

private func feedbackFiles(_ s: ProcessedSamples) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: s.outbox.path)) ?? []).filter { $0.hasSuffix("-dt.eml") }.sorted()
}

@Test func aPollWithNothingNewPublishesNothingAndAWorkbenchDecisionIsPublishedAtTheNextPoll() throws {
    let s = try ProcessedSamples(completingQA: false)
    defer { s.remove() }
    let outputs = s.pipeline.outputs
    #expect(try outputs.publishIfChanged(now: outputNow) != nil, "the first publish of a ledger")
    #expect(try outputs.publishIfChanged(now: outputNow) == nil, "nothing changed: nothing read, nothing written")
    #expect(feedbackFiles(s).isEmpty, "no feedback before QA")
    // A coordinator completes QA in the workbench (another process); no document arrives.
    let coordinator = try s.pipeline.ledger.testUser("qa-officer", .coordinator, at: outputNow)
    let entry = try #require(try s.pipeline.ledger.reviews.worklist().first)
    try s.pipeline.ledger.reviews.complete(
        submissionID: entry.submissionID, runID: entry.runID, quality: entry.quality, compliance: entry.compliance, by: coordinator,
        at: outputNow)
    // The service's every-poll work publishes it.
    try s.pipeline.serviceWork.everyCycle(now: outputNow)
    #expect(feedbackFiles(s).count == 1, "the released feedback went out at the next poll: \(feedbackFiles(s))")
    #expect(try outputs.publishIfChanged(now: outputNow) == nil)
    // The next day the clocks move: the dashboard and tracker are brought up to date.
    #expect(try outputs.publishIfChanged(now: outputLater) != nil)
    #expect(try outputs.publishIfChanged(now: outputLater) == nil)
}

@Test func aMissingReportIsRestoredForNewSubmissionsAndByOutputsRebuildForAll() throws {
    let s = try ProcessedSamples(heldBack: ["02-green-review-primary.xml"], completingQA: false)
    defer { s.remove() }
    let outputs = s.pipeline.outputs
    _ = try outputs.publish(now: outputNow)
    let old = try #require(try FileManager.default.contentsOfDirectory(atPath: s.reports.path).first { $0.hasSuffix(".html") })
    try FileManager.default.removeItem(at: s.reports.appendingPathComponent(old))
    // A crash between a new PEP's commit and its report: the next publish writes it.
    let before = Set(try FileManager.default.contentsOfDirectory(atPath: s.reports.path))
    s.processLater()
    let added = Set(try FileManager.default.contentsOfDirectory(atPath: s.reports.path)).subtracting(before)
    let newest = try #require(added.first { $0.hasSuffix(".html") }, "\(added)")
    try FileManager.default.removeItem(at: s.reports.appendingPathComponent(newest))
    let summary = try #require(try outputs.publishIfChanged(now: outputNow))
    #expect(summary.reportsRestored.count == 1, "only the submission since the last publish is looked at: \(summary.reportsRestored)")
    #expect(FileManager.default.fileExists(atPath: s.reports.appendingPathComponent(newest).path))
    #expect(!FileManager.default.fileExists(atPath: s.reports.appendingPathComponent(old).path))
    // The one deleted by hand long ago: `pepqa outputs rebuild`.
    let rebuilt = try outputs.publish(now: outputNow, full: true)
    #expect(rebuilt.reportsRestored.count == 1)
    #expect(FileManager.default.fileExists(atPath: s.reports.appendingPathComponent(old).path))
}

@Test func aFailedPublishIsTriedAgainBetweenDocumentsWithBackoff() {
    let backoff = OutputBackoff(schedule: BackoffSchedule(initial: 5, multiplier: 2, maximum: 900))
    let t0 = Date(timeIntervalSince1970: 1_000_000)
    #expect(backoff.isDue(now: t0))
    backoff.failed(now: t0)
    #expect(!backoff.isDue(now: t0.addingTimeInterval(4)) && backoff.isDue(now: t0.addingTimeInterval(5)))
    backoff.failed(now: t0.addingTimeInterval(5))
    #expect(!backoff.isDue(now: t0.addingTimeInterval(14)) && backoff.isDue(now: t0.addingTimeInterval(15)))
    for i in 0..<20 { backoff.failed(now: t0.addingTimeInterval(Double(i))) }
    #expect(
        !backoff.isDue(now: t0.addingTimeInterval(19 + 899)) && backoff.isDue(now: t0.addingTimeInterval(19 + 900)), "capped at 15 minutes")
    backoff.succeeded()
    #expect(backoff.isDue(now: t0))
}

/// The dashboard's and tracker's pages of one term, by file name (`term-2025-26-autumn*.html`,
/// `2025-26-autumn.csv` / `.html`), with their text.
private func termPages(_ s: ProcessedSamples) throws -> [String: String] {
    var pages: [String: String] = [:]
    for (folder, prefix) in [(s.dashboard, "dashboard/"), (s.out.appendingPathComponent("tracker"), "tracker/")] {
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
        where name.hasPrefix("term-") || name.first?.isNumber == true {
            pages[prefix + name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
    }
    return pages
}

/// The slug of the term a page belongs to (`2025-26-autumn`).
private func termOf(_ page: String) -> String {
    let name = page.split(separator: "/").last.map(String.init) ?? page
    let stem = name.hasPrefix("term-") ? String(name.dropFirst(5)) : name
    let parts = stem.split(separator: "-")
    return parts.prefix(3).joined(separator: "-").split(separator: ".").first.map(String.init) ?? stem
}

/// A poll with one new PEP reads and renders that PEP's term only: the pages of every other
/// term are not touched (here they hold a sentinel, which a re-render would replace), and the
/// index pages, made from the terms' kept lines, are what a full rebuild makes.
@Test func aNewPEPRendersItsOwnTermOnlyAndTheIndexesMatchAFullRebuild() throws {
    let s = try ProcessedSamples(heldBack: ["03-amber-thin-targets.json"])
    defer { s.remove() }
    let outputs = s.pipeline.outputs
    _ = try outputs.publish(now: outputNow)
    let sentinel = "not rendered again"
    let before = try termPages(s)
    #expect(Set(before.keys.map(termOf)).count >= 2, "the samples cover more than one term: \(before.keys.sorted())")
    for page in before.keys { try sentinel.write(to: s.out.appendingPathComponent(page), atomically: true, encoding: .utf8) }
    let unplaced = s.dashboard.appendingPathComponent("unplaced.html")
    try sentinel.write(to: unplaced, atomically: true, encoding: .utf8)
    s.processLater()
    #expect(try outputs.publishIfChanged(now: outputNow) != nil)
    let after = try termPages(s)
    let rendered = Set(after.filter { $0.value != sentinel }.keys.map(termOf))
    #expect(rendered.count == 1, "one term rendered again: \(rendered)")
    #expect(after.values.contains(sentinel), "the other terms' pages were left alone")
    #expect(try String(contentsOf: unplaced, encoding: .utf8) == sentinel, "no unplaced document changed: its list was left alone")
    // The index pages from kept lines are those a full rebuild makes from every term's rows.
    let indexes = [
        "dashboard/index.html", "tracker/index.html", "tracker/statistics.csv", "tracker/statistics.html",
        "tracker/statistics-2025-26.csv", "tracker/statistics-2025-26.html",
    ]
    let incremental = try indexes.map { try String(contentsOf: s.out.appendingPathComponent($0), encoding: .utf8) }
    _ = try outputs.publish(now: outputNow, full: true)
    let full = try indexes.map { try String(contentsOf: s.out.appendingPathComponent($0), encoding: .utf8) }
    #expect(incremental == full)
    #expect(try termPages(s).values.allSatisfy { $0 != sentinel }, "the rebuild renders every term")
    #expect(try String(contentsOf: unplaced, encoding: .utf8).contains("pep-free-text-unstructured.docx"))
}

/// The Virtual School Head's figures are kept per academic year: a poll rewrites the files of
/// its PEP's year from kept figures and leaves every other year's alone (here a sentinel, which
/// a rewrite would replace), so its cost does not grow with the years behind it; `statistics.csv`
/// holds every year's headline figures, and the kept figures make what a full rebuild makes.
@Test func aNewPEPRewritesOnlyItsOwnYearsStatistics() throws {
    let s = try ProcessedSamples(heldBack: ["03-amber-thin-targets.json"])
    defer { s.remove() }
    let sample = try String(
        contentsOf: Repository.sampleInbox.appendingPathComponent("01-green-review-secondary.json"), encoding: .utf8)
    let lastYear = sample.replacingOccurrences(of: "\"academic_year\": \"2025/26\"", with: "\"academic_year\": \"2024/25\"")
    #expect(lastYear != sample)
    let file = s.root.appendingPathComponent("last-year.json")
    try Data(lastYear.utf8).write(to: file)
    _ = s.pipeline.paths.process(paths: [file.path], clock: .fileModified)
    try s.completeQA()
    let outputs = s.pipeline.outputs
    _ = try outputs.publish(now: outputNow)
    let tracker = s.out.appendingPathComponent("tracker")
    func read(_ name: String) throws -> String { try String(contentsOf: tracker.appendingPathComponent(name), encoding: .utf8) }
    #expect(try read("statistics-2024-25.csv").contains("2024/25,autumn,all,,peps_received,1\r\n"))
    #expect(try read("statistics-2025-26.csv").contains("2025/26,autumn,criterion,"))
    let sentinel = "not rendered again"
    let years = ["statistics-2024-25.csv", "statistics-2024-25.html", "statistics-2025-26.csv", "statistics-2025-26.html"]
    for name in years { try sentinel.write(to: tracker.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    s.processLater()
    #expect(try outputs.publishIfChanged(now: outputNow) != nil)
    #expect(try read("statistics-2024-25.csv") == sentinel, "last year's figures left alone")
    #expect(try read("statistics-2024-25.html") == sentinel)
    let thisYear = try read("statistics-2025-26.csv")
    #expect(thisYear.contains("2025/26,autumn,criterion,"), "this year's written again, every grouping")
    #expect(try read("statistics-2025-26.html").contains("Autumn 2025/26: how often each criterion failed"))
    let headline = try read("statistics.csv")
    #expect(headline.contains("2024/25,autumn,all,,") && headline.contains("2025/26,autumn,all,,"))
    #expect(!headline.contains(",criterion,"), "statistics.csv holds the headline figures only")
    #expect(try read("statistics.html").contains(#"<a href="statistics-2024-25.html">2024/25</a>"#))
    _ = try outputs.publish(now: outputNow, full: true)
    #expect(try read("statistics-2025-26.csv") == thisYear, "kept figures make what a full rebuild makes")
}

/// A term's kept line that cannot be read (kept by an older pepqa in another form) is worked
/// out again by the next publish, not left off the indexes: without that, every term but the
/// one that changed would vanish from the tracker's index and the statistics after an upgrade.
@Test func aKeptLineThatCannotBeReadIsWorkedOutAgain() throws {
    let s = try ProcessedSamples(heldBack: ["03-amber-thin-targets.json"])
    defer { s.remove() }
    let outputs = s.pipeline.outputs
    _ = try outputs.publish(now: outputNow)
    let indexes = ["dashboard/index.html", "tracker/index.html", "tracker/statistics.csv", "tracker/statistics-2025-26.csv"]
    let full = try indexes.map { try String(contentsOf: s.out.appendingPathComponent($0), encoding: .utf8) }
    let damaged = try s.pipeline.ledger.database.write { db in
        try db.execute(sql: "UPDATE output_term_summary SET summary = '{\"older\": true}'")
        return db.changesCount
    }
    #expect(damaged >= 4, "every output's lines of at least two terms")
    s.processLater()
    #expect(try outputs.publishIfChanged(now: outputNow) != nil)
    let after = try indexes.map { try String(contentsOf: s.out.appendingPathComponent($0), encoding: .utf8) }
    _ = try outputs.publish(now: outputNow, full: true)
    let rebuilt = try indexes.map { try String(contentsOf: s.out.appendingPathComponent($0), encoding: .utf8) }
    #expect(after == rebuilt)
    #expect(after[1].contains("Spring 2025/26") && full[1].contains("Spring 2025/26"))
}

/// QA completed on an older PEP after a newer one's: `qa_completion` is keyed by submission, so
/// its highest row does not move; the poll must still see it (through the audit trail) and
/// release the feedback.
@Test func qaCompletedOnAnOlderPEPIsPublishedAtTheNextPoll() throws {
    let s = try ProcessedSamples(completingQA: false)
    defer { s.remove() }
    let outputs = s.pipeline.outputs
    _ = try outputs.publish(now: outputNow)
    let coordinator = try s.pipeline.ledger.testUser("qa-officer", .coordinator, at: outputNow)
    let waiting = try s.pipeline.ledger.reviews.worklist().sorted { $0.submissionID < $1.submissionID }
    let (older, newer) = (try #require(waiting.first), try #require(waiting.last))
    #expect(older.submissionID < newer.submissionID)
    for entry in [newer, older] {
        try s.pipeline.ledger.reviews.complete(
            submissionID: entry.submissionID, runID: entry.runID, quality: entry.quality, compliance: entry.compliance,
            by: coordinator, at: outputNow)
        #expect(try outputs.publishIfChanged(now: outputNow) != nil, "QA of submission \(entry.submissionID) published")
    }
    #expect(feedbackFiles(s).count == 2, "\(feedbackFiles(s))")
}
