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
        let main = try mainPart(bytes, file: file)
        var parser = DocxBodyParser(mapping: mapping, file: file)
        return try parser.parse(main.bytes, part: main.name, limits: limits.xml)
    }

    /// The ZIP layer alone: opens the package under the limits and inflates its main part, as
    /// `read` does, without parsing it (the `FuzzZIP` target fuzzes this half on its own).
    package func mainPart(_ bytes: [UInt8], file: String) throws(IngestError) -> (name: String, bytes: [UInt8]) {
        var package = try DocxPackage(bytes: bytes, file: file, limits: limits)
        return try package.mainDocument()
    }

    /// The body parser alone: reads a main part's XML (`word/document.xml`) as `read` does once
    /// the archive is open (the `FuzzDocxBody` target fuzzes this half on its own).
    package func readBody(_ xml: [UInt8], file: String) throws(IngestError) -> ExtractedDocument {
        var parser = DocxBodyParser(mapping: mapping, file: file)
        return try parser.parse(xml, part: "word/document.xml", limits: limits.xml)
    }
}
