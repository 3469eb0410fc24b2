import PEPModel

/// Tells a document's format from its first bytes, not from its file name: schools rename
/// files, and mail clients lose extensions.
package enum FormatSniffer {
    /// The PEP format of `bytes`, or an `IngestError` saying what the file is instead.
    package static func sniff(_ bytes: [UInt8], file: String) throws(IngestError) -> DocumentFormat {
        guard !bytes.isEmpty else { throw IngestError(.empty, file: file, message: "the file is empty") }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try zipFormat(bytes, file: file) }
        if bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            throw IngestError(.malformed, file: file, message: "the file is an empty ZIP archive, not a Word document")
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return try compoundFormat(bytes, file: file) }
        if bytes.starts(with: Array("%PDF".utf8)) {
            throw IngestError(
                .unsupportedFormat, file: file,
                message: "the file is a PDF, which cannot be read as a PEP form; please send the form itself (the Word .docx, or the ePEP system's XML or JSON export), not a PDF or scan of it")
        }
        if bytes.starts(with: Array("{\\rtf".utf8)) { return .rtf }
        let text = firstSignificantCharacter(bytes)
        switch text?.character {
        case UInt8(ascii: "{") where text?.utf16 == true:
            throw IngestError(
                .unsupportedFormat, file: file,
                message: "the JSON is encoded as UTF-16; JSON must be UTF-8 (RFC 8259): please export it again as UTF-8")
        case UInt8(ascii: "{"): return .json
        // UTF-16 XML is read as it is: libxml2 decodes it by its byte-order mark or first
        // character (XML 1.0, appendix F), as it does any declared encoding.
        case UInt8(ascii: "<"): return .xml
        case UInt8(ascii: "["):
            throw IngestError(.unsupportedFormat, file: file, message: "the JSON is an array, not one PEP object")
        default:
            throw IngestError(.unsupportedFormat, file: file, message: "the file is not a PEP form (DOCX, XML or JSON)")
        }
    }

    /// `mimetype`, stored first in every OpenDocument package (ODF 1.2, part 3, 3.3).
    static let odfText = "application/vnd.oasis.opendocument.text"

    /// A ZIP: an OpenDocument text when its first entry is `mimetype` naming one, another
    /// OpenDocument kind refused, anything else taken as a Word package (OPC decides then).
    static func zipFormat(_ bytes: [UInt8], file: String) throws(IngestError) -> DocumentFormat {
        guard bytes.count > 38, Array(bytes[30..<38]) == Array("mimetype".utf8) else { return .docx }
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        let extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
        let start = 30 + nameLength + extraLength
        guard nameLength == 8, start < bytes.count else { return .docx }
        let declared = String(decoding: bytes[start..<min(bytes.count, start + 80)], as: UTF8.self)
        if declared.hasPrefix(odfText) { return .odt }  // also odfText + "-template"
        guard declared.hasPrefix("application/vnd.oasis.opendocument.") else { return .docx }
        throw IngestError(
            .unsupportedFormat, file: file,
            message: "the file is an OpenDocument file that is not a text document (a spreadsheet or presentation?); please send the PEP form")
    }

    /// An OLE2 compound file: a password-protected Word (or Office) document keeps its package
    /// in an `EncryptedPackage` stream; an old Word 97–2003 `.doc` has a `WordDocument` stream.
    static func compoundFormat(_ bytes: [UInt8], file: String) throws(IngestError) -> DocumentFormat {
        if contains(bytes, utf16: "EncryptedPackage") {
            throw IngestError(
                .encrypted, file: file,
                message: "the file is a password-protected Word document, which cannot be read; please remove the password (File > Info > Protect Document) and send it again as .docx")
        }
        if contains(bytes, utf16: "WordDocument") { return .doc }
        throw IngestError(
            .unsupportedFormat, file: file,
            message: "the file is an old Office file that is not a Word document (Excel, PowerPoint or Outlook?); please send the PEP form as .docx")
    }

    /// Whether the UTF-16LE form of `name` (how OLE2 directory entries store names) occurs.
    static func contains(_ bytes: [UInt8], utf16 name: String) -> Bool {
        let needle = name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var i = 0
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    /// The first character after a byte-order mark and white space, if it is ASCII, and
    /// whether the text is UTF-16. UTF-16 is told by its byte-order mark or, without one, by a
    /// `<` with a zero byte beside it (XML 1.0, appendix F): .NET and Windows tools write XML
    /// that way, and schools' ePEP exports come from them.
    static func firstSignificantCharacter(_ bytes: [UInt8]) -> (character: UInt8, utf16: Bool)? {
        enum Encoding { case utf8, utf16LE, utf16BE }
        var encoding = Encoding.utf8
        var i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            i = 3
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0x3C, 0x00]) {
            encoding = .utf16LE
            i = bytes[0] == 0xFF ? 2 : 0
        } else if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0x00, 0x3C]) {
            encoding = .utf16BE
            i = bytes[0] == 0xFE ? 2 : 0
        }
        let whiteSpace: [UInt8] = [0x20, 0x09, 0x0A, 0x0D]
        switch encoding {
        case .utf8:
            while i < bytes.count, whiteSpace.contains(bytes[i]) { i += 1 }
            return i < bytes.count ? (bytes[i], false) : nil
        case .utf16LE, .utf16BE:
            while i + 1 < bytes.count {
                let (low, high) = encoding == .utf16LE ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
                guard high == 0 else { return nil }
                if !whiteSpace.contains(low) { return (low, true) }
                i += 2
            }
            return nil
        }
    }
}
