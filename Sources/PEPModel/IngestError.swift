/// Why a document could not be taken in at all: it goes to quarantine with `description` as the
/// reason. A document that reads but is poor is not an error; it is rated.
///
/// Messages say where (file, field path, line, part of an archive), never what: no value from
/// the document appears in them, because values may be a child's personal data.
public struct IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Kind: String, Sendable {
            case unreadable, unsupportedFormat, schemaViolation, malformed, unsafe, tooLarge, encrypted,
                empty, noDocumentPart
        }
        let kind: Kind
        /// The file cannot be opened or read (I/O).
        public static let unreadable = Code(kind: .unreadable)
        /// Not a PEP format we read (a PDF, an image, unknown JSON or XML).
        public static let unsupportedFormat = Code(kind: .unsupportedFormat)
        /// A PEP format, but the document breaks its schema.
        public static let schemaViolation = Code(kind: .schemaViolation)
        /// The bytes are not well-formed (broken JSON, XML, ZIP).
        public static let malformed = Code(kind: .malformed)
        /// Hostile content: a DTD, external entities, path tricks.
        public static let unsafe = Code(kind: .unsafe)
        /// Over a size, depth, count or compression-ratio limit.
        public static let tooLarge = Code(kind: .tooLarge)
        /// An encrypted or password-protected document.
        public static let encrypted = Code(kind: .encrypted)
        /// A zero-length file.
        public static let empty = Code(kind: .empty)
        /// A Word package with no main document part.
        public static let noDocumentPart = Code(kind: .noDocumentPart)

        public var description: String { kind.rawValue }
    }

    public var code: Code
    /// The submission's file name.
    public var file: String
    /// The field (or key path) concerned, when there is one.
    public var field: String?
    public var message: String

    public init(_ code: Code, file: String, field: String? = nil, message: String) {
        (self.code, self.file, self.field, self.message) = (code, file, field, message)
    }

    /// One line: `file: message (at field)`.
    public var description: String {
        "\(file): \(message)" + (field.map { " (at \($0))" } ?? "")
    }
}
