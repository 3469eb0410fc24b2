import Foundation

/// Tells an e-mail message from a PEP document when the name does not: a file saved from a mail
/// client without `.eml`, or a Maildir message (named `1762510500.M101P4711.host`, no extension).
///
/// A message starts with a header field (`Name: value`) that mail systems write first; a PEP
/// document starts with `{`, `<` or the ZIP signature, so the two never overlap.
package enum MessageSniffer {
    /// Header fields that open real messages (delivery, transport and the usual originator fields).
    static let openingFields: Set<String> = [
        "return-path", "received", "delivered-to", "from", "to", "date", "subject", "message-id", "mime-version",
        "reply-to", "sender", "dkim-signature", "authentication-results", "x-original-to", "x-mailer", "content-type",
        "arc-seal", "arc-message-signature", "arc-authentication-results", "x-received", "x-envelope-from",
    ]

    /// True when `prefix` (the first bytes of a file) opens with a mail header field.
    package static func looksLikeMessage(prefix: some Collection<UInt8>) -> Bool {
        var name: [UInt8] = []
        for byte in prefix.prefix(80) {
            if byte == UInt8(ascii: ":") {
                let field = String(decoding: name, as: UTF8.self).lowercased()
                return openingFields.contains(field) || field.hasPrefix("x-")
            }
            let isNameByte = (33...126).contains(byte) && byte != UInt8(ascii: ":")
            guard isNameByte else { return false }
            name.append(byte)
        }
        return false
    }

    /// True when the file at `path` is an e-mail: by extension, by sitting in a Maildir's `new/`
    /// or `cur/`, or by its first bytes.
    package static func isMessage(path: String) -> Bool {
        let url = URL(fileURLWithPath: path)
        if url.pathExtension.lowercased() == "eml" { return true }
        let parent = url.deletingLastPathComponent()
        if ["new", "cur"].contains(parent.lastPathComponent), Maildir.isMaildir(parent.deletingLastPathComponent()) {
            return true
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let prefix = (try? handle.read(upToCount: 80)) ?? Data()
        return looksLikeMessage(prefix: prefix)
    }
}
