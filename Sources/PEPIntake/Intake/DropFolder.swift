import Foundation

/// A folder schools (or a transfer job) drop PEP files into.
///
/// A scan lists the folder and its subfolders (a school's own folder, a transfer job's dated
/// ones), down to `maxDepth` levels: a file put anywhere in the inbox is seen, never silently
/// left. Its cost is the number of entries in the inbox, whatever the size of an archive or
/// quarantine folder kept inside it: those are skipped by path without being opened. A
/// subfolder that is a Maildir is reported as one, for the pipeline to read its `new/`.
package struct DropFolder: Sendable {
    package let root: URL
    /// Folders inside `root` that are the product's own (archive, quarantine, output): never listed.
    package var skipping: [URL]

    package init(root: URL, skipping: [URL] = []) {
        (self.root, self.skipping) = (root, skipping)
    }

    /// What one scan found.
    package struct Scan: Sendable, Hashable {
        /// Candidate files (PEPs and `.eml` messages), by name.
        package var files: [DropFile]
        /// Maildirs found as subfolders (or `root` itself, when it is one).
        package var maildirs: [Maildir]
    }

    /// How deep a scan walks below the root (the root's own files are depth 0).
    package static let maxDepth = 4

    package func scan() throws(IntakeIOError) -> Scan {
        if Maildir.isMaildir(root) { return Scan(files: [], maildirs: [Maildir(root: root)]) }
        let realRoot = Self.realPath(root.path) ?? root.standardizedFileURL.path
        let skipped = Set(skipping.map { Self.realPath($0.path) ?? $0.standardizedFileURL.path })
        var files: [DropFile] = []
        var maildirs: [Maildir] = []
        try list(root, depth: 0, realRoot: realRoot, skipped: skipped, files: &files, maildirs: &maildirs)
        var seen: Set<String> = []
        let unique = files.filter { seen.insert($0.url.path).inserted }
        return Scan(files: unique.sorted { ($0.name, $0.url.path) < ($1.name, $1.url.path) }, maildirs: maildirs)
    }

    /// Lists one folder; a subfolder that cannot be read is passed over (the root must be readable).
    private func list(
        _ folder: URL, depth: Int, realRoot: String, skipped: Set<String>, files: inout [DropFile], maildirs: inout [Maildir]
    ) throws(IntakeIOError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            guard depth > 0 else { throw IntakeIOError("list", path: folder.path, reason: "the drop folder cannot be read") }
            return
        }
        for name in names.sorted() where !Self.isIgnored(name: name) {
            let url = folder.appendingPathComponent(name)
            guard let status = FileStatus.lstat(url.path) else { continue }
            switch status.kind {
            case .regular:
                files.append(DropFile(url: url, status: status))
            case .directory:
                let real = Self.realPath(url.path) ?? url.path
                guard !skipped.contains(real) else { continue }
                if Maildir.isMaildir(url) {
                    maildirs.append(Maildir(root: url))
                } else if depth < Self.maxDepth {
                    try list(url, depth: depth + 1, realRoot: realRoot, skipped: skipped, files: &files, maildirs: &maildirs)
                }
            case .symlink:
                // Followed only to a regular file inside the drop folder (it may be listed
                // itself too; the scan keeps one of each); a link leading out is ignored.
                guard let target = Self.realPath(url.path), target.hasPrefix(realRoot + "/"),
                    let targetStatus = FileStatus.stat(target), targetStatus.isRegularFile,
                    !skipped.contains(where: { target.hasPrefix($0 + "/") }),
                    !Self.isIgnored(name: URL(fileURLWithPath: target).lastPathComponent)
                else { continue }
                files.append(
                    DropFile(
                        url: URL(fileURLWithPath: target), size: targetStatus.size, modified: targetStatus.modified,
                        arrived: status.changed))
            case .other:
                continue
            }
        }
    }

    /// Names that are never documents: hidden files, Word lock files (`~$…`), partial downloads
    /// and uploads, editor swap files, system clutter, and our own `.reason` notes.
    package static func isIgnored(name: String) -> Bool {
        if name.hasPrefix(".") || name.hasPrefix("~$") { return true }
        let lower = name.lowercased()
        if ["thumbs.db", "desktop.ini"].contains(lower) { return true }
        let suffixes = [".part", ".partial", ".tmp", ".crdownload", ".download", ".filepart", ".swp", ".reason"]
        return suffixes.contains { lower.hasSuffix($0) }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
