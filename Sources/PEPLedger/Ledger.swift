import Foundation
import GRDB
import PEPModel

/// The SQLite ledger: the product's source of truth, from which finance is paid.
///
/// It records every submission (rated or rejected) once, each rating run with its criterion
/// results and funding decisions, which submission supersedes which, and the payment and
/// export batches that have gone out. Every state change of a document is one transaction, and
/// the schema itself (NOT NULL, CHECK, UNIQUE, foreign keys, triggers) refuses what must never
/// happen, so the data stays right even when the Swift code is wrong or the process is killed.
///
/// ## Durability
/// A file ledger is a `DatabasePool` in WAL mode (readers such as the dashboard never block the
/// writer) with `synchronous = FULL`: every commit fsyncs the WAL before it returns. NORMAL
/// would survive `kill -9` but may lose the last commits on power loss, and the pipeline
/// archives a source file right after its commit: a lost commit would then be a lost
/// submission. The cost (one fsync per document) is nothing at a few hundred PEPs a term.
/// `busy_timeout` is 10 s, so two pepqa processes on one file wait for each other rather than
/// fail; writes are `BEGIN IMMEDIATE` (GRDB's default), so no transaction fails on upgrade.
///
/// ## Stores
/// `Ledger` only opens, migrates, checkpoints, backs up and closes the file. What is read and
/// written goes through one narrow store per concern (GRDB style: a value over the one
/// `DatabaseWriter`, with its records and requests), so the payments code shows only payments:
/// `submissions`, `ratings`, `history`, `payments`, `financeRuns`, `exports`, `outbox`, and for
/// the review workbench `users`, `sessions`, `audit`, `reviews`. A
/// transaction that spans concerns (a rated document with its run and decisions) is one store
/// method that opens one `write` and calls the other concerns' `Database` functions.
package final class Ledger: Sendable {
    /// The one connection (pool or queue) every store shares; a new store takes it.
    package let database: any DatabaseWriter
    /// The database file, or nil for an in-memory ledger.
    package let path: String?
    /// Whether opening read the whole file to check it (see `CleanCloseStamp`).
    package let checkedWhenOpened: Bool

    /// Recording documents as they arrive (rated or rejected), and looking them up by bytes.
    package var submissions: SubmissionStore { SubmissionStore(database: database) }
    /// Reading back rating runs and the current rated submissions, for reports and the dashboard.
    package var ratings: RatingStore { RatingStore(database: database) }
    /// What earlier submissions say about a child, for the rules that look back.
    package var history: HistoryStore { HistoryStore(database: database) }
    /// Funding decisions and the payment batches that pay them.
    package var payments: PaymentStore { PaymentStore(database: database) }
    /// Finance runs (`pepqa finance close`), recorded before their files are written.
    package var financeRuns: FinanceRunStore { FinanceRunStore(database: database) }
    /// Case-system export batches, recorded before their files are written.
    package var exports: ExportStore { ExportStore(database: database) }
    /// Feedback e-mails and payment notices, each written once.
    package var outbox: OutboxStore { OutboxStore(database: database) }
    /// The workbench's people (names, roles, bcrypt hashes, failed sign-ins).
    package var users: UserStore { UserStore(database: database) }
    /// Signed-in workbench sessions.
    package var sessions: SessionStore { SessionStore(database: database) }
    /// The append-only record of human actions.
    package var audit: AuditStore { AuditStore(database: database) }
    /// How far each PEP has got (received, QA completed, on the case record): the clocks' facts.
    package var progress: ProgressStore { ProgressStore(database: database) }
    /// The facts behind the Virtual School Head's termly figures.
    package var statistics: StatisticsStore { StatisticsStore(database: database) }
    /// QA reviews: the worklist, overrides, clarifications, completion (the gate for outputs).
    package var reviews: ReviewStore { ReviewStore(database: database) }
    /// The Virtual School Head's verdicts on PP+ requests (the machine only recommends).
    package var ppplus: PPPlusStore { PPPlusStore(database: database) }
    package var reversals: ReversalStore { ReversalStore(database: database) }
    package var outputMark: OutputMarkStore { OutputMarkStore(database: database) }
    package var outputTerms: OutputTermStore { OutputTermStore(database: database) }

    /// Opens (creating if needed) the ledger file at `path`, with its folder, and migrates it.
    package convenience init(path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw LedgerError.cannotCreateFolder(path: folder.path)
        }
        do {
            let stamp = CleanCloseStamp(ledgerPath: path)
            let closedCleanly = stamp.matches()
            stamp.remove()
            let pool = try DatabasePool(path: path, configuration: Self.configuration())
            // After GRDB's WAL set-up, which sets NORMAL on the writer connection.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            // A damaged file is refused here, with one line, before anything reads or writes it:
            // money is paid from this ledger, so a wrong answer is worse than none. Checked
            // whole unless the last process closed it cleanly and nothing touched it since.
            if !closedCleanly, let problem = try Self.firstProblem(pool, check: "quick_check") {
                throw LedgerError.damaged(path: path, detail: problem)
            }
            try self.init(writer: pool, path: path, checkedWhenOpened: !closedCleanly)
        } catch let error as DatabaseError
            where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode)
        {
            throw LedgerError.damaged(path: path, detail: error.message ?? "\(error.resultCode)")
        }
    }

    /// The first problem SQLite's `check` (`quick_check` or `integrity_check`) finds, or nil.
    static func firstProblem(_ database: any DatabaseReader, check: String) throws -> String? {
        let result = try database.read { try String.fetchAll($0, sql: "PRAGMA \(check)(1)") }
        guard let first = result.first, first != "ok" else { return nil }
        return first
    }

    /// A private in-memory ledger, for tests and dry runs.
    package static func inMemory() throws -> Ledger {
        try Ledger(writer: DatabaseQueue(configuration: configuration()), path: nil)
    }

    /// A private in-memory ledger that hands the SQL of every statement it runs to `trace`:
    /// how the tests check that the hot paths' queries use an index (`EXPLAIN QUERY PLAN`).
    package static func inMemory(trace: @escaping @Sendable (String) -> Void) throws -> Ledger {
        var config = configuration()
        config.prepareDatabase { db in
            db.trace { event in
                if case .statement(let statement) = event { trace(statement.sql) }
            }
        }
        return try Ledger(writer: DatabaseQueue(configuration: config), path: nil)
    }

    init(writer: any DatabaseWriter, path: String?, checkedWhenOpened: Bool = false) throws {
        self.database = writer
        self.path = path
        self.checkedWhenOpened = checkedWhenOpened
        let migrator = LedgerSchema.migrator
        let newer = try writer.read { try migrator.hasBeenSuperseded($0) }
        if newer { throw LedgerError.newerSchema(path: path ?? ":memory:") }
        try migrator.migrate(writer)
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.label = "pepqa.ledger"
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        // Bound values may be personal data: keep them out of error descriptions.
        config.publicStatementArguments = false
        return config
    }

    /// The names of the migrations applied to this ledger, in order.
    package func appliedMigrations() throws -> [String] {
        try database.read { try LedgerSchema.migrator.appliedMigrations($0) }
    }

    /// Moves the WAL's content into the main file and truncates the WAL (safe at any time).
    package func checkpoint() throws {
        try database.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }
    }

    /// Writes a consistent copy of the whole ledger to `path` (a new single-file database),
    /// while other processes may keep reading and writing. This is how to back the ledger up:
    /// copying the file itself misses whatever still sits in its `-wal` file.
    package func backup(to path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw LedgerError.cannotCreateFolder(path: folder.path)
        }
        let destination = try DatabaseQueue(path: path)
        try database.backup(to: destination)
        // A backup is only worth keeping if it can be restored: check all of it now.
        let problem = try Self.firstProblem(destination, check: "integrity_check")
        try destination.close()
        if let problem {
            try? FileManager.default.removeItem(atPath: path)
            throw LedgerError.damaged(path: path, detail: "the backup fails its integrity check: \(problem)")
        }
    }

    /// Closes the database connections; any later call fails. The last connection folds the
    /// write-ahead log into the file, and the file is noted as cleanly closed, so the next
    /// open need not read it all (`CleanCloseStamp`).
    package func close() throws {
        // Folded in and emptied now: SQLite leaves the log file behind when a read connection
        // closes last. Busy (another process reading) leaves it as it is, and no stamp.
        if path != nil { try? checkpoint() }
        if let pool = database as? DatabasePool { try pool.close() }
        if let queue = database as? DatabaseQueue { try queue.close() }
        if let path { CleanCloseStamp(ledgerPath: path).write() }
    }
}
