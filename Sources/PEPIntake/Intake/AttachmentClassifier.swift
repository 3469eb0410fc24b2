import PEPModel

/// Decides whether an e-mail attachment is a PEP candidate (DOCX, XML or JSON) or another
/// attachment to record (a Boxall Profile PDF, a signature image).
///
/// It only picks candidates: `PEPReaders` sniffs the content properly and quarantines a
/// candidate that turns out not to be a PEP. So the test is generous: the declared type, the
/// file extension, or, for untyped octets, the first bytes.
package enum AttachmentClassifier {
    package enum Kind: Sendable, Hashable {
        case pepCandidate
        case other
    }

    private static let pepTypes: Set<String> = [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/json", "text/json", "text/xml", "application/xml",
        "application/vnd.oasis.opendocument.text", "application/msword", "application/rtf", "text/rtf",
    ]
    private static let pepExtensions: Set<String> = ["docx", "xml", "json", "odt", "doc", "rtf"]
    /// Types that say "just bytes": the content decides.
    private static let opaqueTypes: Set<String> = [
        "application/octet-stream", "binary/octet-stream", "application/x-download", "application/force-download",
        "application/download", "application/unknown", "application/x-unknown",
    ]

    package static func classify(fileName: String?, contentType: String, bytes: [UInt8]) -> Kind {
        let type = contentType.lowercased()
        if pepTypes.contains(type) { return .pepCandidate }
        if let ext = fileExtension(fileName), pepExtensions.contains(ext) { return .pepCandidate }
        if opaqueTypes.contains(type), looksLikePEPFormat(bytes) { return .pepCandidate }
        return .other
    }

    /// `PK\x03\x04` (a zip, so maybe DOCX), or text starting `{` (JSON) or `<` (XML), after an
    /// optional UTF-8 byte-order mark and blanks.
    static func looksLikePEPFormat(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return true }
        var rest = bytes[...]
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        guard let first = rest.first(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A) }) else {
            return false
        }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "<")
    }

    /// A word for the kind of a non-PEP attachment, for "it had: 1 PDF, 2 images".
    static func category(of attachment: AttachmentInfo) -> (singular: String, plural: String) {
        let type = attachment.contentType.lowercased()
        let ext = fileExtension(attachment.fileName)
        if type == "application/pdf" || ext == "pdf" { return ("PDF", "PDFs") }
        if type.hasPrefix("image/") { return ("image", "images") }
        if type == "application/msword" || ext == "doc" || ext == "docm" || ext == "odt" || ext == "rtf" {
            return ("other word-processor document", "other word-processor documents")
        }
        if type.hasPrefix("message/") { return ("attached e-mail", "attached e-mails") }
        return ("other file", "other files")
    }

    static func fileExtension(_ name: String?) -> String? {
        guard let name, let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...].lowercased()
        return ext.isEmpty ? nil : ext
    }

    /// The extension to give an attachment that came without a name.
    static func defaultExtension(forType type: String) -> String {
        switch type.lowercased() {
        case "application/vnd.openxmlformats-officedocument.wordprocessingml.document": return "docx"
        case "application/json", "text/json": return "json"
        case "text/xml", "application/xml": return "xml"
        case "application/pdf": return "pdf"
        case "image/png": return "png"
        case "image/jpeg", "image/jpg": return "jpg"
        case "image/gif": return "gif"
        case "text/plain": return "txt"
        case "text/html": return "html"
        case "message/rfc822": return "eml"
        default: return "bin"
        }
    }
}
