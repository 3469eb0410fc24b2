import Foundation
import PEPModel

/// Loads the register of children looked after: `Rules/roster.csv`, or an export from the case
/// system. Columns: `child_la_id` (required, unique), and optionally `first_name`, `last_name`,
/// `upn`, `school_urn`, `school_name`, `year_group`, `social_worker_email`,
/// `designated_teacher_email`, `entered_care` and `next_pep_meeting` (dates as `2025-09-14` or
/// `14/09/2025`). Errors say `file:line` and never repeat a name.
///
/// Two ways to read one format: `load`/`parse` for the register under `Rules/`, where any bad row
/// stops the start (it was written by hand and `pepqa rules check` tells where); `tolerant` for
/// the case system's export, where a bad row is reported and skipped, since one mistyped row in
/// a nightly export must not stop the rest of the register from refreshing.
package enum RosterLoader {
    package static func load(contentsOf url: URL) throws -> [RosterEntry] {
        try parse(try OutputConfigLoader.read(url), file: url.path)
    }

    /// Every row, or the first problem thrown.
    package static func parse(_ text: String, file: String) throws -> [RosterEntry] {
        let read = try tolerant(text, file: file)
        if let first = read.problems.first { throw first }
        return read.entries
    }

    /// The good rows, and each bad row's problem (`file:line: …`). A file without the
    /// `child_la_id` column, or not CSV at all, still throws: nothing in it can be used.
    package static func tolerant(_ text: String, file: String) throws -> (entries: [RosterEntry], problems: [OutputConfigError]) {
        let table = try OutputCSVTable(text: text, file: file, required: ["child_la_id"])
        var seen: [String: Int] = [:]
        var entries: [RosterEntry] = []
        var problems: [OutputConfigError] = []
        for row in table.rows {
            do {
                let entry = try self.entry(row, file: file)
                if let first = seen[entry.childID] {
                    throw OutputConfigError(
                        file: file, line: row.line, message: "child_la_id \(entry.childID) is listed twice (first on line \(first))")
                }
                seen[entry.childID] = row.line
                entries.append(entry)
            } catch let problem as OutputConfigError {
                problems.append(problem)
            }
        }
        return (entries, problems)
    }

    static func entry(_ row: OutputCSVTable.Row, file: String) throws -> RosterEntry {
        let id = row["child_la_id"]
        guard !id.isEmpty else { throw OutputConfigError(file: file, line: row.line, message: "child_la_id is empty") }
        func date(_ column: String) throws -> CalendarDate? {
            let text = row[column]
            guard !text.isEmpty else { return nil }
            guard let date = ValueNormaliser.date(text) else {
                throw OutputConfigError(file: file, line: row.line, message: "\(column) is not a date (write 2025-09-14 or 14/09/2025)")
            }
            return date
        }
        return RosterEntry(
            childID: id, firstName: row["first_name"], lastName: row["last_name"], upn: row["upn"],
            schoolURN: row["school_urn"], schoolName: row["school_name"], yearGroup: row["year_group"],
            socialWorkerEmail: row["social_worker_email"], designatedTeacherEmail: row["designated_teacher_email"],
            enteredCare: try date("entered_care"), nextMeeting: try date("next_pep_meeting"))
    }
}
