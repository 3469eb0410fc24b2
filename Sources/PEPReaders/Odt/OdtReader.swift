import PEPModel

/// Reads an OpenDocument text PEP form (.odt, from LibreOffice or an older office suite): a ZIP
/// whose `content.xml` holds the text. Fields and tables map through the same
/// `Rules/docx-mapping.yaml` labels as Word forms (see `OdtBodyParser`). The archive is checked
/// and inflated under the same limits as a Word package.
package struct OdtReader: DocumentReader {
    package let format = DocumentFormat.odt
    /// The Word reader's mapping and limits: an .odt form is the same school form saved by
    /// another office suite, so it is read by the same labels within the same bounds.
    let word: DocxReader

    package init(mapping: FormMapping, limits: DocxLimits = .standard) {
        word = DocxReader(mapping: mapping, limits: limits)
    }

    package func read(_ bytes: [UInt8], file: String) throws(IngestError) -> ExtractedDocument {
        var package = try DocxPackage(bytes: bytes, file: file, limits: word.limits)
        guard let content = try package.part("content.xml") else {
            throw IngestError(.noDocumentPart, file: file, message: "the OpenDocument file has no content.xml, so it holds no text")
        }
        var parser = OdtBodyParser(mapping: word.mapping, file: file)
        return try parser.parse(content, limits: word.limits.xml)
    }
}
