import Foundation
import Logging
import PEPIntake
import PEPModel
import PEPPipelineTestSupport
import PEPTestSupport
import Testing

@testable import PEPPipeline

/// A disk that fills up: the outputs' and the ledger's. Nothing is lost, nothing is left
/// half-written, and once space returns everything is made good.

private func hidden(in folder: URL) -> [String] {
    let all = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []
    return all.filter { $0.split(separator: "/").contains { $0.hasPrefix(".") } }
}

private func copySamples(to inbox: URL) throws {
    try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    for name in ["01-green-review-secondary.json", "03-amber-thin-targets.json", "02-green-review-primary.xml"] {
        try FileManager.default.copyItem(at: Repository.sampleInbox.appendingPathComponent(name), to: inbox.appendingPathComponent(name))
    }
}

/// A small tmpfs to fill, or nil (and a line saying the test did not run) without root.
private func tinyDisk(kilobytes: Int) -> TinyDisk? {
    guard let disk = TinyDisk.mount(kilobytes: kilobytes) else {
        print("disk-full test not run: this machine cannot mount a tmpfs (needs root)")
        return nil
    }
    return disk
}

/// Makes `folder` read-only under the service (a read-only bind mount), or says why it cannot.
private func bindReadOnly(_ folder: URL) -> Bool {
    guard TinyDisk.bindReadOnly(folder) else {
        print("read-only folder test not run: this machine cannot bind-mount (needs root)")
        return false
    }
    return true
}

/// Three samples in `root/inbox`, and a pipeline on them with its state and output folders
/// where the test puts them (on the tiny disk, or read-only).
private func pipeline(root: URL, state: URL, out: URL) throws -> (Pipeline, inbox: URL) {
    let inbox = root.appendingPathComponent("inbox")
    try copySamples(to: inbox)
    var config = ServiceConfiguration()
    config.rulesDir = Repository.rules.path
    config.stateDir = state.path
    config.outDir = out.path
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    return (try Pipeline.build(configuration: config, logger: logger), inbox)
}

@Test func aFullOutputDiskLosesNothingLeavesNoHalfFileAndIsMadeGoodWhenSpaceReturns() throws {
    guard let disk = tinyDisk(kilobytes: 512) else { return }
    defer { disk.unmount() }
    let root = try Repository.temporaryFolder("pepqa-diskfull")
    defer { try? FileManager.default.removeItem(at: root) }
    let (pipeline, inbox) = try pipeline(
        root: root, state: root.appendingPathComponent("state"), out: disk.url.appendingPathComponent("out"))
    let filler = try disk.fill(leaving: 4 * 1024)
    let summary = pipeline.paths.process(paths: [inbox.path])
    #expect(try pipeline.ledger.count("submission") == 3, "recorded whatever the outputs' disk: \(summary.outcomes)")
    #expect(throws: OutputFailure.self, "a full disk is reported") { try pipeline.outputs.publish(now: Date()) }
    #expect(hidden(in: disk.url).isEmpty, "no half-written file: \(hidden(in: disk.url))")
    try FileManager.default.removeItem(at: filler)
    let after = try pipeline.outputs.publish(now: Date())
    #expect(after.problems.isEmpty)
    let reports = (try? FileManager.default.contentsOfDirectory(atPath: disk.url.appendingPathComponent("out/reports").path)) ?? []
    #expect(reports.filter { $0.hasSuffix(".html") }.count == 3 && reports.filter { $0.hasSuffix(".json") }.count == 3, "\(reports)")
    #expect(FileManager.default.fileExists(atPath: disk.url.appendingPathComponent("out/dashboard/index.html").path))
    #expect(hidden(in: disk.url).isEmpty)
}

@Test func aFullLedgerDiskLeavesTheDocumentForARetryAndRecordsNothingHalf() throws {
    guard let disk = tinyDisk(kilobytes: 2048) else { return }
    defer { disk.unmount() }
    let root = try Repository.temporaryFolder("pepqa-diskfull")
    defer { try? FileManager.default.removeItem(at: root) }
    let (pipeline, inbox) = try pipeline(
        root: root, state: disk.url.appendingPathComponent("state"), out: root.appendingPathComponent("out"))
    let filler = try disk.fill(leaving: 0)
    let full = pipeline.paths.process(paths: [inbox.path])
    let failed = full.outcomes.filter { if case .failed = $0 { return true } else { return false } }
    #expect(!failed.isEmpty, "a full ledger disk is a failure to retry: \(full.outcomes)")
    #expect(!full.outcomes.contains { if case .rejected = $0 { return true } else { return false } }, "never a rejection")
    try FileManager.default.removeItem(at: filler)
    let retried = pipeline.paths.process(paths: [inbox.path])
    let recorded = try pipeline.ledger.count("submission")
    #expect(recorded == 3, "every document recorded once after the retry: \(retried.outcomes)")
}

