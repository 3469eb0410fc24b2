import struct Foundation.Date
import PEPModel

/// One e-mail as intake found it: its record, the PEPs it carries, its other attachments, or
/// the reason it cannot be processed.
///
/// A message with a `problem` is never dropped: the pipeline reports it and quarantines the
/// message file (`Filing.quarantine(message:reason:)`).
package struct IncomingMessage: Sendable, Hashable {
    /// The message file (in a Maildir's `new/`, or a `.eml` path).
    package var path: String
    /// Sender, `Date:`, `Message-ID` and subject (all nil when the message did not parse).
    package var email: EmailInfo
    /// One submission per PEP attachment, each with `origin == .email(email)`.
    package var submissions: [Submission]
    /// The attachments that are not PEPs (Boxall Profile PDFs, images), recorded not read.
    package var otherAttachments: [AttachmentInfo]
    /// When it arrived (`ArrivalClock`); the sender's `Date:` is in `email.date`.
    package var receivedAt: Date
    /// Why it cannot be processed: malformed, too large, unreadable, or no PEP attachment.
    /// Its description is one line naming the message file, never any content.
    package var problem: IngestError?

    package init(
        path: String, email: EmailInfo, submissions: [Submission], otherAttachments: [AttachmentInfo],
        receivedAt: Date, problem: IngestError?
    ) {
        (self.path, self.email, self.submissions, self.otherAttachments, self.receivedAt, self.problem) = (
            path, email, submissions, otherAttachments, receivedAt, problem
        )
    }

    /// The message file's own name (its last path component).
    package var fileName: String { path.split(separator: "/").last.map(String.init) ?? path }
}
