import Foundation
import PEPModel

/// Loads the roster of children who should have a PEP (`Rules/roster.csv`, an export from the
/// case system). Columns: `child_la_id` (required, unique), and optionally `first_name`,
/// `last_name`, `upn`, `school_urn`, `school_name`, `year_group`, `social_worker_email`.
/// Errors say `file:line` and never repeat a name.
package enum RosterLoader {
    package static func load(contentsOf url: URL) throws -> [RosterEntry] {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw OutputConfigError(file: url.path, message: "cannot be read as UTF-8 text")
        }
        return try parse(text, file: url.path)
    }

    package static func parse(_ text: String, file: String) throws -> [RosterEntry] {
        let table = try OutputCSVTable(text: text, file: file, required: ["child_la_id"])
        var seen: [String: Int] = [:]
        return try table.rows.map { row in
            let id = row["child_la_id"]
            guard !id.isEmpty else { throw OutputConfigError(file: file, line: row.line, message: "child_la_id is empty") }
            if let first = seen[id] {
                throw OutputConfigError(file: file, line: row.line, message: "child_la_id \(id) is listed twice (first on line \(first))")
            }
            seen[id] = row.line
            return RosterEntry(
                childID: id, firstName: row["first_name"], lastName: row["last_name"], upn: row["upn"],
                schoolURN: row["school_urn"], schoolName: row["school_name"], yearGroup: row["year_group"],
                socialWorkerEmail: row["social_worker_email"])
        }
    }
}
