import PEPModel

/// Reads a PEP sent as XML: root `<pep xmlns="urn:virtual-school:pep:1" schema-version="1">`,
/// one element per dot-path component in snake_case, list items repeated inside their list
/// element (`<targets><target>…</target></targets>`). An item may have any element name
/// (`<item>`, `<target>`, a vendor's own word): other ePEP systems name them their own way,
/// and the contract says only "repeated child elements".
///
/// The document first streams through `XMLStreamReader` (libxml2 with the safe options: no
/// DTD, no entities, no network, limits); only then is it checked against the embedded XSD
/// (`docs/schema/pep-1.xsd`), so the structure is judged by the published schema itself. A
/// violation rejects the document with one line naming the line and element. Values are not
/// judged here; an empty element means "not given".
package struct XMLPEPReader: DocumentReader {
    /// The PEP namespace of every element.
    package static let namespace = "urn:virtual-school:pep:1"
    /// The `schema-version` this reader accepts.
    package static let schemaVersion = "1"

    /// The element name the published XSD gives one list's items, by list path: the name we
    /// write. Items read under any other name are renamed to it before validation, so the XSD
    /// still checks every item's fields.
    static let itemNames: [String: String] = [
        "meeting.attendees": "attendee", "attainment": "assessment",
        "previous_targets": "target", "targets": "target", "ppplus.requests": "request",
    ]

    let limits: XMLLimits
    /// Other systems' layouts (`Rules/xml/*.yaml`), each recognised by its root element and
    /// namespace. A document in the PEP namespace is always read as PEP XML.
    let dialects: [XMLDialect]

    /// - Parameter dialects: the XML dialect mappings (see `XMLDialectLoader`).
    package init(dialects: [XMLDialect] = []) {
        limits = .standard
        self.dialects = dialects
    }

    init(limits: XMLLimits, dialects: [XMLDialect] = []) {
        (self.limits, self.dialects) = (limits, dialects)
    }

    package var format: DocumentFormat { .xml }

    package func read(_ bytes: [UInt8], file: String) throws(IngestError) -> ExtractedDocument {
        if !dialects.isEmpty, let root = try Self.rootElement(bytes, file: file, limits: limits),
            root.namespace != Self.namespace,
            let dialect = dialects.first(where: { $0.rootElement == root.name && $0.namespace == root.namespace })
        {
            return try XMLDialectReader(dialect: dialect, limits: limits).read(bytes, file: file)
        }
        return try readPEPXML(bytes, file: file)
    }

    /// The root element's local name and namespace, read safely up to the root alone.
    static func rootElement(_ bytes: [UInt8], file: String, limits: XMLLimits) throws(IngestError) -> (name: String, namespace: String)? {
        let stream = try XMLStreamReader(bytes: bytes, file: file, limits: limits)
        while try stream.read() {
            if stream.kind == .element { return (stream.localName, stream.namespaceURI) }
        }
        return nil
    }

    private func readPEPXML(_ bytes: [UInt8], file: String) throws(IngestError) -> ExtractedDocument {
        // Pass 1: the safe stream (refuses DTDs, entities, excess depth and size, broken XML).
        let stream = try XMLStreamReader(bytes: bytes, file: file, limits: limits)
        var walker = XMLContractWalker(document: ExtractedDocument(format: .xml, file: file))
        var misplaced: IngestError?
        while try stream.read() {
            guard misplaced == nil else { continue }
            do { try walker.visit(stream) } catch { misplaced = error }
        }
        // Pass 2: the published schema has the say on structure.
        guard let validation = PEPSchemaValidation() else {
            throw IngestError(.unsupportedFormat, file: file, message: "the built-in PEP XML schema could not be compiled")
        }
        if !validation.validate(bytes) {
            let (message, line) = validation.firstError ?? ("the document could not be checked against the schema", 0)
            throw Self.violation(message, line: line, file: file)
        }
        if let misplaced { throw misplaced }
        return walker.document
    }

    static func violation(_ message: String, line: Int, file: String) -> IngestError {
        let at = line > 0 ? " at line \(line)" : ""
        return IngestError(.schemaViolation, file: file, message: "the XML does not match the PEP schema\(at): \(message)")
    }
}
