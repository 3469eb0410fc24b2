import struct Foundation.Date

/// A parsed e-mail: its top part (with the header fields) and the facts the ledger records.
package struct MailMessage: Sendable, Hashable {
    package var root: MIMEPart

    /// Parses `bytes` as an RFC 5322 message.
    /// - Throws: `MIMEError` (a clause naming what broke, never content).
    static func parse(_ bytes: [UInt8], limits: MIMELimits = .standard) throws(MIMEError) -> MailMessage {
        var parser = MIMEParser(limits: limits)
        return MailMessage(root: try parser.parseMessage(bytes))
    }

    package var headers: MailHeaders { root.headers }

    /// The address of the first `From:` mailbox.
    package var sender: String? { headers.value("From").flatMap(MailAddressParser.firstAddress(in:)) }

    /// The `Date:` header as an instant; nil when missing or unreadable.
    package var date: Date? { headers.value("Date").flatMap(MailDateParser.parse) }

    /// The `Message-ID`, with its angle brackets.
    package var messageID: String? { headers.value("Message-ID").flatMap(MailAddressParser.messageID(in:)) }

    /// The `Subject`, RFC 2047 decoded. It may hold personal data: it is kept in the record, never logged.
    package var subject: String? {
        headers.value("Subject").map { EncodedWordDecoder.decode($0).trimmingASCIIWhitespace() }
    }

    /// The leaves that are attachments, in the order they appear.
    package var attachmentParts: [MIMEPart] { root.leaves.filter(\.isAttachment) }
}
