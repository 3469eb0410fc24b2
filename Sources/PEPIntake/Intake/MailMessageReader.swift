import Foundation
import PEPModel

/// Reads one message file (from a Maildir or a single `.eml`) into an `IncomingMessage`.
///
/// It never throws and never crashes on bad input: every failure becomes the message's
/// `problem`, a one-line `IngestError` naming the file and what broke, never any content.
package struct MailMessageReader: Sendable {
    package var limits: MIMELimits

    package init(limits: MIMELimits = .standard) { self.limits = limits }

    /// Reads the message at `url`, received when `clock` says it arrived.
    package func read(fileAt url: URL, clock: ArrivalClock = .arrival) -> IncomingMessage {
        let path = url.path
        let name = url.lastPathComponent
        let status = FileStatus.lstat(path)
        let arrived = clock.receivedAt(messageAt: path, status: status)
        func failed(_ code: IngestError.Code, _ message: String) -> IncomingMessage {
            IncomingMessage(
                path: path, email: EmailInfo(path: path, sender: nil, messageID: nil, date: nil, subject: nil),
                submissions: [], otherAttachments: [], receivedAt: arrived,
                problem: IngestError(code, file: name, message: message))
        }
        guard let status, status.isRegularFile else { return failed(.unreadable, "the message is not a readable file") }
        guard status.size <= Int64(limits.maxMessageBytes) else {
            return failed(.tooLarge, "the message is larger than the limit of \(ByteCount.describe(limits.maxMessageBytes))")
        }
        guard let data = try? Data(contentsOf: url) else { return failed(.unreadable, "the message file cannot be read") }
        return read(bytes: [UInt8](data), path: path, arrivedAt: arrived)
    }

    /// Parses message bytes. `path` names the message in the record and in errors; `arrivedAt`
    /// is when it reached the Virtual School. The `Date:` header is kept in `EmailInfo.date` as
    /// evidence only: it is the sender's clock.
    package func read(bytes: [UInt8], path: String, arrivedAt: Date) -> IncomingMessage {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let message: MailMessage
        do {
            message = try MailMessage.parse(bytes, limits: limits)
        } catch {
            let code: IngestError.Code =
                switch error.kind {
                case .malformed: .malformed
                case .tooLarge: .tooLarge
                case .empty: .empty
                }
            return IncomingMessage(
                path: path, email: EmailInfo(path: path, sender: nil, messageID: nil, date: nil, subject: nil),
                submissions: [], otherAttachments: [], receivedAt: arrivedAt,
                problem: IngestError(code, file: name, message: error.message))
        }
        let email = EmailInfo(
            path: path, sender: message.sender, messageID: message.messageID, date: message.date,
            subject: message.subject)
        let receivedAt = arrivedAt
        var peps: [(name: String, bytes: [UInt8])] = []
        var others: [AttachmentInfo] = []
        for (index, part) in message.attachmentParts.enumerated() {
            let type = part.contentType.value
            let fileName =
                part.fileName ?? "attachment-\(index + 1).\(AttachmentClassifier.defaultExtension(forType: type))"
            switch AttachmentClassifier.classify(fileName: part.fileName, contentType: type, bytes: part.body) {
            case .pepCandidate: peps.append((fileName, part.body))
            case .other: others.append(AttachmentInfo(fileName: fileName, contentType: type, size: part.body.count))
            }
        }
        let submissions = peps.map {
            Submission(fileName: $0.name, bytes: $0.bytes, receivedAt: receivedAt, origin: .email(email), attachments: others)
        }
        let problem =
            submissions.isEmpty
            ? IngestError(.unsupportedFormat, file: name, message: Self.noPEPMessage(others: others)) : nil
        return IncomingMessage(
            path: path, email: email, submissions: submissions, otherAttachments: others, receivedAt: receivedAt,
            problem: problem)
    }

    /// "the e-mail has no PEP attachment (DOCX, XML or JSON); it had: 1 PDF, 2 images".
    /// Counts kinds only: attachment names may hold a child's name.
    static func noPEPMessage(others: [AttachmentInfo]) -> String {
        let head = "the e-mail has no PEP attachment (DOCX, XML or JSON)"
        guard !others.isEmpty else { return head + "; it had no attachments" }
        var counts: [(singular: String, plural: String, count: Int)] = []
        for attachment in others {
            let category = AttachmentClassifier.category(of: attachment)
            if let i = counts.firstIndex(where: { $0.singular == category.singular }) {
                counts[i].count += 1
            } else {
                counts.append((category.singular, category.plural, 1))
            }
        }
        let listed = counts.map { "\($0.count) \($0.count == 1 ? $0.singular : $0.plural)" }
        return head + "; it had: " + listed.joined(separator: ", ")
    }
}
