import Foundation
import GRDB
import PEPLedger

/// Raw SQL on a ledger, for tests only: to check what the stores wrote and that the schema
/// itself refuses bad rows. It lives here, not in PEPLedger, so no product code can reach
/// around the stores.
extension Ledger {
    /// The first column of the first row, as an integer.
    package func integer(_ sql: String, _ arguments: [Int64] = []) throws -> Int? {
        try database.read { try Int.fetchOne($0, sql: sql, arguments: StatementArguments(arguments)) }
    }

    /// The first column of the first row, as text.
    package func text(_ sql: String, _ arguments: [Int64] = []) throws -> String? {
        try database.read { try String.fetchOne($0, sql: sql, arguments: StatementArguments(arguments)) }
    }

    /// The first column of every row, as text.
    package func texts(_ sql: String) throws -> [String] {
        try database.read { try String.fetchAll($0, sql: sql) }
    }

    /// The row count of a table.
    package func count(_ table: String) throws -> Int {
        try integer("SELECT COUNT(*) FROM \(table)") ?? 0
    }

    /// Runs SQL in one write transaction.
    package func execute(_ sql: String, _ arguments: [Int64] = []) throws {
        try database.write { try $0.execute(sql: sql, arguments: StatementArguments(arguments)) }
    }

    /// A PRAGMA's value on the writer connection.
    package func pragma(_ name: String) throws -> String? {
        try database.writeWithoutTransaction { try String.fetchOne($0, sql: "PRAGMA \(name)") }
    }
}

/// Another writer on the ledger file (a second tool, a stuck backup): takes SQLite's write lock
/// and holds it for `seconds`, on its own thread. `locked` is signalled once the lock is held.
package func holdLedgerWriteLock(path: String, seconds: Double, locked: DispatchSemaphore) throws -> Thread {
    let queue = try DatabaseQueue(path: path)
    let thread = Thread {
        try? queue.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            locked.signal()
            Thread.sleep(forTimeInterval: seconds)
            try db.execute(sql: "COMMIT")
        }
    }
    thread.start()
    return thread
}
