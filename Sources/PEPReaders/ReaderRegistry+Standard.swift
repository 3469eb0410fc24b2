import PEPModel

/// The readers that need no configuration, so that the pipeline need not name each one.
extension ReaderRegistry {
    /// The structured-data readers: JSON (`"schema": "pep/1"`) and XML (`urn:virtual-school:pep:1`).
    /// The pipeline appends the DOCX reader, which needs the rules folder's label mapping:
    /// `ReaderRegistry(ReaderRegistry.structuredReaders + [DocxReader(mapping: mapping)])`.
    package static var structuredReaders: [any DocumentReader] { readers(dialects: []) }

    /// The structured-data readers, the XML one also reading the given dialects.
    package static func readers(dialects: [XMLDialect]) -> [any DocumentReader] {
        [JSONPEPReader(), XMLPEPReader(dialects: dialects)]
    }
}
