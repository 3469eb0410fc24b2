import Foundation
import PEPFiles

/// A Maildir the mail server delivers into: `tmp/` (being written: never read), `new/`
/// (delivered, not yet processed) and `cur/` (processed).
///
/// Only `new/` is listed, in name order (Maildir names start with the delivery time, so this is
/// arrival order and stable across runs). A message stays in `new/` until the pipeline has
/// committed it to the ledger and calls `markDone`, so a crash never loses one.
package struct Maildir: Sendable, Hashable {
    package let root: URL

    package init(root: URL) { self.root = root }

    package var newDirectory: URL { root.appendingPathComponent("new") }
    package var curDirectory: URL { root.appendingPathComponent("cur") }

    /// Whether `url` looks like a Maildir: it holds `new/` and `cur/` folders.
    package static func isMaildir(_ url: URL) -> Bool {
        FileStatus.stat(url.appendingPathComponent("new").path)?.isDirectory == true
            && FileStatus.stat(url.appendingPathComponent("cur").path)?.isDirectory == true
    }

    /// The message files in `new/`, sorted by name; dotfiles and anything not a regular file are skipped.
    package func newMessageFiles() throws(IntakeIOError) -> [URL] {
        let folder = newDirectory
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw IntakeIOError("list", path: folder.path, reason: "the Maildir's new/ folder cannot be read")
        }
        return names.sorted().filter { !$0.hasPrefix(".") }.map { folder.appendingPathComponent($0) }
            .filter { FileStatus.lstat($0.path)?.isRegularFile == true }
    }

    /// Every message in `new/`, parsed. A message that cannot be used has its `problem` set; it
    /// is returned all the same, never dropped.
    package func readNewMessages(using reader: MailMessageReader = MailMessageReader()) throws(IntakeIOError)
        -> [IncomingMessage]
    {
        try newMessageFiles().map { reader.read(fileAt: $0) }
    }

    /// Moves a processed message `new/NAME` → `cur/NAME:2,S` (seen), by rename.
    /// Call only after the ledger has committed the message's submissions.
    /// - Returns: the message's path in `cur/`.
    @discardableResult
    package func markDone(_ message: IncomingMessage) throws(IntakeIOError) -> URL {
        try markDone(messageAt: URL(fileURLWithPath: message.path))
    }

    @discardableResult
    package func markDone(messageAt url: URL) throws(IntakeIOError) -> URL {
        guard url.deletingLastPathComponent().standardizedFileURL.path == newDirectory.standardizedFileURL.path else {
            throw IntakeIOError("mark as done", path: url.path, reason: "the message is not in this Maildir's new/ folder")
        }
        let destination = curDirectory.appendingPathComponent(Self.seenName(url.lastPathComponent))
        try DurableFile.move(url, to: destination)
        return destination
    }

    /// `NAME` with its Maildir info replaced by `:2,S`.
    static func seenName(_ name: String) -> String {
        let base = name.firstIndex(of: ":").map { String(name[..<$0]) } ?? name
        return base + ":2,S"
    }
}