@Test func aReadOnlyOutputFolderIsReportedLosesNothingAndIsMadeGoodWhenWritableAgain() throws {
    let root = try Repository.temporaryFolder("pepqa-readonly")
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let (pipeline, inbox) = try pipeline(root: root, state: root.appendingPathComponent("state"), out: out)
    guard bindReadOnly(out) else { return }
    var bound = true
    defer { if bound { TinyDisk.unbind(out) } }
    _ = pipeline.paths.process(paths: [inbox.path])
    #expect(try pipeline.ledger.count("submission") == 3, "recorded whatever the output folder")
    #expect(throws: OutputFailure.self, "a read-only output folder is reported") { try pipeline.outputs.publish(now: Date()) }
    TinyDisk.unbind(out)
    bound = false
    let after = try pipeline.outputs.publish(now: Date())
    #expect(after.problems.isEmpty)
    let reports = (try? FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("reports").path)) ?? []
    #expect(reports.filter { $0.hasSuffix(".html") }.count == 3, "\(reports)")
    #expect(hidden(in: out).isEmpty)
}

@Test func aFullArchiveDiskLeavesTheFileInTheInboxAndFilesItOnceWhenSpaceReturns() throws {
    guard let disk = tinyDisk(kilobytes: 512) else { return }
    defer { disk.unmount() }
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    var config = fixture.configuration
    config.archiveDir = disk.url.appendingPathComponent("archive").path
    let pipeline = try Pipeline.build(configuration: config, logger: quietLogger)
    let filing = Filing(archiveRoot: URL(fileURLWithPath: config.resolvedArchiveDir), quarantineRoot: fixture.quarantine)
    let processor = ItemProcessor(handler: pipeline.rater, filing: .file(filing), logger: quietLogger)
    // A Word form: bigger than what is left on the archive's disk, on another file system than
    // the inbox, so the move is a copy that runs out of space part way.
    let dropped = try fixture.drop(sample: "docx/pep-content-controls-good.docx", as: "form.docx")
    let original = try Data(contentsOf: dropped)
    let filler = try disk.fill(leaving: original.count / 2)
    func item() throws -> InboxItem {
        InboxItem(classifying: try #require(try DropFolder(root: fixture.inbox).scan().files.first))
    }
    let full = processor.process(try item())
    guard case .retry(let reason) = full.disposition else {
        Issue.record("a full archive disk leaves the file for a retry: \(full.disposition)")
        return
    }
    #expect(!reason.isEmpty)
    #expect(try Data(contentsOf: dropped) == original, "the inbox file is untouched")
    #expect(try pipeline.ledger.count("submission") == 1, "recorded once, before the move")
    #expect(hidden(in: disk.url).isEmpty, "no half-copied file in the archive: \(hidden(in: disk.url))")
    #expect(fixture.files(in: disk.url.appendingPathComponent("archive")).isEmpty)
    try FileManager.default.removeItem(at: filler)
    let retried = processor.process(try item())
    guard case .archived(let path) = retried.disposition else {
        Issue.record("filed once space returns: \(retried.disposition)")
        return
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
    #expect(!FileManager.default.fileExists(atPath: dropped.path))
    #expect(try pipeline.ledger.count("submission") == 1, "never rated twice")
    #expect(retried.outcomes.allSatisfy { if case .duplicate = $0 { true } else { false } }, "\(retried.outcomes)")
}

@Test func aFullDiskDuringAnExportBatchWritesNoHalfBatchAndWritesItOnceWhenSpaceReturns() throws {
    guard let disk = tinyDisk(kilobytes: 1024) else { return }
    defer { disk.unmount() }
    let root = try Repository.temporaryFolder("pepqa-diskfull")
    defer { try? FileManager.default.removeItem(at: root) }
    let out = disk.url.appendingPathComponent("out")
    let (pipeline, inbox) = try pipeline(root: root, state: root.appendingPathComponent("state"), out: out)
    _ = pipeline.paths.process(paths: [inbox.path])
    _ = try pipeline.outputs.publish(now: Date())
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("dashboard/index.html").path))
    #expect((try? FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("exports").path))?.isEmpty ?? true, "no export before QA")
    try pipeline.ledger.approvePPPlusAsRecommended(at: Date())  // QA complete: the ratings are due on Eclipse
    let filler = try disk.fill(leaving: 2 * 1024)
    #expect(throws: OutputFailure.self, "a full disk is reported") { try pipeline.outputs.publish(now: Date()) }
    #expect(hidden(in: disk.url).isEmpty, "no half-written file: \(hidden(in: disk.url))")
    // The batch was chosen and recorded in the ledger, and its files not written.
    #expect(try pipeline.ledger.count("export_batch") == 1 && pipeline.ledger.count("export_batch_written") == 0)
    let exports = out.appendingPathComponent("exports")
    for name in (try? FileManager.default.contentsOfDirectory(atPath: exports.path)) ?? [] {
        let text = try String(contentsOf: exports.appendingPathComponent(name), encoding: .utf8)
        #expect(name.hasSuffix(".csv") ? text.hasSuffix("\r\n") : text.contains("</PEPRecords>"), "\(name) is whole")
    }
    try FileManager.default.removeItem(at: filler)
    let after = try pipeline.outputs.publish(now: Date())
    #expect(after.problems.isEmpty)
    let names = try FileManager.default.contentsOfDirectory(atPath: exports.path).sorted()
    #expect(names == ["eclipse-000001.csv", "eclipse-000001.xml"], "one batch, written once: \(names)")
    let csv = try String(contentsOf: exports.appendingPathComponent("eclipse-000001.csv"), encoding: .utf8)
    #expect(csv.split(separator: "\r\n").count == 1 + 3, "a header and the three ratings")
    #expect(try pipeline.ledger.count("export_batch") == 1 && pipeline.ledger.count("export_batch_written") == 1)
    #expect(hidden(in: disk.url).isEmpty)
}

