import Foundation
import Logging
import PEPIntake

/// Lists the inboxes at each poll (with `InboxWalker`, as `pepqa process` lists its paths) and
/// says which items are ready to take.
///
/// A drop file is ready when its size and modification time held across two polls
/// (`StabilityTracker`); in `--once` mode also when it was last modified at least
/// `settledAfter` seconds ago (one poll interval: as long as the service would have waited).
/// A Maildir message in `new/` is always ready: delivery renames it in complete; `tmp/` is
/// never listed. A poll lists the inbox folders' own entries only (never the archive), so its
/// cost is the inbox's size, however large the archive grows.
struct InboxScanner {
    let inboxes: [String]
    let walker: InboxWalker
    /// In `--once` mode: files quiet this long count as stable at first sight (nil: never).
    let settledAfter: Double?
    private var tracker = StabilityTracker()

    init(inboxes: [String], skipping: [String], settledAfter: Double?) {
        self.inboxes = inboxes
        walker = InboxWalker(skipping: skipping.map { URL(fileURLWithPath: $0) })
        self.settledAfter = settledAfter
    }

    /// What one poll found.
    struct Poll {
        /// Items to take now, drop files first (by name), then Maildir messages (arrival order).
        var ready: [InboxItem] = []
        /// Drop files seen but not yet stable (still arriving, or seen once only).
        var waiting = 0
        /// Every path listed (ready or not), so retry state for vanished items can be dropped.
        var listed: Set<String> = []
        /// Inboxes that could not be listed, with the reason (logged; the poll goes on).
        var problems: [IntakeIOError] = []
    }

    mutating func poll(now: Date = Date()) -> Poll {
        var poll = Poll()
        let listing = walker.list(inboxes)
        poll.problems = listing.problems
        let stable = Set(tracker.poll(listing.dropFiles, now: now).map(\.url.path))
        for file in listing.dropFiles {
            poll.listed.insert(file.url.path)
            let settled = settledAfter.map { now.timeIntervalSince(file.modified) >= $0 } ?? false
            guard stable.contains(file.url.path) || settled else {
                poll.waiting += 1
                continue
            }
            poll.ready.append(InboxItem(classifying: file))
        }
        for message in listing.messages { poll.listed.insert(message.path) }
        poll.ready += listing.messages
        return poll
    }

    /// Forgets an item once it has left the inbox.
    mutating func forget(_ item: InboxItem) {
        switch item {
        case .dropFile(let file), .emailFile(let file): tracker.forget(file)
        case .maildirMessage: break
        }
    }
}
