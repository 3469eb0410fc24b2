import Foundation
import Logging
import Testing
import PEPTestSupport
import PEPPipelineTestSupport

@testable import PEPPipeline

/// One configuration path: the file, then the folder options; every bad setting reported at
/// start with its file and line, in these exact words.

private func temporaryFolder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pepqa-config-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

@Test func aBadLogLevelIsAnErrorWithItsLineNotSilentlyInfo() {
    let problem = #expect(throws: ServiceConfiguration.Problem.self) {
        try ServiceConfiguration.parse("state_dir: /var/lib/pepqa\nlog_level: loud\n", file: "pepqa.yaml")
    }
    #expect(
        problem?.description
            == "pepqa.yaml: line 2: 'log_level' must be one of trace, debug, info, notice, warning, error, critical, not 'loud'")
}

@Test func aGoodLogLevelIsTheLoggersLevel() throws {
    #expect(try ServiceConfiguration.parse("log_level: warning\n", file: "pepqa.yaml").logLevel == .warning)
    #expect(ServiceConfiguration().logLevel == .info)
}

@Test func theFolderOptionsOverrideTheConfigurationFile() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("pepqa.yaml")
    try Data("state_dir: /from/file\nout_dir: /out/file\nfinance_close_day: 12\n".utf8).write(to: file)
    let config = try ServiceConfiguration.resolve(configFile: file.path, out: "/out/option")
    #expect(config.stateDir == "/from/file")
    #expect(config.outDir == "/out/option")
    #expect(config.financeCloseDay == 12)
}

@Test func withNoFileGivenTheDefaultFileIsReadOnlyWhenItExists() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let absent = dir.appendingPathComponent("absent.yaml").path
    #expect(try ServiceConfiguration.resolve(configFile: nil, defaultFile: absent) == ServiceConfiguration())
    let present = dir.appendingPathComponent("pepqa.yaml")
    try Data("rules_dir: /etc/pepqa/Rules\n".utf8).write(to: present)
    #expect(try ServiceConfiguration.resolve(configFile: nil, defaultFile: present.path).rulesDir == "/etc/pepqa/Rules")
}

@Test func aConfigurationFileGivenButMissingIsAnError() throws {
    let problem = #expect(throws: ServiceConfiguration.Problem.self) {
        try ServiceConfiguration.resolve(configFile: "/no/such/pepqa.yaml")
    }
    #expect(problem?.description == "/no/such/pepqa.yaml: cannot be read")
}

@Test func aBrokenSchoolRegisterStopsTheStartWithItsLine() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let schools = dir.appendingPathComponent("schools.csv")
    let shipped = try String(contentsOf: Repository.rules.appendingPathComponent("schools.csv"), encoding: .utf8)
    try (shipped + "19000X,Nowhere School,journal,SCH9,,,,,,\n").write(to: schools, atomically: true, encoding: .utf8)
    var config = ServiceConfiguration()
    config.rulesDir = Repository.rules.path
    config.stateDir = dir.appendingPathComponent("state").path
    config.outDir = dir.appendingPathComponent("out").path
    config.schoolsFile = schools.path
    let error = #expect(throws: (any Error).self) { try Pipeline.build(configuration: config, logger: quietLogger) }
    #expect("\(error.map { "\($0)" } ?? "")" == "\(schools.path):10: urn must be 6 digits")
    #expect(!FileManager.default.fileExists(atPath: config.ledgerPath), "stopped before the ledger was opened")
    // `pepqa rules check` with the same configuration reports the same line.
    #expect(RulesCheck.problems(config) == ["\(schools.path):10: urn must be 6 digits"])
}

@Test func aBrokenRosterStopsTheStartWithItsLine() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let roster = dir.appendingPathComponent("roster.csv")
    try "child_la_id,first_name\nVS-1,A\nVS-1,B\n".write(to: roster, atomically: true, encoding: .utf8)
    var config = ServiceConfiguration()
    config.rulesDir = Repository.rules.path
    config.stateDir = dir.appendingPathComponent("state").path
    config.outDir = dir.appendingPathComponent("out").path
    config.rosterFile = roster.path
    let error = #expect(throws: (any Error).self) { try Pipeline.build(configuration: config, logger: quietLogger) }
    #expect(error.map { "\($0)" } == "\(roster.path):3: child_la_id VS-1 is listed twice (first on line 2)")
}

@Test func rulesCheckReportsAFileInTheRulesFolderThatPepqaDoesNotRead() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pepqa-rules-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: Repository.rules, to: dir)
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(RulesCheck.problems(in: dir.path).isEmpty)
    try Data("urn,name\n".utf8).write(to: dir.appendingPathComponent("school.csv"))
    let problems = RulesCheck.problems(in: dir.path)
    #expect(problems.count == 1)
    #expect(problems.first?.hasPrefix("\(dir.path)/school.csv: not a file pepqa reads (known: ") == true)
}

@Test func anInboxThatIsNotAFolderPathIsAnErrorWithItsLine() {
    let problem = #expect(throws: ServiceConfiguration.Problem.self) {
        try ServiceConfiguration.parse("inboxes:\n  - /srv/drop\n  - {a: b}\n", file: "pepqa.yaml")
    }
    #expect(problem?.description == "pepqa.yaml: line 3: each of 'inboxes' must be a folder path")
}

@Test func readAheadIsAWholeNumberUpTo16AndDefaultsToOneFewerThanTheCores() throws {
    #expect(try ServiceConfiguration.parse("read_ahead: 0\n", file: "pepqa.yaml").resolvedReadAhead == 0)
    #expect(try ServiceConfiguration.parse("read_ahead: 3\n", file: "pepqa.yaml").resolvedReadAhead == 3)
    #expect(ServiceConfiguration().resolvedReadAhead == max(0, ProcessInfo.processInfo.activeProcessorCount - 1))
    let problem = #expect(throws: ServiceConfiguration.Problem.self) {
        try ServiceConfiguration.parse("state_dir: /s\nread_ahead: 40\n", file: "pepqa.yaml")
    }
    #expect(problem?.description == "pepqa.yaml: line 2: 'read_ahead' must be a whole number from 0 to 16")
}