@Test func anIdlePollDoesNotRetryAFailedPublishUntilItsBackoffHasPassed() throws {
    let root = try Repository.temporaryFolder("pepqa-readonly")
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let (pipeline, inbox) = try pipeline(root: root, state: root.appendingPathComponent("state"), out: out)
    _ = pipeline.paths.process(paths: [inbox.path])
    guard bindReadOnly(out) else { return }
    var bound = true
    defer { if bound { TinyDisk.unbind(out) } }
    let now = Date()
    // The first try fails and is reported: the publish (`OutputFailure`), or, after the
    // tracker's daily hour, the tracker's refresh, which waits out the same backoff.
    #expect(throws: (any Error).self, "the first try fails and is reported") { try pipeline.serviceWork.everyCycle(now: now) }
    // The next polls, seconds later, leave it alone (no error logged every poll)…
    try pipeline.serviceWork.everyCycle(now: now.addingTimeInterval(1))
    TinyDisk.unbind(out)
    bound = false
    try pipeline.serviceWork.everyCycle(now: now.addingTimeInterval(2))
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("dashboard/index.html").path))
    // …until the backoff has passed: then it is made good without a new document.
    try pipeline.serviceWork.everyCycle(now: now.addingTimeInterval(6))
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("dashboard/index.html").path))
}

@Test func aFailedDailyTrackerRefreshWaitsOutTheBackoff() throws {
    let root = try Repository.temporaryFolder("pepqa-readonly")
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let (pipeline, _) = try pipeline(root: root, state: root.appendingPathComponent("state"), out: out)
    var england = Calendar(identifier: .gregorian)
    england.timeZone = DailyRefresh.england
    // Noon: past the tracker's daily hour (6), so the refresh is due before any publish.
    let noon = try #require(england.date(from: DateComponents(year: 2026, month: 1, day: 14, hour: 12)))
    guard bindReadOnly(out) else { return }
    defer { TinyDisk.unbind(out) }
    #expect(throws: (any Error).self, "the refresh fails and is reported") { try pipeline.serviceWork.everyCycle(now: noon) }
    // A poll a second later neither tries again nor reports it again.
    #expect(throws: Never.self) { try pipeline.serviceWork.everyCycle(now: noon.addingTimeInterval(1)) }
    #expect(throws: (any Error).self, "tried again once the backoff has passed") {
        try pipeline.serviceWork.everyCycle(now: noon.addingTimeInterval(600))
    }
}
