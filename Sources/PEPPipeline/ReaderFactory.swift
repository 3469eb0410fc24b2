import Foundation
import PEPModel
import PEPReaders
import PEPRules

/// Builds the reader registry: JSON and XML always (XML also in the dialects of
/// `Rules/xml/*.yaml`); DOCX with the label mapping from the rules folder
/// (`docx-mapping.yaml`), which a Virtual School adapts to its own template, and with the same
/// mapping OpenDocument text and (converted by LibreOffice) `.doc` and `.rtf`.
enum ReaderFactory {
    static let mappingFile = "docx-mapping.yaml"

    /// - Throws: `FormMappingError` when the mapping file or a dialect file exists but is
    ///   broken. A missing mapping leaves DOCX unread (its documents are rejected with a reason
    ///   that says so).
    static func registry(rulesDirectory: URL) throws -> ReaderRegistry {
        let dialects = try XMLDialectLoader.load(directory: rulesDirectory.appendingPathComponent(XMLDialectLoader.folder))
        let structured = ReaderRegistry.readers(dialects: dialects)
        let url = rulesDirectory.appendingPathComponent(mappingFile)
        guard FileManager.default.fileExists(atPath: url.path) else {
            return ReaderRegistry(structured)
        }
        let mapping = try FormMappingLoader.load(contentsOf: url)
        let docx = DocxReader(mapping: mapping)
        // .doc and .rtf go through LibreOffice when it is installed; else they are refused
        // with a reason that says how to enable it.
        let converter = SofficeConverter.locate()
        let converted = [DocumentFormat.doc, .rtf].map { ConvertedWordReader(format: $0, converter: converter, docx: docx) }
        return ReaderRegistry(structured + [docx, OdtReader(mapping: mapping)] + converted)
    }
}
