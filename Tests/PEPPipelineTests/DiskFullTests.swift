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
    guard let disk = TinyDisk.mount(kilobytes: 512) else {
        print("disk-full test not run: this machine cannot mount a tmpfs (needs root)")
        return
    }
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
    guard let disk = TinyDisk.mount(kilobytes: 2048) else {
        print("disk-full test not run: this machine cannot mount a tmpfs (needs root)")
        return
    }
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
    guard TinyDisk.bindReadOnly(out) else {
        print("read-only folder test not run: this machine cannot bind-mount (needs root)")
        return
    }
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
