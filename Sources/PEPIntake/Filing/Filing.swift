import Foundation
import PEPFiles
import PEPModel

/// Archive and quarantine: where a file goes once the pipeline is done with it.
///
/// The pipeline calls `archive` only after the ledger commit, and `quarantine` for input that
/// cannot be taken in. Both move the original bytes (never a copy left behind, never a
/// rewrite) under a name built by `ArchiveNaming`, so a sender's name is never used as a path.
/// Quarantine is not deletion: the file stays for a person to inspect, with a `.reason` note,
/// and `requeue` puts it back in an inbox after the cause is fixed.
package struct Filing: Sendable {
    /// `ARCHIVE`: files land in `ARCHIVE/YYYY/MM/`.
    package let archiveRoot: URL
    /// `QUARANTINE`: files land directly in it, each with `<name>.reason` beside it.
    package let quarantineRoot: URL

    package static let reasonSuffix = ".reason"

    package init(archiveRoot: URL, quarantineRoot: URL) {
        (self.archiveRoot, self.quarantineRoot) = (archiveRoot, quarantineRoot)
    }

    /// Moves `file` to `ARCHIVE/YYYY/MM/<yyyyMMdd-HHmmss>-<sha12>-<name>` and returns the new path.
    /// - Parameters:
    ///   - receivedAt: dates the name and the month folder.
    ///   - sha256: the file's hex SHA-256 when already known (a drop file's submission); else it
    ///     is computed from the file.
    @discardableResult
    package func archive(file: URL, receivedAt: Date, sha256: String? = nil) throws(IntakeIOError) -> URL {
        let month = ArchiveNaming.yearMonth(receivedAt)
        let folder = archiveRoot.appendingPathComponent(month.year).appendingPathComponent(month.month)
        try DurableFile.makeDirectories(folder)
        let hash: String
        if let sha256 { hash = sha256 } else { hash = try Self.hash(of: file) }
        let destination = try Self.freePath(
            in: folder, name: ArchiveNaming.name(original: file.lastPathComponent, receivedAt: receivedAt, sha256: hash))
        try DurableFile.move(file, to: destination)
        return destination
    }

    /// Moves `file` to `QUARANTINE/<name>` and writes `<name>.reason` (the reason and `now`)
    /// beside it, atomically and before the move, so a quarantined file always has its note.
    /// - Parameter reason: one line saying where and why, never any content (an `IngestError`'s description).
    @discardableResult
    package func quarantine(
        file: URL, reason: String, receivedAt: Date? = nil, now: Date = Date()
    )
        throws(IntakeIOError) -> URL
    {
        try DurableFile.makeDirectories(quarantineRoot)
        let hash = try Self.hash(of: file)
        let name = ArchiveNaming.name(original: file.lastPathComponent, receivedAt: receivedAt ?? now, sha256: hash)
        let destination = try Self.freePath(in: quarantineRoot, name: name)
        let notePath = destination.path + Self.reasonSuffix
        try DurableFile.write(QuarantineNote(reason: reason, when: now).text, to: URL(fileURLWithPath: notePath))
        do {
            try DurableFile.move(file, to: destination)
        } catch {
            unlink(notePath)
            throw error
        }
        return destination
    }

    /// Quarantines an e-mail message file (from a Maildir's `new/`, or a `.eml`) with its problem.
    @discardableResult
    package func quarantine(
        message: IncomingMessage, reason: String? = nil, now: Date = Date()
    ) throws(IntakeIOError)
        -> URL
    {
        let text = reason ?? message.problem?.description ?? "\(message.fileName): quarantined"
        return try quarantine(
            file: URL(fileURLWithPath: message.path), reason: text, receivedAt: message.receivedAt, now: now)
    }

    /// The quarantined files (not their notes), by name.
    package func quarantinedFiles() throws(IntakeIOError) -> [URL] {
        guard FileStatus.stat(quarantineRoot.path)?.isDirectory == true else { return [] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: quarantineRoot.path)
        } catch {
            throw IntakeIOError("list", path: quarantineRoot.path, reason: "the folder cannot be read")
        }
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(Self.reasonSuffix) }.sorted()
            .map { quarantineRoot.appendingPathComponent($0) }
    }

    /// The note beside a quarantined file, if it has one.
    package func note(forQuarantined file: URL) -> QuarantineNote? {
        guard let data = FileManager.default.contents(atPath: file.path + Self.reasonSuffix) else { return nil }
        return QuarantineNote.parse(String(decoding: data, as: UTF8.self))
    }

    /// Moves a quarantined file back into an inbox under its original (sanitised) name, and
    /// removes its note. Given a Maildir, the file goes to its `new/`.
    /// - Returns: the file's new path in the inbox.
    @discardableResult
    package func requeue(_ quarantined: URL, into inbox: URL) throws(IntakeIOError) -> URL {
        let folder = Maildir.isMaildir(inbox) ? Maildir(root: inbox).newDirectory : inbox
        let original = ArchiveNaming.originalName(fromArchived: quarantined.lastPathComponent)
        let destination = try Self.freePath(in: folder, name: original)
        try DurableFile.move(quarantined, to: destination)
        unlink(quarantined.path + Self.reasonSuffix)
        return destination
    }

    /// `name` in `folder`, or `stem-2.ext`, `stem-3.ext`… when taken (counting a taken `.reason` too).
    static func freePath(in folder: URL, name: String) throws(IntakeIOError) -> URL {
        func isFree(_ candidate: String) -> Bool {
            let path = folder.appendingPathComponent(candidate).path
            return FileStatus.lstat(path) == nil && FileStatus.lstat(path + reasonSuffix) == nil
        }
        if isFree(name) { return folder.appendingPathComponent(name) }
        var stem = name
        var ext = ""
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            stem = String(name[..<dot])
            ext = String(name[dot...])
        }
        for n in 2...1000 where isFree("\(stem)-\(n)\(ext)") {
            return folder.appendingPathComponent("\(stem)-\(n)\(ext)")
        }
        throw IntakeIOError("find a free name in", path: folder.path, reason: "1000 files already share the name")
    }

    /// The hex SHA-256 of a file's bytes, read in chunks.
    static func hash(of file: URL) throws(IntakeIOError) -> String {
        guard let handle = FileHandle(forReadingAtPath: file.path) else {
            throw IntakeIOError("read", path: file.path, reason: "the file cannot be opened")
        }
        defer { try? handle.close() }
        var hasher = PEPModel.SHA256()
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 16) } catch {
                throw IntakeIOError("read", path: file.path, reason: "the file cannot be read")
            }
            guard let chunk, !chunk.isEmpty else { break }
            hasher.update(chunk)
        }
        return hasher.finalizeHex()
    }
}
