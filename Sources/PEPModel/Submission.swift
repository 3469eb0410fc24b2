import struct Foundation.Date

/// One document as it arrived, before reading: the unit the ledger records and the pipeline
/// processes. An e-mail with two PEP attachments is two submissions.
public struct Submission: Sendable, Hashable {
    /// The document's own file name (an attachment's decoded name, or the drop file's name).
    /// Never used as a path: archive and e-mail names are untrusted.
    public var fileName: String
    public var bytes: [UInt8]
    /// Hex SHA-256 of `bytes`: the identity that stops a document being processed twice.
    public var sha256: String
    /// When the Virtual School received it: when it reached the inbox, never a time the sender
    /// can set (see `ArrivalClock` in PEPIntake).
    public var receivedAt: Date
    /// The drop file's modification time, kept as evidence (the sender's clock, or a copy's).
    public var fileModifiedAt: Date?
    public var origin: Origin
    /// Other attachments of the same e-mail (a Boxall Profile PDF, images): recorded, not read.
    public var attachments: [AttachmentInfo]

    public enum Origin: Sendable, Hashable {
        /// A plain file in a drop folder.
        case dropFile(path: String)
        /// An attachment of a message in a Maildir (or a single .eml file).
        case email(EmailInfo)
    }

    public init(fileName: String, bytes: [UInt8], receivedAt: Date, origin: Origin, attachments: [AttachmentInfo] = []) {
        self.fileName = fileName
        self.bytes = bytes
        self.sha256 = SHA256.hex(bytes)
        self.receivedAt = receivedAt
        self.origin = origin
        self.attachments = attachments
    }

    /// The sender's address, for e-mailed submissions.
    public var sender: String? { if case .email(let e) = origin { return e.sender } else { return nil } }
    public var messageID: String? { if case .email(let e) = origin { return e.messageID } else { return nil } }
}

/// What a submission keeps of the e-mail it came in.
public struct EmailInfo: Sendable, Hashable {
    /// The message file (in `new/`, or a `.eml` path).
    public var path: String
    public var sender: String?
    public var messageID: String?
    /// The `Date:` header, parsed; nil when missing or unreadable.
    public var date: Date?
    public var subject: String?

    public init(path: String, sender: String?, messageID: String?, date: Date?, subject: String?) {
        (self.path, self.sender, self.messageID, self.date, self.subject) = (path, sender, messageID, date, subject)
    }
}

extension CalendarDate {
    /// The calendar date of an instant in England (Europe/London), where the Virtual School is.
    public init(englandDateOf date: Date) {
        var calendar = Foundation.Calendar(identifier: .gregorian)
        calendar.timeZone = Foundation.TimeZone(identifier: "Europe/London") ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        self = CalendarDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? CalendarDate(dayNumber: 0)
    }
}

import Foundation
