import Foundation
import PEPModel
import PEPReaders
import PEPRules

/// Builds the reader registry: JSON and XML always (XML also in the dialects of
/// `Rules/xml/*.yaml`); DOCX with the label mapping from the rules folder
/// (`docx-mapping.yaml`), which a Virtual School adapts to its own template.
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
        return ReaderRegistry(structured + [DocxReader(mapping: mapping)])
    }
}
