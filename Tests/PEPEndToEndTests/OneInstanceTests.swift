import Foundation
import Testing
import PEPPipelineTestSupport
@testable import PEPPipeline

#if canImport(Glibc)
    import Glibc
#endif

/// One pepqa at a time on a state folder (`run`, `process`, `finance close`), and private files
/// whatever the umask: both on the real binary, since both are decided at its entry point.

/// Runs the binary through `/bin/sh` with the given umask; returns (status, stderr).
private func runBinary(_ arguments: [String], umask: String = "022", fixture: ServiceFixture) async throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "umask \(umask); exec \"$0\" \"$@\"", try pepqaBinary().path] + arguments
    let errURL = fixture.root.appendingPathComponent("stderr-\(UUID().uuidString).txt")
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    process.standardError = try FileHandle(forWritingTo: errURL)
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    await waitForExit(process)
    return (process.terminationStatus, try String(contentsOf: errURL, encoding: .utf8))
}

private func folders(_ fixture: ServiceFixture) -> [String] {
    let config = fixture.configuration
    return ["--state", config.stateDir, "--out", config.outDir, "--rules", config.rulesDir]
}

/// Starts `pepqa run` and waits until it holds the state lock (its PID in the lock file).
private func startHolder(_ fixture: ServiceFixture) async throws -> Process {
    let holder = try launch(try pepqaBinary(), fixture: fixture, arguments: ["--poll-interval", "0.2"], log: "holder")
    let lockFile = URL(fileURLWithPath: fixture.configuration.stateDir).appendingPathComponent("pepqa.lock").path
    for _ in 0..<1500 {
        if (try? String(contentsOfFile: lockFile, encoding: .utf8)) == "\(holder.processIdentifier)\n" { return holder }
        try await Task.sleep(for: .milliseconds(20))
    }
    throw KillTestError("the first pepqa run never took the state lock")
}

@Test(.timeLimit(.minutes(2)))
func aSecondRunOrFinanceCloseOnOneStateExitsAtOnceNamingTheHolder() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let holder = try await startHolder(fixture)
    defer {
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
    }
    _ = try fixture.drop(sample: "01-green-review-secondary.json")
    for command in [["run", "--once", "--inbox", fixture.inbox.path], ["finance", "close", "--as", "fo"]] {
        let started = Date()
        let (status, stderr) = try await runBinary(command + folders(fixture), fixture: fixture)
        #expect(status == 75, "\(command): EX_TEMPFAIL")
        #expect(stderr.contains("another pepqa (PID \(holder.processIdentifier)) is working on the state folder"), "\(stderr)")
        #expect(stderr.split(separator: "\n").count == 1, "one line: \(stderr)")
        #expect(Date().timeIntervalSince(started) < 20, "at once, not after the holder")
    }
}

@Test(.timeLimit(.minutes(2)))
func processWaitsForTheHolderThenGivesUpOrGoesOn() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let sample = fixture.root.appendingPathComponent("by-hand")
    try FileManager.default.createDirectory(at: sample, withIntermediateDirectories: true)
    let holder = try await startHolder(fixture)
    let (status, stderr) = try await runBinary(["process", sample.path, "--wait", "0.5"] + folders(fixture), fixture: fixture)
    #expect(status == 75)
    #expect(stderr.contains("waiting up to 0.5 s for pepqa (PID \(holder.processIdentifier))"), "\(stderr)")
    #expect(stderr.contains("did not finish in time"), "\(stderr)")
    kill(holder.processIdentifier, SIGTERM)
    await waitForExit(holder)
    // A kill -9 would release it the same way: the kernel drops a dead process's flock.
    let (after, afterErr) = try await runBinary(["process", sample.path, "--wait", "5"] + folders(fixture), fixture: fixture)
    #expect(after == 0, "\(afterErr)")
}

@Test(.timeLimit(.minutes(2)))
func aKilledHolderLeavesNoStaleLock() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let holder = try await startHolder(fixture)
    kill(holder.processIdentifier, SIGKILL)
    await waitForExit(holder)
    let (status, stderr) = try await runBinary(["run", "--once", "--inbox", fixture.inbox.path] + folders(fixture), fixture: fixture)
    #expect(status == 0, "\(stderr)")
}

/// What a file's mode lets "others" do, for every file and folder under `root` (but the test's own).
private func worldAccessible(under root: URL, skipping: Set<String>) -> [String] {
    var found: [String] = []
    guard let walker = FileManager.default.enumerator(atPath: root.path) else { return ["cannot walk \(root.path)"] }
    while let name = walker.nextObject() as? String {
        if skipping.contains(where: { name.hasPrefix($0) }) { continue }
        let mode = (try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(name).path))?[.posixPermissions] as? Int
        if let mode, mode & 0o007 != 0 { found.append("\(name) \(String(mode, radix: 8))") }
    }
    return found
}

@Test(.timeLimit(.minutes(2)))
func filesHoldingPersonalDataArePrivateUnderUmask022() async throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    _ = try fixture.drop(sample: "01-green-review-secondary.json")
    _ = try fixture.drop("not a PEP at all", as: "junk.json")
    let (status, stderr) = try await runBinary(
        ["run", "--once", "--inbox", fixture.inbox.path] + folders(fixture), umask: "022", fixture: fixture)
    #expect(status == 0, "\(stderr)")
    let config = fixture.configuration
    #expect(FileManager.default.fileExists(atPath: config.ledgerPath))
    #expect(!fixture.files(in: fixture.archive).isEmpty && !fixture.files(in: fixture.quarantine).isEmpty)
    for folder in [config.stateDir, config.outDir] {
        let open = worldAccessible(under: URL(fileURLWithPath: folder), skipping: [])
        #expect(open.isEmpty, "readable by anyone under \(folder): \(open)")
    }
}
