import Foundation
import GRDB
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPLedger

@Test func migrationsRunOnANewFileAndReopeningIsANoOp() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/nested/ledger.sqlite"
    let expected = [
        "v1-submissions", "v2-ratings", "v3-payments", "v4-exports", "v5-outputs", "v6-review", "v7-arrival-evidence", "v8-vsh",
        "v9-reversals", "v10-output-mark", "v11-funding-by-run", "v12-term-summaries", "v13-term-statistics", "v14-pep-headline",
        "v15-unplaced-covering", "v16-narrow-reads",
    ]
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
    #expect(try ledger.appliedMigrations().count == 16)
    #expect(ledger.path == nil)
}

/// Each PEP's headline is recorded with it, and ledger v14 filled it in for the PEPs already
/// recorded by the same paths (the migration spells them out; fails if they drift apart).
@Test func theHeadlineIsRecordedWithThePEPAndFilledInByTheMigration() throws {
    let queue = try DatabaseQueue()
    try LedgerSchema.migrator.migrate(queue, upTo: "v13-term-statistics")
    let ledger = try Ledger.inMemory()
    for n in 0..<3 { try Fixture.rate(ledger, "doc-\(n)", read: Fixture.read(child: "LA-\(n)")) }
    let (stale, recorded) = try ledger.database.read { db in
        (
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM pep WHERE headline IS NOT \(PEPHeadline.extract(from: "canonical_json"))") ?? -1,
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pep WHERE headline IS NOT NULL") ?? -1
        )
    }
    #expect(stale == 0 && recorded == 3)
    // The same PEPs in a ledger at v13, then migrated.
    try Fixture.copy("SELECT * FROM submission", from: ledger, into: "submission", of: queue)
    try Fixture.copy("SELECT submission_id, canonical_json FROM pep", from: ledger, into: "pep", of: queue)
    try LedgerSchema.migrator.migrate(queue)
    let migrated = try queue.read { db in
        try Int.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) FROM pep WHERE headline IS \(PEPHeadline.extract(from: "canonical_json"))
                    AND json_extract(headline, '$[0]') LIKE 'LA-%'
                """) ?? -1
    }
    #expect(migrated == 3)
}

/// A ledger whose bytes were overwritten on disk (a failing disk, a bad restore).
private func damagedLedger(at offset: Int, bytes count: Int) throws -> String {
    let folder = Fixture.temporaryFolder()
    let path = folder + "/ledger.sqlite"
    do {
        let ledger = try Ledger(path: path)
        for n in 0..<40 { try Fixture.rate(ledger, "doc-\(n)", read: Fixture.read(child: "LA-\(n)")) }
        try ledger.close()
        // Everything into the main file, so the damage below hits real pages.
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try queue.close()
    }
    let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    #expect(offset + count <= size, "the damage lands inside the file (\(size) bytes)")
    for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.seek(toOffset: UInt64(offset))
    var generator = SeededGenerator(seed: 7)
    handle.write(Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }))
    try handle.close()
    return path
}

@Test(arguments: [(0, 100), (4096 * 3, 2048), (4096 * 8, 4096)])
func aDamagedLedgerIsRefusedWithOneLineThatSaysHowToRestore(offset: Int, count: Int) throws {
    let path = try damagedLedger(at: offset, bytes: count)
    defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
    do {
        _ = try Ledger(path: path)
        Issue.record("a damaged ledger (bytes \(offset)..<\(offset + count) overwritten) was opened")
    } catch let error as LedgerError {
        guard case .damaged(let where_, _) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(where_ == path)
        #expect(error.description.contains("restore the latest backup"))
        #expect(!error.description.contains("\n"))
    }
}

@Test func aBackupIsCheckedWhole() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let ledger = try Ledger(path: folder + "/ledger.sqlite")
    try Fixture.rate(ledger, "a")
    try ledger.backup(to: folder + "/copy.sqlite")
    let copy = try Ledger(path: folder + "/copy.sqlite")
    #expect(try copy.count("submission") == 1)
}

/// The whole-file check at open (every page read: seconds at a few years' PEPs) is skipped only
/// when the last process closed the ledger cleanly and nothing has touched the file since.
@Test func theWholeFileIsCheckedAtOpenUnlessTheLastCloseWasCleanAndNothingTouchedItSince() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/ledger.sqlite"
    let first = try Ledger(path: path)
    #expect(first.checkedWhenOpened, "a new file")
    try Fixture.rate(first, "a")
    // A second process opens it while the first still writes (its log not yet folded in).
    let second = try Ledger(path: path)
    #expect(second.checkedWhenOpened, "a write-ahead log is waiting")
    try second.close()
    try first.close()
    let clean = try Ledger(path: path)
    #expect(!clean.checkedWhenOpened, "closed cleanly, untouched since")
    #expect(try clean.count("submission") == 1)
    try Fixture.rate(clean, "b")
    // Killed: never closed, so nothing says the file is as a clean close left it.
    let afterKill = try Ledger(path: path)
    #expect(afterKill.checkedWhenOpened)
    try afterKill.close()
    try clean.close()
    #expect(!(try Ledger(path: path)).checkedWhenOpened)
    // Another program wrote the file (a restore, an editor): its time changed.
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: path)
    #expect(try Ledger(path: path).checkedWhenOpened)
}
