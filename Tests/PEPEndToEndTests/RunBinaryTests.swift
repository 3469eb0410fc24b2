import Foundation
import PEPModel
import Testing
import PEPPipelineTestSupport
@testable import PEPLedger
@testable import PEPPipeline

#if canImport(Glibc)
    import Glibc
#endif

/// The `pepqa run` binary itself: a clean stop on SIGTERM, and one clear line for a start-up error.

@Test(.timeLimit(.minutes(2)))
func sigtermStopsTheRunningBinaryWithExitZeroAndNothingHalfDone() async throws {
    let binary = try pepqaBinary()
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    _ = try KillTestBacklog(fixture: fixture, count: 60)
    let process = try launch(binary, fixture: fixture, arguments: ["--poll-interval", "0.2"], log: "run")
    for _ in 0..<3000 where fixture.files(in: fixture.archive).count < 5 {
        try await Task.sleep(for: .milliseconds(20))
    }
    kill(process.processIdentifier, SIGTERM)
    await waitForExit(process)
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 0)
    #expect(!FileManager.default.fileExists(atPath: CrashMarker(stateDir: fixture.configuration.stateDir).path))
    // Every document the ledger holds has left the inbox: none was stopped between commit and move.
    let ledger = try Ledger(path: fixture.configuration.ledgerPath)
    defer { try? ledger.close() }
    for name in fixture.files(in: fixture.inbox) where !name.hasPrefix("mail/") {
        let bytes = Array(try Data(contentsOf: fixture.inbox.appendingPathComponent(name)))
        #expect(try ledger.submissions.recorded(sha256: SHA256.hex(bytes)) == nil || bytes.isEmpty, "\(name) committed but not filed")
    }
    #expect(try ledger.count("submission") > 0)
}

/// Runs the binary to its end and returns (status, stderr).
private func runToEnd(_ arguments: [String], fixture: ServiceFixture) async throws -> (Int32, String) {
    let process = Process()
    process.executableURL = try pepqaBinary()
    process.arguments = arguments
    let errURL = fixture.root.appendingPathComponent("stderr.txt")
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    process.standardError = try FileHandle(forWritingTo: errURL)
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    await waitForExit(process)
    return (process.terminationStatus, try String(contentsOf: errURL, encoding: .utf8))
}

@Test func runWithoutAnInboxStopsWithOneClearLine() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let emptyConfig = fixture.root.appendingPathComponent("pepqa.yaml")
    try Data("poll_interval_seconds: 5\n".utf8).write(to: emptyConfig)
    let (status, stderr) = try await runToEnd(["run", "--once", "--config", emptyConfig.path], fixture: fixture)
    #expect(status == 64, "EX_USAGE")
    #expect(stderr == "pepqa: no inbox configured: give --inbox DIR, or list inboxes in \(emptyConfig.path)\n")
}

@Test func runWithBrokenRulesStopsBeforeTakingAnything() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let file = try fixture.drop(sample: "01-green-review-secondary.json")
    let rules = fixture.root.appendingPathComponent("rules")
    try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
    try Data("criteria: [ this is not\n".utf8).write(to: rules.appendingPathComponent("ruleset.yaml"))
    let config = fixture.configuration
    let (status, stderr) = try await runToEnd(
        ["run", "--once", "--inbox", fixture.inbox.path, "--state", config.stateDir, "--out", config.outDir, "--rules", rules.path],
        fixture: fixture)
    #expect(status == 1)
    #expect(stderr.hasPrefix("pepqa: cannot start:"))
    #expect(FileManager.default.fileExists(atPath: file.path), "nothing was taken")
}

/// A configuration file with a bad value, for the commands that must honour `--config`.
private func badLogLevelConfig(_ fixture: ServiceFixture) throws -> URL {
    let file = fixture.root.appendingPathComponent("pepqa.yaml")
    try Data("inboxes: [\(fixture.inbox.path)]\nlog_level: loud\n".utf8).write(to: file)
    return file
}

@Test(arguments: [["process", "SampleInbox"], ["finance", "close", "--as", "fo"], ["run", "--once"], ["rules", "check"], ["ledger", "backup", "x"]])
func everyCommandHonoursConfigAndABadSettingIsOneUsageLine(_ command: [String]) async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let file = try badLogLevelConfig(fixture)
    let (status, stderr) = try await runToEnd(command + ["--config", file.path], fixture: fixture)
    #expect(status == 64, "EX_USAGE")
    #expect(
        stderr
            == "pepqa: cannot start: \(file.path): line 2: 'log_level' must be one of trace, debug, info, notice, warning, error, critical, not 'loud'\n"
    )
}

