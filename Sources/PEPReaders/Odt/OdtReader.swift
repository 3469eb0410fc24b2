import PEPModel

/// Reads an OpenDocument text PEP form (.odt, from LibreOffice or an older office suite): a ZIP
/// whose `content.xml` holds the text. Fields and tables map through the same
/// `Rules/docx-mapping.yaml` labels as Word forms (see `OdtBodyParser`). The archive is checked
/// and inflated under the same limits as a Word package.
package struct OdtReader: DocumentReader {
    package let format = DocumentFormat.odt
    package let mapping: FormMapping
    package let limits: DocxLimits

    package init(mapping: FormMapping, limits: DocxLimits = .standard) {
        self.mapping = mapping
        self.limits = limits
    }

    package func read(_ bytes: [UInt8], file: String) throws(IngestError) -> ExtractedDocument {
        var package = try DocxPackage(bytes: bytes, file: file, limits: limits)
        guard let content = try package.part("content.xml") else {
            throw IngestError(.noDocumentPart, file: file, message: "the OpenDocument file has no content.xml, so it holds no text")
        }
        var parser = OdtBodyParser(mapping: mapping, file: file)
        return try parser.parse(content, limits: limits.xml)
    }
}
