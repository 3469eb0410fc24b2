import PEPModel

/// The readers, keyed by the format each claims: one table, after Apache Tika's CompositeParser.
package struct ReaderRegistry: Sendable {
    let readers: [DocumentFormat: any DocumentReader]

    /// - Precondition: no two readers claim one format (a programming error, caught by a test).
    package init(_ readers: [any DocumentReader]) {
        var table: [DocumentFormat: any DocumentReader] = [:]
        for reader in readers {
            precondition(table[reader.format] == nil, "two readers claim \(reader.format)")
            table[reader.format] = reader
        }
        self.readers = table
    }

    /// The formats with a reader.
    package var formats: Set<DocumentFormat> { Set(readers.keys) }

    /// Sniffs the format, reads, and builds the canonical PEP.
    /// - Throws: `IngestError` for anything that cannot be read at all (it goes to quarantine).
    package func read(_ bytes: [UInt8], file: String) throws(IngestError) -> ReadResult {
        let format = try FormatSniffer.sniff(bytes, file: file)
        guard let reader = readers[format] else {
            throw IngestError(.unsupportedFormat, file: file, message: "no reader is installed for \(format.rawValue) documents")
        }
        let extracted = try reader.read(bytes, file: file)
        return PEPBuilder.build(extracted)
    }
}
