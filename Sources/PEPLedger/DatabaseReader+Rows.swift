import PEPModel
import GRDB

extension DatabaseReader {
    /// Every row `sql` selects, each made into a value: the one shape of a store's listing
    /// query, so a store method says only its SQL and its mapping.
    func rows<T>(_ sql: String, _ arguments: StatementArguments = [], _ value: (Row) throws -> T) throws -> [T] {
        try read { db in try Row.decodeAll(db, sql: sql, arguments: arguments, value) }
    }
}

extension Row {
    /// Every row of `sql` made into a value as SQLite steps to it: how every store reads rows.
    ///
    /// Not `Row.fetchAll(...).map`: a copied row finds a column by name by lowercasing every
    /// column's name at each lookup (GRDB's `StatementCopyRowImpl`), which was a third of the
    /// dashboard's read of a term; a row met on the cursor looks the name up in the statement's
    /// table. The row is only valid inside `value`, which must not keep it.
    static func decodeAll<T>(
        _ db: Database, sql: String, arguments: StatementArguments = [], _ value: (Row) throws -> T
    ) throws -> [T] {
        try decodeAll(db.makeStatement(sql: sql), arguments: arguments, value)
    }

    /// `decodeAll(_:sql:arguments:_:)` for a prepared (or cached) statement.
    static func decodeAll<T>(_ statement: Statement, arguments: StatementArguments = [], _ value: (Row) throws -> T) throws -> [T] {
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        var values: [T] = []
        while let row = try cursor.next() { values.append(try value(row)) }
        return values
    }

    /// The row's `term` and `academic_year` columns as values; nil when either is missing or
    /// unreadable.
    var termAndYear: (term: Term, academicYear: AcademicYear)? {
        guard let term = (self["term"] as String?).flatMap(Term.init(rawValue:)),
            let year = (self["academic_year"] as String?).flatMap({ AcademicYear(parsing: $0) })
        else { return nil }
        return (term, year)
    }
}
