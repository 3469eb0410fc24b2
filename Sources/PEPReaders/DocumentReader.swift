import PEPModel

/// Reads one format into what the document holds, at contract paths. Readers do no I/O and
/// do not normalise values: `PEPBuilder` does that once for every format.
package protocol DocumentReader: Sendable {
    /// The one format this reader claims (the registry refuses two readers for one format).
    var format: DocumentFormat { get }
    /// - Parameters:
    ///   - bytes: the whole document.
    ///   - file: its file name, used in every `SourceRef` and error.
    /// - Throws: `IngestError` when the document cannot be read at all.
    func read(_ bytes: [UInt8], file: String) throws(IngestError) -> ExtractedDocument
}
