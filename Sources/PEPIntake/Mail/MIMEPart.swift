/// One node of a parsed message: a leaf with decoded content, a multipart with children, or an
/// attached `message/rfc822` whose one child is the attached message's own top part.
package struct MIMEPart: Sendable, Hashable {
    package var headers: MailHeaders
    /// `Content-Type`, or `text/plain` when missing or unreadable (RFC 2045 §5.2).
    package var contentType: ParameterisedHeader
    package var disposition: ParameterisedHeader?
    /// The content with its transfer encoding undone; empty for a container.
    package var body: [UInt8]
    package var children: [MIMEPart]

    package var isContainer: Bool { contentType.value.hasPrefix("multipart/") || !children.isEmpty }

    /// The leaves of this part in document order (depth first).
    package var leaves: [MIMEPart] {
        isContainer ? children.flatMap(\.leaves) : [self]
    }

    /// The sender's own name for this part: `Content-Disposition` `filename` (RFC 2231 or
    /// RFC 2047 encoded), else `Content-Type` `name`, reduced to its last path component.
    /// Untrusted: never a path.
    package var fileName: String? {
        guard let raw = disposition?["filename"] ?? contentType["name"] else { return nil }
        let decoded = EncodedWordDecoder.decode(raw)
        let last = decoded.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let name = last.trimmingASCIIWhitespace()
        return name.isEmpty ? nil : name
    }

    /// Whether this leaf is an attachment rather than the message text.
    ///
    /// Message text is an inline `text/plain`, `text/html` or `text/enriched` part with no file
    /// name; everything else (including inline images of a signature) is an attachment.
    package var isAttachment: Bool {
        if isContainer { return false }
        if disposition?.value == "attachment" || fileName != nil { return true }
        return !["text/plain", "text/html", "text/enriched"].contains(contentType.value)
    }
}
