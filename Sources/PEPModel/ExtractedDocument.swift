/// The formats a PEP arrives in, sniffed from the content (never from the file name alone).
/// `doc` and `rtf` are read by converting them to DOCX first (when LibreOffice is installed).
public enum DocumentFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case json, xml, docx, odt, doc, rtf
}

/// What a reader found in a document, before normalisation: raw values at contract paths, each
/// with its source. `PEPBuilder` turns it into a `PEP`, so that every reader shares one set of
/// value rules.
public struct ExtractedDocument: Sendable, Hashable {
    public var format: DocumentFormat
    /// The submission's file name, as in every `SourceRef` of the document.
    public var file: String
    public var scalars: [ExtractedValue] = []
    public var lists: [ExtractedList] = []
    /// Labelled content the reader saw but could not map to a field (a template mismatch).
    public var unmapped: [UnmappedContent] = []
    /// Problems the reader itself noticed (an unknown key, a list item that is not an object).
    public var issues: [FieldIssue] = []
    /// How the reader got at the content, when not directly: an XML dialect mapping, or a
    /// conversion from an older format. `pepqa extract` and the QA report name it.
    public var readVia: ReadVia?

    public init(format: DocumentFormat, file: String) {
        (self.format, self.file) = (format, file)
    }

    public mutating func add(_ path: FieldPath, _ raw: RawValue, at location: String) {
        scalars.append(ExtractedValue(path: path, raw: raw, source: SourceRef(file: file, location: location)))
    }

    /// Appends a record to the list at `path` (creating the list on first use).
    public mutating func addRecord(_ record: ExtractedRecord, to path: FieldPath) {
        if let i = lists.firstIndex(where: { $0.path == path }) {
            lists[i].records.append(record)
        } else {
            lists.append(ExtractedList(path: path, records: [record]))
        }
    }

    /// Notes that a list's slot was found even if it holds no records (an empty table).
    public mutating func noteList(_ path: FieldPath) {
        if !lists.contains(where: { $0.path == path }) { lists.append(ExtractedList(path: path, records: [])) }
    }
}

/// How a document was read when not in a format of the contract as sent.
public struct ReadVia: Sendable, Hashable, Codable {
    /// The XML dialect mapping used (`Rules/xml/<file>.yaml`'s `dialect:`).
    public var dialect: String?
    /// The format the document was converted from (`doc`, `rtf`), and by what.
    public var convertedFrom: String?
    public var converter: String?

    public init(dialect: String? = nil, convertedFrom: String? = nil, converter: String? = nil) {
        (self.dialect, self.convertedFrom, self.converter) = (dialect, convertedFrom, converter)
    }
}

public struct ExtractedValue: Sendable, Hashable {
    public var path: FieldPath
    public var raw: RawValue
    public var source: SourceRef
}

public struct ExtractedList: Sendable, Hashable {
    public var path: FieldPath
    public var records: [ExtractedRecord]
}

public struct ExtractedRecord: Sendable, Hashable {
    public var source: SourceRef
    /// Field name within the record (`description`) -> raw value and where it was read.
    public var values: [(field: String, raw: RawValue, source: SourceRef)]

    public init(source: SourceRef, values: [(field: String, raw: RawValue, source: SourceRef)] = []) {
        (self.source, self.values) = (source, values)
    }

    public static func == (a: ExtractedRecord, b: ExtractedRecord) -> Bool {
        a.source == b.source && a.values.count == b.values.count
            && zip(a.values, b.values).allSatisfy { $0.field == $1.field && $0.raw == $1.raw && $0.source == $1.source }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        for v in values {
            hasher.combine(v.field)
            hasher.combine(v.raw)
        }
    }
}

/// Labelled content found in a document that maps to no field. `label` is the template's label
/// text (never the value next to it), cut to 80 characters.
public struct UnmappedContent: Sendable, Hashable, Codable {
    public var label: String
    public var source: SourceRef

    public init(label: String, source: SourceRef) {
        self.label = String(label.prefix(80))
        self.source = source
    }
}

/// A field that was present but could not be read, or some other per-field problem.
/// `message` never repeats the value (it may be personal data).
public struct FieldIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    public var path: FieldPath
    public var source: SourceRef?
    public var message: String

    public init(path: FieldPath, source: SourceRef?, message: String) {
        (self.path, self.source, self.message) = (path, source, message)
    }

    public var description: String {
        "\(path): \(message)" + (source.map { " (\($0.location))" } ?? "")
    }
}

extension SourceRef: Comparable {
    public static func < (a: SourceRef, b: SourceRef) -> Bool { (a.file, a.location) < (b.file, b.location) }
}
