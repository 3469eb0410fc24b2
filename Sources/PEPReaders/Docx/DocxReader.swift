import PEPModel

/// Reads a Word PEP form (.docx, .docm, .dotx) into the values it holds at contract paths.
///
/// All three ways a Word form carries a field are read, mixed in one document: content
/// controls (tag = field path), legacy form fields (bookmark name, through the mapping) and
/// label/value or list tables (label wordings, through the mapping). The archive is opened in
/// memory under `DocxLimits`; only the package's own index parts and the main document part are
/// inflated, and the main part is streamed, never loaded as a DOM.
package struct DocxReader: DocumentReader {
    package let format = DocumentFormat.docx
    package let mapping: FormMapping
    package let limits: DocxLimits

    /// - Parameter mapping: the school template's labels, legacy names and list tables, from
    ///   `Rules/docx-mapping.yaml` (see `FormMappingLoader`).
    package init(mapping: FormMapping, limits: DocxLimits = .standard) {
        (self.mapping, self.limits) = (mapping, limits)
    }

    /// - Throws: `IngestError` for a corrupt, truncated, encrypted or hostile package, or one
    ///   with no main document part. A document that opens but holds little is not an error:
    ///   it comes back with little found, and the rules rate it.
    package func read(_ bytes: [UInt8], file: String) throws(IngestError) -> ExtractedDocument {
        var package = try DocxPackage(bytes: bytes, file: file, limits: limits)
        let main = try package.mainDocument()
        var parser = DocxBodyParser(mapping: mapping, file: file)
        return try parser.parse(main.bytes, part: main.name, limits: limits.xml)
    }
}
