import PEPModel
import GRDB

extension DatabaseReader {
    /// Every row `sql` selects, each made into a value: the one shape of a store's listing
    /// query, so a store method says only its SQL and its mapping.
    func rows<T>(_ sql: String, _ arguments: StatementArguments = [], _ value: (Row) throws -> T) throws -> [T] {
        try read { db in try Row.fetchAll(db, sql: sql, arguments: arguments).map(value) }
    }
}

extension Row {
    /// The row's `term` and `academic_year` columns as values; nil when either is missing or
    /// unreadable.
    var termAndYear: (term: Term, academicYear: AcademicYear)? {
        guard let term = (self["term"] as String?).flatMap(Term.init(rawValue:)),
            let year = (self["academic_year"] as String?).flatMap({ AcademicYear(parsing: $0) })
        else { return nil }
        return (term, year)
    }
}
