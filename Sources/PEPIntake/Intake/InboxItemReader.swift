import Foundation
import PEPModel

/// The one reader of an inbox item, for `pepqa process` and the service alike: a PEP file
/// becomes one submission, an e-mail one per PEP attachment. It never throws: what it cannot
/// take in comes back as a kind of failure the caller files (or reports) in its own way.
package struct InboxItemReader: Sendable {
    /// The largest PEP file taken in (`DropFile.maxBytes`).
    package var maxFileBytes = DropFile.maxBytes
    package var mailReader = MailMessageReader()
    /// Which time is the receipt: the arrival, or for a backlog import the file times.
    package var clock: ArrivalClock

    package init(clock: ArrivalClock = .arrival) { self.clock = clock }

    /// What an item holds.
    package enum Contents: Sendable, Equatable {
        /// It left the inbox before it could be read (taken by someone else).
        case gone
        /// It cannot be read now (permissions, an I/O error): a transient fault a person or
        /// time clears, so the item is left where it is and tried again, never quarantined.
        case unreadable(reason: String)
        /// It can never be taken in as it is (too large, empty, malformed, an e-mail with no PEP):
        /// the one-line reason, and when it arrived.
        case unusable(IngestError, receivedAt: Date)
        /// The submissions it carries, and when it arrived.
        case submissions([Submission], receivedAt: Date)
    }

    package func read(_ item: InboxItem) -> Contents {
        switch item {
        case .dropFile(let file): return readDocument(file)
        case .emailFile(let file): return readMessage(at: file.url)
        case .maildirMessage(let url, _): return readMessage(at: url)
        }
    }

    func readDocument(_ file: DropFile) -> Contents {
        do {
            let submission = try file.submission(maxBytes: maxFileBytes, clock: clock)
            return .submissions([submission], receivedAt: submission.receivedAt)
        } catch {
            guard FileManager.default.fileExists(atPath: file.url.path) else { return .gone }
            if error.code == .unreadable { return .unreadable(reason: error.description) }
            return .unusable(error, receivedAt: clock.receivedAt(file))
        }
    }

    func readMessage(at url: URL) -> Contents {
        guard FileManager.default.fileExists(atPath: url.path) else { return .gone }
        let message = mailReader.read(fileAt: url, clock: clock)
        guard message.submissions.isEmpty else { return .submissions(message.submissions, receivedAt: message.receivedAt) }
        let problem = message.problem ?? IngestError(.unsupportedFormat, file: message.fileName, message: "no PEP attachment")
        if problem.code == .unreadable { return .unreadable(reason: problem.description) }
        return .unusable(problem, receivedAt: message.receivedAt)
    }
}
