import PEPModel

/// Turns an older word-processor file into a DOCX package. The pipeline supplies one that
/// runs LibreOffice in a child process (`SofficeConverter`); readers themselves do no I/O.
package protocol DocumentConverter: Sendable {
    /// What converted, for the record (`LibreOffice 7.4`).
    var name: String { get }
    /// - Throws: `IngestError` when the file cannot be converted (corrupt, protected, timed out).
    func convertToDocx(_ bytes: [UInt8], from format: DocumentFormat, file: String) throws(IngestError) -> [UInt8]
}

/// Reads a Word 97–2003 `.doc` or an `.rtf` PEP by converting it to DOCX and reading that with
/// the Word reader, recording the conversion (`ReadVia.convertedFrom`). With no converter
/// installed it refuses the file with a reason that says how to enable conversion.
package struct ConvertedWordReader: DocumentReader {
    package let format: DocumentFormat
    let converter: (any DocumentConverter)?
    let docx: DocxReader

    /// - Precondition: `format` is `.doc` or `.rtf`.
    package init(format: DocumentFormat, converter: (any DocumentConverter)?, docx: DocxReader) {
        precondition(format == .doc || format == .rtf, "only .doc and .rtf are converted")
        self.format = format
        self.converter = converter
        self.docx = docx
    }

    package func read(_ bytes: [UInt8], file: String) throws(IngestError) -> ExtractedDocument {
        let kind = format == .doc ? "an old Word (.doc) document" : "an RTF document"
        guard let converter else {
            throw IngestError(
                .unsupportedFormat, file: file,
                message: "the file is \(kind), which is read only when LibreOffice is installed (apt-get install libreoffice-writer-nogui); or ask the school to save it as .docx")
        }
        let converted = try converter.convertToDocx(bytes, from: format, file: file)
        var document: ExtractedDocument
        do {
            document = try docx.read(converted, file: file)
        } catch {
            throw IngestError(error.code, file: file, field: error.field, message: "after conversion from \(format.rawValue): \(error.message)")
        }
        document.format = format
        document.readVia = ReadVia(convertedFrom: format.rawValue, converter: converter.name)
        return document
    }
}
