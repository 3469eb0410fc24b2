import PEPModel

/// The readers the pipeline installs, so that it need not name each one.
extension ReaderRegistry {
    /// The structured-data readers: JSON (`"schema": "pep/1"`) and XML (`urn:virtual-school:pep:1`).
    /// Append the DOCX reader to build the full set:
    /// `ReaderRegistry(ReaderRegistry.structuredReaders + [DocxPEPReader()])`.
    package static var structuredReaders: [any DocumentReader] { readers(dialects: []) }

    /// The structured-data readers, the XML one also reading the given dialects.
    package static func readers(dialects: [XMLDialect]) -> [any DocumentReader] {
        [JSONPEPReader(), XMLPEPReader(dialects: dialects)]
    }

    /// A registry with the JSON and XML readers only.
    package static var standardJSONAndXML: ReaderRegistry { ReaderRegistry(structuredReaders) }
}
