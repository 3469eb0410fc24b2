import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Clears what a killed run can leave behind, once at start-up (never per poll, so the walk
/// of the output and archive trees does not add to a poll's cost).
///
/// - Temporary files of atomic writes in the output folder (`.<name>.tmp-<pid>-<n>` and
///   `.<name>.staging-<pid>-<n>`) whose writing process is gone: the real file was never
///   renamed into place, so nothing is lost. Another live pepqa's temporaries are left alone.
/// - Temporary copies of a cross-file-system move in the archive and quarantine (the same
///   `.<name>.tmp-<pid>-<n>` names; `.pepqa-tmp-<n>` from versions before `DurableFile`): the
///   source is still in the inbox and will be moved again.
/// - A `.reason` note with no quarantined file beside it (the process died between writing
///   the note and moving the file, which is still in the inbox).
package enum StartupSweep {
    /// - Parameter everything: also walk the trees that hold a file for every PEP ever rated
    ///   (`out/reports`, the archive): a walk of hundreds of thousands of names, made only
    ///   after a run that did not close the ledger cleanly (`RunOptions.sweepEverything`).
    /// - Returns: the paths removed.
    @discardableResult
    package static func run(outDir: String, archiveDir: String, quarantineDir: String, everything: Bool = true) -> [String] {
        var removed: [String] = []
        // As `files(under:)` spells the folder's path (the output folder as given, then "/reports").
        let reports = (outDir.hasSuffix("/") ? String(outDir.dropLast()) : outDir) + "/reports"
        for path in files(under: outDir, skipping: everything ? [] : [reports]) where isStaleOutputTemporary(path) {
            if unlink(path) == 0 { removed.append(path) }
        }
        for root in everything ? [archiveDir, quarantineDir] : [quarantineDir] {
            for path in files(under: root)
            where isStaleOutputTemporary(path) || (path as NSString).lastPathComponent.hasPrefix(".pepqa-tmp-") {
                if unlink(path) == 0 { removed.append(path) }
            }
        }
        let notes = ((try? FileManager.default.contentsOfDirectory(atPath: quarantineDir)) ?? []).filter {
            $0.hasSuffix(".reason")
        }
        for note in notes {
            let file = (quarantineDir as NSString).appendingPathComponent(String(note.dropLast(".reason".count)))
            let path = (quarantineDir as NSString).appendingPathComponent(note)
            if !FileManager.default.fileExists(atPath: file), unlink(path) == 0 { removed.append(path) }
        }
        return removed
    }

    /// Whether a name in the output tree is an atomic write's leftover whose process is gone.
    static func isStaleOutputTemporary(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        guard name.hasPrefix(".") else { return false }
        for marker in [".tmp-", ".staging-"] {
            guard let range = name.range(of: marker, options: .backwards) else { continue }
            let pidText = name[range.upperBound...].prefix { $0 != "-" }
            guard let pid = Int32(pidText) else { continue }
            return pid == getpid() || !isAlive(pid)
        }
        return false
    }

    static func isAlive(_ pid: pid_t) -> Bool { kill(pid, 0) == 0 || errno == EPERM }

    /// Every hidden regular file (a name starting with `.`) under `root`, in any folder: the
    /// only names a leftover can have. A plain `readdir` walk that makes a String only of
    /// folders and hidden names, since the output tree holds two reports per PEP ever rated and
    /// Foundation's enumerator took most of a service start at 10,000 PEPs.
    static func files(under root: String, skipping skipped: Set<String> = []) -> [String] {
        var found: [String] = []
        var folders = [root]
        while let folder = folders.popLast() {
            if skipped.contains(folder) { continue }
            guard let directory = opendir(folder) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let first = entry.pointee.d_name.0
                var type = entry.pointee.d_type
                guard first == 0x2E || type == UInt8(DT_DIR) || type == UInt8(DT_UNKNOWN) else { continue }
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = folder + "/" + name
                if type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(path, &info) == 0 else { continue }
                    type = info.st_mode & S_IFMT == S_IFDIR ? UInt8(DT_DIR) : info.st_mode & S_IFMT == S_IFREG ? UInt8(DT_REG) : 0
                }
                if type == UInt8(DT_DIR) {
                    folders.append(path)
                } else if type == UInt8(DT_REG), first == 0x2E {
                    found.append(path)
                }
            }
        }
        return found
    }
}
