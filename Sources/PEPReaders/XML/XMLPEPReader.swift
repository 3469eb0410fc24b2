import PEPModel

/// Reads a PEP sent as XML: root `<pep xmlns="urn:virtual-school:pep:1" schema-version="1">`,
/// one element per dot-path component in snake_case, list items repeated inside their list
/// element (`<targets><target>…</target></targets>`).
///
/// The document streams through `XMLStreamReader` (libxml2 with the safe options: no DTD, no
/// entities, no network, limits) with the embedded XSD (`docs/schema/pep-1.xsd`) validating
/// as it goes, so the structure is checked by the published schema itself. A violation
/// rejects the document with one line naming the line and element. Values are not judged
/// here; an empty element means "not given".
package struct XMLPEPReader: DocumentReader {
    /// The PEP namespace of every element.
    package static let namespace = "urn:virtual-school:pep:1"
    /// The `schema-version` this reader accepts.
    package static let schemaVersion = "1"

    /// The element names of one list's items, by list path. `attainment` also accepts
    /// `record`, the name some ePEP systems use.
    static let itemNames: [String: Set<String>] = [
        "meeting.attendees": ["attendee"], "attainment": ["assessment", "record"],
        "previous_targets": ["target"], "targets": ["target"], "ppplus.requests": ["request"],
    ]

    let limits: XMLLimits

    package init() { limits = .standard }

    init(limits: XMLLimits) { self.limits = limits }

    package var format: DocumentFormat { .xml }

    package func read(_ bytes: [UInt8], file: String) throws(IngestError) -> ExtractedDocument {
        guard let validation = PEPSchemaValidation() else {
            throw IngestError(.unsupportedFormat, file: file, message: "the built-in PEP XML schema could not be compiled")
        }
        let stream = try XMLStreamReader(bytes: bytes, file: file, limits: limits)
        guard stream.validate(with: validation) else {
            throw IngestError(.unsupportedFormat, file: file, message: "the PEP XML schema could not be applied")
        }
        var walker = XMLContractWalker(document: ExtractedDocument(format: .xml, file: file))
        while try next(stream, validation, file: file) {
            try walker.visit(stream)
        }
        if let (message, line) = validation.firstError {
            throw Self.violation(message, line: line, file: file)
        }
        return walker.document
    }

    /// Moves the stream on, surfacing the schema's verdict before the walker sees the node.
    private func next(_ stream: XMLStreamReader, _ validation: PEPSchemaValidation, file: String) throws(IngestError) -> Bool {
        let more: Bool
        do {
            more = try stream.read()
        } catch {
            // libxml2 stops reading at some validity errors; the schema's reason is the useful one.
            if error.code == .malformed, let (message, line) = validation.firstError {
                throw Self.violation(message, line: line, file: file)
            }
            throw error
        }
        if let (message, line) = validation.firstError {
            throw Self.violation(message, line: line, file: file)
        }
        return more
    }

    static func violation(_ message: String, line: Int, file: String) -> IngestError {
        let at = line > 0 ? " at line \(line)" : ""
        return IngestError(.schemaViolation, file: file, message: "the XML does not match the PEP schema\(at): \(message)")
    }
}