@Test func processOfAPathThatIsNotThereIsOneUsageLine() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let missing = fixture.root.appendingPathComponent("no-such-inbox").path
    let config = fixture.configuration
    let (status, stderr) = try await runToEnd(
        ["process", missing, "--state", config.stateDir, "--out", config.outDir, "--rules", config.rulesDir], fixture: fixture)
    #expect(status == 64, "EX_USAGE")
    #expect(stderr == "pepqa: \(missing): no such file or folder\n")
}

@Test func aMissingRulesFolderIsOneUsageLine() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let rules = fixture.root.appendingPathComponent("no-rules").path
    let (status, stderr) = try await runToEnd(
        ["finance", "close", "--as", "fo", "--state", fixture.configuration.stateDir, "--rules", rules], fixture: fixture)
    #expect(status == 64, "EX_USAGE")
    #expect(
        stderr == "pepqa: cannot start: no rules folder at '\(rules)': run pepqa from the repository root, or pass --rules DIR\n")
}

@Test(arguments: ["extract", "rate"])
func aDocumentThatIsNotThereIsOneUsageLine(_ command: String) async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let missing = fixture.root.appendingPathComponent("no-such.json").path
    let (status, stderr) = try await runToEnd(
        [command, missing, "--rules", fixture.configuration.rulesDir], fixture: fixture)
    #expect(status == 64, "EX_USAGE")
    #expect(stderr == "pepqa: \(missing): no such file\n")
}

@Test func aDamagedLedgerStopsTheServiceAtStartWithOneLine() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let config = fixture.configuration
    try FileManager.default.createDirectory(atPath: config.stateDir, withIntermediateDirectories: true)
    // Not a SQLite file at all where the ledger should be (a bad restore).
    try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: config.ledgerPath))
    let (status, stderr) = try await runToEnd(
        ["run", "--once", "--inbox", fixture.inbox.path, "--state", config.stateDir, "--out", config.outDir, "--rules", config.rulesDir],
        fixture: fixture)
    #expect(status != 0)
    #expect(stderr.contains("is damaged") && stderr.contains("restore the latest backup"), "\(stderr)")
    #expect(stderr.split(separator: "\n").count == 1, "one line: \(stderr)")
}

/// Runs the binary with `input` on standard input; returns (status, stdout, stderr).
private func runWithInput(_ arguments: [String], input: String, fixture: ServiceFixture) async throws -> (Int32, String, String) {
    let process = Process()
    process.executableURL = try pepqaBinary()
    process.arguments = arguments
    let inURL = fixture.root.appendingPathComponent("stdin.txt")
    let outURL = fixture.root.appendingPathComponent("stdout.txt")
    let errURL = fixture.root.appendingPathComponent("stderr.txt")
    try Data(input.utf8).write(to: inURL)
    for url in [outURL, errURL] { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
    process.standardInput = try FileHandle(forReadingFrom: inURL)
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    try process.run()
    await waitForExit(process)
    return (
        process.terminationStatus, try String(contentsOf: outURL, encoding: .utf8), try String(contentsOf: errURL, encoding: .utf8)
    )
}

/// The finance commands by hand, as a finance officer runs them: the person signed in by the
/// password on standard input, the run prepared from the ledger, and the ledger closed cleanly
/// at the end (so the next command need not check the whole file).
@Test func financeCloseByHandSignsThePersonInPreparesAndClosesTheLedgerCleanly() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let config = fixture.configuration
    let folders = ["--state", config.stateDir, "--out", config.outDir, "--rules", config.rulesDir]
    try fixture.drop(sample: "01-green-review-secondary.json")
    let (processed, _, processErr) = try await runWithInput(["process", fixture.inbox.path] + folders, input: "", fixture: fixture)
    #expect(processed == 0, "\(processErr)")
    let (added, _, addErr) = try await runWithInput(
        ["users", "add", "fo", "--role", "finance"] + folders, input: "a long pass phrase 42\n", fixture: fixture)
    #expect(added == 0, "\(addErr)")
    let (status, stdout, stderr) = try await runWithInput(
        ["finance", "close", "--as", "fo"] + folders, input: "a long pass phrase 42\n", fixture: fixture)
    #expect(status == 0, "\(stderr)")
    #expect(!stdout.isEmpty, "the run's lines")
    let reopened = try Ledger(path: config.ledgerPath)
    defer { try? reopened.close() }
    #expect(!reopened.checkedWhenOpened, "finance close closed the ledger cleanly")
}
