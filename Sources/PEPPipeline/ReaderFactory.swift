import Foundation
import PEPModel
import PEPReaders
import PEPRules

/// Builds the reader registry: JSON and XML always; DOCX with the label mapping from the
/// rules folder (`docx-mapping.yaml`), which a Virtual School adapts to its own template.
enum ReaderFactory {
    static let mappingFile = "docx-mapping.yaml"

    /// - Throws: `FormMappingError` when the mapping file exists but is broken. A missing
    ///   mapping leaves DOCX unread (its documents are rejected with a reason that says so).
    static func registry(rulesDirectory: URL) throws -> ReaderRegistry {
        let url = rulesDirectory.appendingPathComponent(mappingFile)
        guard FileManager.default.fileExists(atPath: url.path) else {
            return ReaderRegistry(ReaderRegistry.structuredReaders)
        }
        let mapping = try FormMappingLoader.load(contentsOf: url)
        return ReaderRegistry(ReaderRegistry.structuredReaders + [DocxReader(mapping: mapping)])
    }
}
