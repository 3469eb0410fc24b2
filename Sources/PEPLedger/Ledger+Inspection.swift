import GRDB

/// Raw access for tests and diagnosis (internal: the pipeline never needs it). Tests use it to
/// check what was written and that the schema itself refuses bad rows.
extension Ledger {
    /// The first column of the first row, as an integer.
    func integer(_ sql: String, _ arguments: [Int64] = []) throws -> Int? {
        try writer.read { try Int.fetchOne($0, sql: sql, arguments: StatementArguments(arguments)) }
    }

    /// The first column of the first row, as text.
    func text(_ sql: String, _ arguments: [Int64] = []) throws -> String? {
        try writer.read { try String.fetchOne($0, sql: sql, arguments: StatementArguments(arguments)) }
    }

    /// The row count of a table.
    func count(_ table: String) throws -> Int {
        try integer("SELECT COUNT(*) FROM \(table)") ?? 0
    }

    /// Runs SQL in one write transaction.
    func execute(_ sql: String, _ arguments: [Int64] = []) throws {
        try writer.write { try $0.execute(sql: sql, arguments: StatementArguments(arguments)) }
    }

    /// A PRAGMA's value on the writer connection.
    func pragma(_ name: String) throws -> String? {
        try writer.writeWithoutTransaction { try String.fetchOne($0, sql: "PRAGMA \(name)") }
    }

    /// `Ledger.insert` of the same submission row twice in one transaction: the second must be
    /// refused by the UNIQUE constraint and reported as nil (a duplicate), not as an error.
    func insertTwice(_ row: SubmissionRow) throws -> (Int64?, Int64?) {
        try writer.write { db in (try Self.insert(row, db), try Self.insert(row, db)) }
    }
}
