import Foundation
import Logging
import Yams

/// Everything the pipeline needs to know about where things are and how often to look.
///
/// Loaded once, from one file (`/etc/pepqa/pepqa.yaml` for the service), then overridden by
/// command-line options that keep the names `process` uses. Every key, its type and its default:
///
/// | key | type | default |
/// |---|---|---|
/// | `inboxes` | list of folders (a drop folder or a Maildir) | `[]` |
/// | `state_dir` | folder for the ledger | `./state` |
/// | `out_dir` | folder for reports, dashboard, outbox, exports, finance | `./out` |
/// | `rules_dir` | folder of QA criteria and settings | `./Rules` |
/// | `archive_dir` | where processed inbox files go | `<state_dir>/archive` |
/// | `quarantine_dir` | where unreadable inbox files go, with a `.reason` | `<state_dir>/quarantine` |
/// | `poll_interval_seconds` | seconds between inbox polls | `30` |
/// | `roster_file` | CSV of children in care (for the "no PEP yet" page) | `<rules_dir>/roster.csv` if present |
/// | `roster_import_dir` | folder the case system drops its register export into (CSV, roster columns); the newest file replaces `roster_file`, bad rows are reported and skipped | none |
/// | `schools_file` | CSV school register for PP+ payments | `<rules_dir>/schools.csv` if present |
/// | `finance_close_day` | day of month (1-28) the service closes a PP+ batch; 0 = never | `0` |
/// | `tracker_hour` | hour of the day (England, 0-23) the service refreshes the tracker and statistics, even when nothing arrives | `6` |
/// | `log_level` | trace, debug, info, notice, warning, error, critical | `info` |
/// | `read_ahead` | documents read and parsed ahead on other cores while one is rated (0: one core) | one fewer than the cores |
/// | `auto_complete_green` | complete QA without a person for machine-Green PEPs (both ratings) | `false` |
package struct ServiceConfiguration: Sendable, Equatable {
    package var inboxes: [String] = []
    package var stateDir = "state"
    package var outDir = "out"
    package var rulesDir = "Rules"
    package var archiveDir: String?
    package var quarantineDir: String?
    package var pollInterval: Double = 30
    package var rosterFile: String?
    /// Where the case system's nightly register export lands (`RosterSource`).
    package var rosterImportDir: String?
    package var schoolsFile: String?
    package var financeCloseDay = 0
    /// The tracker's daily refresh: the first poll at or after this hour each day.
    package var trackerHour = 6
    package var logLevel = Logger.Level.info
    /// Off by default: only a person completing QA releases feedback and the export.
    package var autoCompleteGreen = false
    /// Documents read and parsed ahead on other cores while one is rated and recorded
    /// (`read_ahead`); nil: one fewer than the cores this process may use.
    package var readAhead: Int?

    package init() {}

    package var resolvedReadAhead: Int { readAhead ?? max(0, ProcessInfo.processInfo.activeProcessorCount - 1) }

    package var ledgerPath: String { (stateDir as NSString).appendingPathComponent("ledger.sqlite") }
    package var resolvedArchiveDir: String { archiveDir ?? (stateDir as NSString).appendingPathComponent("archive") }
    package var resolvedQuarantineDir: String {
        quarantineDir ?? (stateDir as NSString).appendingPathComponent("quarantine")
    }
    package var resolvedRosterFile: String { rosterFile ?? (rulesDir as NSString).appendingPathComponent("roster.csv") }
    package var resolvedSchoolsFile: String { schoolsFile ?? (rulesDir as NSString).appendingPathComponent("schools.csv") }

    /// A configuration problem: the file, and what is wrong with which key.
    package struct Problem: Error, CustomStringConvertible, Equatable {
        package var file: String
        package var message: String
        package var description: String { "\(file): \(message)" }
    }

    static let knownKeys: Set<String> = [
        "inboxes", "state_dir", "out_dir", "rules_dir", "archive_dir", "quarantine_dir", "poll_interval_seconds",
        "roster_file", "roster_import_dir", "schools_file", "finance_close_day", "log_level",
        "auto_complete_green", "tracker_hour", "read_ahead",
    ]

    /// Where the service's configuration lives; read by every command when it exists and no
    /// `--config` is given.
    package static let defaultFile = "/etc/pepqa/pepqa.yaml"

    /// The one way every command gets its settings: the file given (`--config`), else
    /// `defaultFile` when it exists, else the defaults; then the folder options, which keep
    /// the same names in every command.
    package static func resolve(
        configFile: String?, state: String? = nil, out: String? = nil, rules: String? = nil,
        defaultFile: String = ServiceConfiguration.defaultFile
    ) throws(Problem) -> ServiceConfiguration {
        let file = configFile ?? (FileManager.default.fileExists(atPath: defaultFile) ? defaultFile : nil)
        var config = try file.map { file throws(Problem) in try load(file: file) } ?? ServiceConfiguration()
        if let state { config.stateDir = state }
        if let out { config.outDir = out }
        if let rules { config.rulesDir = rules }
        return config
    }

    /// Reads a configuration file. Unknown keys and wrong types are errors (a typo must not
    /// silently fall back to a default for a service that pays schools).
    package static func load(file: String) throws(Problem) -> ServiceConfiguration {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw Problem(file: file, message: "cannot be read")
        }
        return try parse(text, file: file)
    }

    package static func parse(_ text: String, file: String) throws(Problem) -> ServiceConfiguration {
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch {
            throw Problem(file: file, message: "is not valid YAML: \(error)")
        }
        var config = ServiceConfiguration()
        guard let node else { return config }
        guard let mapping = node.mapping else { throw Problem(file: file, message: "must be a mapping of keys to values") }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = (keyNode.mark?.line).map { "line \($0): " } ?? ""
            guard knownKeys.contains(key) else {
                throw Problem(file: file, message: "\(line)unknown key '\(key)' (known: \(knownKeys.sorted().joined(separator: ", ")))")
            }
            func string() throws(Problem) -> String {
                guard let s = value.string, value.scalar != nil else { throw Problem(file: file, message: "\(line)'\(key)' must be text") }
                return s
            }
            switch key {
            case "inboxes":
                guard let seq = value.sequence else { throw Problem(file: file, message: "\(line)'inboxes' must be a list of folders") }
                config.inboxes = try seq.map { item throws(Problem) in
                    guard item.scalar != nil, let folder = item.string, !folder.isEmpty else {
                        let at = (item.mark?.line).map { "line \($0): " } ?? line
                        throw Problem(file: file, message: "\(at)each of 'inboxes' must be a folder path")
                    }
                    return folder
                }
            case "state_dir": config.stateDir = try string()
            case "out_dir": config.outDir = try string()
            case "rules_dir": config.rulesDir = try string()
            case "archive_dir": config.archiveDir = try string()
            case "quarantine_dir": config.quarantineDir = try string()
            case "roster_file": config.rosterFile = try string()
            case "roster_import_dir": config.rosterImportDir = try string()
            case "schools_file": config.schoolsFile = try string()
            case "log_level":
                let text = try string()
                guard let level = Logger.Level(rawValue: text) else {
                    throw Problem(
                        file: file,
                        message: "\(line)'log_level' must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'")
                }
                config.logLevel = level
            case "poll_interval_seconds":
                guard let d = value.float ?? value.int.map(Double.init), d >= 1, d <= 3600 else {
                    throw Problem(file: file, message: "\(line)'poll_interval_seconds' must be a number from 1 to 3600")
                }
                config.pollInterval = d
            case "finance_close_day":
                guard let d = value.int, (0...28).contains(d) else {
                    throw Problem(file: file, message: "\(line)'finance_close_day' must be a whole number from 0 to 28")
                }
                config.financeCloseDay = d
            case "tracker_hour":
                guard let h = value.int, (0...23).contains(h) else {
                    throw Problem(file: file, message: "\(line)'tracker_hour' must be a whole number from 0 to 23")
                }
                config.trackerHour = h
            case "read_ahead":
                guard let n = value.int, (0...16).contains(n) else {
                    throw Problem(file: file, message: "\(line)'read_ahead' must be a whole number from 0 to 16")
                }
                config.readAhead = n
            case "auto_complete_green":
                guard let b = value.bool else {
                    throw Problem(file: file, message: "\(line)'auto_complete_green' must be true or false")
                }
                config.autoCompleteGreen = b
            default: break
            }
        }
        return config
    }
}
