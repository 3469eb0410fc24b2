import PEPModel

/// Tells a document's format from its first bytes, not from its file name: schools rename
/// files, and mail clients lose extensions.
package enum FormatSniffer {
    /// The PEP format of `bytes`, or an `IngestError` saying what the file is instead.
    package static func sniff(_ bytes: [UInt8], file: String) throws(IngestError) -> DocumentFormat {
        guard !bytes.isEmpty else { throw IngestError(.empty, file: file, message: "the file is empty") }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
        if bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            throw IngestError(.malformed, file: file, message: "the file is an empty ZIP archive, not a Word document")
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw IngestError(
                .encrypted, file: file,
                message: "the file is a password-protected Word document or an old .doc file; please send it unprotected as .docx")
        }
        if bytes.starts(with: Array("%PDF".utf8)) {
            throw IngestError(.unsupportedFormat, file: file, message: "the file is a PDF, not a PEP form (DOCX, XML or JSON)")
        }
        if bytes.starts(with: Array("{\\rtf".utf8)) {
            throw IngestError(.unsupportedFormat, file: file, message: "the file is RTF, not a PEP form (DOCX, XML or JSON)")
        }
        switch firstSignificantByte(bytes) {
        case UInt8(ascii: "{"): return .json
        case UInt8(ascii: "<"): return .xml
        case UInt8(ascii: "["):
            throw IngestError(.unsupportedFormat, file: file, message: "the JSON is an array, not one PEP object")
        default:
            throw IngestError(.unsupportedFormat, file: file, message: "the file is not a PEP form (DOCX, XML or JSON)")
        }
    }

    /// The first byte after a UTF-8 byte-order mark and white space.
    static func firstSignificantByte(_ bytes: [UInt8]) -> UInt8? {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        return i < bytes.count ? bytes[i] : nil
    }
}
