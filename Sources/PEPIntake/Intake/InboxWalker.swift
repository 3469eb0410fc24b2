import Foundation

/// The one walk of the inputs, for `pepqa process` (the paths it is given) and for the service
/// (its inboxes) alike, so both see the same files:
///
/// - a file named directly is itself (links followed: the user named it);
/// - a Maildir (`Maildir.isMaildir`) gives the messages in its `new/` only: `cur/` holds what
///   was already processed and `tmp/` what is still being delivered;
/// - any other folder is walked by `DropFolder.scan`: down to `DropFolder.maxDepth` levels,
///   ignored names (`DropFolder.isIgnored`) skipped, a link followed only to a regular file
///   inside the folder, Maildirs inside it read as Maildirs, `skipping` folders never opened.
package struct InboxWalker: Sendable {
    /// The product's own folders (archive, quarantine, output), never listed even inside an inbox.
    package var skipping: [URL]

    package init(skipping: [URL] = []) { self.skipping = skipping }

    /// What one walk found.
    package struct Listing: Sendable, Hashable {
        /// Files to read, by name within each folder walked.
        package var dropFiles: [DropFile] = []
        /// Maildir messages from `new/`, in arrival (name) order.
        package var messages: [InboxItem] = []
        /// Folders that could not be listed (the rest of the walk goes on).
        package var problems: [IntakeIOError] = []

        /// Every item: drop files first (classified as PEP or e-mail), then Maildir messages.
        package var items: [InboxItem] { dropFiles.map(InboxItem.init(classifying:)) + messages }

        mutating func append(_ other: Listing) {
            dropFiles += other.dropFiles
            messages += other.messages
            problems += other.problems
        }
    }

    /// Walks every path in turn.
    package func list(_ paths: [String]) -> Listing {
        var listing = Listing()
        for path in paths { listing.append(list(path)) }
        return listing
    }

    /// Walks one path: a file, a Maildir or a drop folder.
    package func list(_ path: String) -> Listing {
        var listing = Listing()
        let url = URL(fileURLWithPath: path)
        if let status = FileStatus.stat(path), status.isRegularFile {
            listing.dropFiles = [DropFile(url: url, status: status)]
            return listing
        }
        do {
            let scan = try DropFolder(root: url, skipping: skipping).scan()
            listing.dropFiles = scan.files
            for maildir in scan.maildirs {
                listing.messages += try maildir.newMessageFiles().map { InboxItem.maildirMessage($0, maildir) }
            }
        } catch {
            listing.problems.append(error)
        }
        return listing
    }
}
