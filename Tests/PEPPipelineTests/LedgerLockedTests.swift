import Foundation
import PEPIntake
import PEPModel
import PEPPipelineTestSupport
import PEPTestSupport
import Testing

@testable import PEPPipeline

/// The ledger locked by another writer for longer than the busy timeout (10 s): the document is
/// reported as not processed, to retry, with nothing recorded and nothing lost; once the lock
/// is gone it is rated as usual.
@Test(.timeLimit(.minutes(1)))
func aLedgerLockedLongerThanTheBusyTimeoutLeavesTheDocumentForARetry() throws {
    let root = try Repository.temporaryFolder("pepqa-locked")
    defer { try? FileManager.default.removeItem(at: root) }
    let inbox = root.appendingPathComponent("inbox")
    try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
        at: Repository.sampleInbox.appendingPathComponent("01-green-review-secondary.json"),
        to: inbox.appendingPathComponent("pep.json"))
    let pipeline = try samplePipeline(root: root)
    let locked = DispatchSemaphore(value: 0)
    let holder = try holdLedgerWriteLock(path: pipeline.configuration.ledgerPath, seconds: 12, locked: locked)
    locked.wait()
    let first = pipeline.paths.process(paths: [inbox.path])
    guard case .failed(let file, let reason) = try #require(first.outcomes.first) else {
        Issue.record("expected a failure to retry, got \(first.outcomes)")
        return
    }
    #expect(file == "pep.json")
    #expect(reason.contains("locked") || reason.contains("busy"), "\(reason)")
    #expect(FileManager.default.fileExists(atPath: inbox.appendingPathComponent("pep.json").path), "nothing lost")
    while holder.isExecuting || !holder.isFinished { Thread.sleep(forTimeInterval: 0.1) }
    let second = pipeline.paths.process(paths: [inbox.path])
    guard case .rated = try #require(second.outcomes.first) else {
        Issue.record("expected the retry to rate it, got \(second.outcomes)")
        return
    }
    #expect(try pipeline.ledger.count("submission") == 1)
}
