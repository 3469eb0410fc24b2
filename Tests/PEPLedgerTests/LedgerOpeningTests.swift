import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPLedger

@Test func migrationsRunOnANewFileAndReopeningIsANoOp() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/nested/ledger.sqlite"
    let expected = ["v1-submissions", "v2-ratings", "v3-payments", "v4-exports", "v5-outputs", "v6-review", "v7-arrival-evidence", "v8-vsh"]
    do {
        let ledger = try Ledger(path: path)
        #expect(try ledger.appliedMigrations() == expected)
        try Fixture.rate(ledger, "a")
        try ledger.close()
    }
    let reopened = try Ledger(path: path)
    #expect(try reopened.appliedMigrations() == expected)
    #expect(try reopened.count("grdb_migrations") == expected.count)
    #expect(try reopened.count("submission") == 1)
}

@Test func aFileLedgerIsWALWithFullSynchronousAndForeignKeys() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let ledger = try Ledger(path: folder + "/ledger.sqlite")
    #expect(try ledger.pragma("journal_mode") == "wal")
    #expect(try ledger.pragma("synchronous") == "2")  // FULL
    #expect(try ledger.pragma("foreign_keys") == "1")
    #expect(try ledger.pragma("busy_timeout") == "10000")
}

@Test func aLedgerWrittenByANewerPepqaIsRefused() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/ledger.sqlite"
    do {
        let ledger = try Ledger(path: path)
        try ledger.execute("INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        try ledger.close()
    }
    #expect(throws: LedgerError.newerSchema(path: path)) { try Ledger(path: path) }
}

@Test func dataSurvivesCloseAndReopen() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/ledger.sqlite"
    let record: RatedRecord
    do {
        let ledger = try Ledger(path: path)
        record = try Fixture.rate(ledger, "a", assessment: Fixture.assessment(funding: [Fixture.approved(0, 30_000)]))
        try ledger.close()
    }
    let reopened = try Ledger(path: path)
    #expect(try reopened.submissions.recorded(sha256: Fixture.submission("a").sha256)?.status == .rated)
    #expect(try reopened.payments.decisions(submissionID: record.submissionID).map(\.approved) == [Pence(30_000)])
    #expect(try reopened.ratings.assessmentJSON(submissionID: record.submissionID) != nil)
}

/// What `kill -9` leaves: the main file and the WAL as they are on disk after a commit, with
/// no checkpoint and no clean close. A copy of both, opened elsewhere, holds the record.
@Test func aCommittedRecordSurvivesACrashWithoutCheckpoint() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/ledger.sqlite"
    let ledger = try Ledger(path: path)
    try Fixture.rate(ledger, "a")
    let crashed = folder + "/crashed/ledger.sqlite"
    try FileManager.default.createDirectory(atPath: folder + "/crashed", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: path, toPath: crashed)
    #expect(FileManager.default.fileExists(atPath: path + "-wal"))
    try FileManager.default.copyItem(atPath: path + "-wal", toPath: crashed + "-wal")
    let recovered = try Ledger(path: crashed)
    #expect(try recovered.submissions.recorded(sha256: Fixture.submission("a").sha256)?.status == .rated)
    #expect(try ledger.count("submission") == 1)
}

@Test func backupWritesAConsistentCopyThatOpensAsALedger() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let ledger = try Ledger(path: folder + "/ledger.sqlite")
    try Fixture.rate(ledger, "a")
    try ledger.checkpoint()
    try Fixture.rate(ledger, "b", received: "2025-10-02T10:00:00Z", read: Fixture.read(child: "LA-2002"))
    try ledger.backup(to: folder + "/backups/ledger-copy.sqlite")
    let copy = try Ledger(path: folder + "/backups/ledger-copy.sqlite")
    #expect(try copy.count("submission") == 2)
    #expect(try copy.submissions.recorded(sha256: Fixture.submission("b").sha256)?.status == .rated)
}

@Test func anInMemoryLedgerIsMigrated() throws {
    let ledger = try Ledger.inMemory()
    #expect(try ledger.appliedMigrations().count == 8)
    #expect(ledger.path == nil)
}
