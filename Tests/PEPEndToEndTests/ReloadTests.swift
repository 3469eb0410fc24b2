import Foundation
import PEPLedger
import PEPPipelineTestSupport
import PEPTestSupport
import Testing

@testable import PEPPipeline

#if canImport(Glibc)
    import Glibc
#endif

/// `systemctl reload pepqa` (SIGHUP) with the real binary: rules edited into an invalid state
/// are refused and the last good ones stay in use, the service going on; good rules are taken up.
@Test(.timeLimit(.minutes(2)))
func aReloadKeepsTheLastGoodRulesAndTakesUpGoodOnes() async throws {
    let binary = try pepqaBinary()
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let rules = fixture.root.appendingPathComponent("rules")
    try FileManager.default.copyItem(at: Repository.rules, to: rules)
    let ruleset = rules.appendingPathComponent("ruleset.yaml")
    let original = try String(contentsOf: ruleset, encoding: .utf8)
    let service = try launch(binary, fixture: fixture, arguments: ["--rules", rules.path, "--poll-interval", "0.2"], log: "reload")
    defer {
        if service.isRunning { kill(service.processIdentifier, SIGKILL) }
    }
    let log = fixture.root.appendingPathComponent("reload.log")

    func rated(_ count: Int) async throws {
        for _ in 0..<300 where try ratedDocuments(fixture) < count { try await Task.sleep(for: .milliseconds(50)) }
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(try ratedDocuments(fixture) == count, "\(count) rated; log: \(text)")
    }
    func logged(_ text: String) async throws {
        for _ in 0..<300 where !(try String(contentsOf: log, encoding: .utf8)).contains(text) {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(try String(contentsOf: log, encoding: .utf8).contains(text), "log says \(text)")
    }

    _ = try fixture.drop(sample: "01-green-review-secondary.json")
    try await rated(1)
    // Edited into an invalid state: refused, the service goes on with the last good rules.
    try (original + "\n  broken: [unclosed\n").write(to: ruleset, atomically: true, encoding: .utf8)
    kill(service.processIdentifier, SIGHUP)
    try await logged("rules not reloaded; the last good rules stay in use")
    #expect(try String(contentsOf: log, encoding: .utf8).contains("ruleset.yaml"), "the problem names the file")
    _ = try fixture.drop(sample: "03-amber-thin-targets.json")
    try await rated(2)
    // Put right, with a changed setting: taken up.
    try original.replacingOccurrences(of: "min_child_voice_words: 15", with: "min_child_voice_words: 14")
        .write(to: ruleset, atomically: true, encoding: .utf8)
    kill(service.processIdentifier, SIGHUP)
    try await logged("rules reloaded")
    _ = try fixture.drop(sample: "05-red-no-child-voice.json")
    try await rated(3)
    let hashes = try ruleSetHashes(fixture)
    #expect(hashes.count == 3 && hashes[0] == hashes[1] && hashes[1] != hashes[2], "\(hashes)")
    kill(service.processIdentifier, SIGTERM)
    await waitForExit(service)
    #expect(service.terminationStatus == 0)
}


private func ruleSetHashes(_ fixture: ServiceFixture) throws -> [String] {
    let ledger = try Ledger(path: fixture.configuration.ledgerPath)
    defer { try? ledger.close() }
    return try ledger.texts("SELECT ruleset_hash FROM rating_run ORDER BY id")
}
