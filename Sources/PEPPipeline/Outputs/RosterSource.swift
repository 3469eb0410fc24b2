import Foundation
import Logging
import PEPModel
import PEPRules

/// The register of children looked after as it stands now: `roster_file` (checked at start),
/// replaced by the newest export the case system drops into `roster_import_dir` when there is
/// one. Every publish asks again, so a nightly export is taken up without a restart.
///
/// An export is read tolerantly (`RosterLoader.tolerant`): a bad row is reported with its line
/// and skipped, never fatal; a file that cannot be used at all (no `child_la_id` column, not
/// CSV) leaves the previous register in use and says so. A file modified in the last
/// `quietSeconds` is left for the next call, since the case system may still be writing it and
/// a half-written export would drop the children it has not reached yet.
package final class RosterSource: @unchecked Sendable {
    /// What the register is now and where it came from.
    package struct Snapshot: Sendable, Equatable {
        package var entries: [RosterEntry]
        /// The file the entries came from (the import's name, or the roster file's path).
        package var source: String
        /// `file:line: …` for each skipped row, or one line for an export that could not be used.
        /// Never a child's name: `RosterLoader` messages name columns and IDs only.
        package var problems: [String]
    }

    let base: Snapshot
    let folder: URL?
    let quietSeconds: Double
    let logger: Logger
    private let lock = NSLock()
    private var imported: (stamp: Stamp, snapshot: Snapshot)?

    package init(
        base: [RosterEntry], baseFile: String, importFolder: URL?, quietSeconds: Double = 10,
        logger: Logger = Logger(label: "pepqa.roster")
    ) {
        self.base = Snapshot(entries: base, source: baseFile, problems: [])
        self.folder = importFolder
        self.quietSeconds = quietSeconds
        self.logger = logger
    }

    /// The register a configuration names (the roster file, checked; the import folder), for
    /// `pepqa serve`, which decides PP+ eligibility from the same register the watcher uses.
    package static func configured(_ configuration: ServiceConfiguration, logger: Logger) throws -> RosterSource {
        RosterSource(
            base: try StartupSettings.roster(configuration) ?? [], baseFile: configuration.resolvedRosterFile,
            importFolder: configuration.rosterImportDir.map { URL(fileURLWithPath: $0) }, logger: logger)
    }

    /// The register to use now, reading a new or changed export first.
    package func current(now: Date = Date()) -> Snapshot {
        lock.lock()
        defer { lock.unlock() }
        guard let folder, let stamp = Self.newestExport(in: folder), now.timeIntervalSince(stamp.modified) >= quietSeconds
        else { return imported?.snapshot ?? base }
        if let imported, imported.stamp == stamp { return imported.snapshot }
        let name = URL(fileURLWithPath: stamp.path).lastPathComponent
        let previous = imported?.snapshot ?? base
        do {
            let read = try RosterLoader.tolerant(try String(contentsOfFile: stamp.path, encoding: .utf8), file: name)
            let snapshot = Snapshot(entries: read.entries, source: name, problems: read.problems.map(\.description))
            for problem in snapshot.problems {
                logger.warning("register row skipped", metadata: ["problem": "\(problem)"])
            }
            logger.notice(
                "register refreshed from the case system's export",
                metadata: ["file": "\(name)", "children": "\(read.entries.count)", "skipped": "\(read.problems.count)"])
            imported = (stamp, snapshot)
            return snapshot
        } catch {
            let reason = (error as? OutputConfigError)?.description ?? "\(name): the file cannot be read as UTF-8 CSV"
            let problem = "\(reason) (the register from \(previous.source) is still in use)"
            logger.error("register export not used", metadata: ["problem": "\(problem)"])
            let kept = Snapshot(entries: previous.entries, source: previous.source, problems: [problem])
            imported = (stamp, kept)
            return kept
        }
    }

    /// The newest regular `.csv` file in `folder` (by modification time, then name); hidden
    /// files (a transfer's temporary `.name.csv`) are skipped.
    static func newestExport(in folder: URL) -> Stamp? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var newest: Stamp?
        for name in names where !name.hasPrefix(".") && name.lowercased().hasSuffix(".csv") {
            let path = folder.appendingPathComponent(name).path
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular,
                let modified = attributes[.modificationDate] as? Date
            else { continue }
            let stamp = Stamp(path: path, size: (attributes[.size] as? NSNumber)?.int64Value ?? 0, modified: modified)
            if let current = newest, (current.modified, current.path) >= (stamp.modified, stamp.path) { continue }
            newest = stamp
        }
        return newest
    }

    /// What says an export changed: its path, size and modification time.
    struct Stamp: Equatable {
        var path: String
        var size: Int64
        var modified: Date
    }
}
