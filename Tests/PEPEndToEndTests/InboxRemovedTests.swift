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

private func ratedDocuments(_ fixture: ServiceFixture) throws -> Int {
    guard FileManager.default.fileExists(atPath: fixture.configuration.ledgerPath) else { return 0 }
    let ledger = try Ledger(path: fixture.configuration.ledgerPath)
    defer { try? ledger.close() }
    return try ledger.integer("SELECT COUNT(*) FROM submission WHERE status = 'rated'") ?? 0
}
