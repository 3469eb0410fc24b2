import GRDB

extension DatabaseReader {
    /// Every row `sql` selects, each made into a value: the one shape of a store's listing
    /// query, so a store method says only its SQL and its mapping.
    func rows<T>(_ sql: String, _ arguments: StatementArguments = [], _ value: (Row) throws -> T) throws -> [T] {
        try read { db in try Row.fetchAll(db, sql: sql, arguments: arguments).map(value) }
    }
}
