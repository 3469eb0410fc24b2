import Foundation
import PEPLedger
import PEPPipelineTestSupport
import PEPTestSupport
import Testing

@testable import PEPPipeline

#if canImport(Glibc)
    import Glibc
#endif

/// The inbox removed while the service runs (an admin's clean-up, a remount), then re-created:
/// the service says so, keeps running, and takes what arrives once the folder is back.
@Test(.timeLimit(.minutes(2)))
func anInboxRemovedAndRecreatedWhileRunningIsWatchedAgain() async throws {
    let binary = try pepqaBinary()
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let service = try launch(binary, fixture: fixture, arguments: ["--poll-interval", "0.2"], log: "inbox")
    defer { if service.isRunning { kill(service.processIdentifier, SIGKILL) } }
    let log = fixture.root.appendingPathComponent("inbox.log")
    try await Task.sleep(for: .seconds(1))
    try FileManager.default.removeItem(at: fixture.inbox)
    try await Task.sleep(for: .seconds(1.5))
    #expect(service.isRunning, "the service survives its inbox going away")
    try FileManager.default.createDirectory(at: fixture.inbox, withIntermediateDirectories: true)
    _ = try fixture.drop(sample: "01-green-review-secondary.json")
    var rated = 0
    for _ in 0..<300 {
        rated = try ratedDocuments(fixture)
        if rated == 1 { break }
        try await Task.sleep(for: .milliseconds(50))
    }
    let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    #expect(rated == 1, "the document dropped into the re-created inbox is rated; log: \(text)")
    #expect(text.contains(fixture.inbox.lastPathComponent), "the log said the inbox was missing")
    kill(service.processIdentifier, SIGTERM)
    await waitForExit(service)
    #expect(service.terminationStatus == 0)
}

/// Rated submissions in the fixture's ledger (0 before the service has made one), read from
/// another process's ledger as the end-to-end tests do.
func ratedDocuments(_ fixture: ServiceFixture) throws -> Int {
    guard FileManager.default.fileExists(atPath: fixture.configuration.ledgerPath) else { return 0 }
    let ledger = try Ledger(path: fixture.configuration.ledgerPath)
    defer { try? ledger.close() }
    return try ledger.integer("SELECT COUNT(*) FROM submission WHERE status = 'rated'") ?? 0
}

/// An inbox made read-only under the service (a remount): what arrived is still rated and
/// recorded, the files stay where they are to retry (exit 75 for a one-off drain), and once the
/// folder is writable again they are filed, none rated twice.
@Test(.timeLimit(.minutes(2)))
func aReadOnlyInboxLeavesItsFilesForARetryAndLosesNothing() async throws {
    let binary = try pepqaBinary()
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    _ = try fixture.drop(sample: "01-green-review-secondary.json")
    _ = try fixture.drop(sample: "03-amber-thin-targets.json")
    guard TinyDisk.bindReadOnly(fixture.inbox) else {
        print("read-only inbox test not run: this machine cannot bind-mount (needs root)")
        return
    }
    var bound = true
    defer { if bound { TinyDisk.unbind(fixture.inbox) } }
    let first = try launch(binary, fixture: fixture, arguments: ["--once", "--poll-interval", "0.2"], log: "readonly")
    await waitForExit(first)
    #expect(first.terminationStatus == 75, "left to retry")
    #expect(try ratedDocuments(fixture) == 2, "rated and recorded even so")
    #expect(fixture.files(in: fixture.inbox).count == 2, "nothing lost")
    TinyDisk.unbind(fixture.inbox)
    bound = false
    let second = try launch(binary, fixture: fixture, arguments: ["--once", "--poll-interval", "0.2"], log: "writable")
    await waitForExit(second)
    #expect(second.terminationStatus == 0)
    #expect(fixture.files(in: fixture.inbox).isEmpty, "filed once writable")
    #expect(try ratedDocuments(fixture) == 2, "none rated twice")
}
