/// Where a value came from, so that a report can point a coordinator at the evidence.
///
/// `file` is the submission's file name (never a full path from inside an archive or e-mail);
/// `location` says where in it, in the reader's own terms: a JSON key path (`$.targets[1].area`),
/// an XML element path (`/pep/child/upn`), a content-control tag, a legacy form-field name, or a
/// table/row/cell (`table 3, row 2, cell 2`).
public struct SourceRef: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var location: String

    public init(file: String, location: String) {
        (self.file, self.location) = (file, location)
    }

    public var description: String { location.isEmpty ? file : "\(file) @ \(location)" }
}

/// A value with the place it was read from.
public struct Field<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var source: SourceRef?

    public init(_ value: Value, source: SourceRef? = nil) {
        (self.value, self.source) = (value, source)
    }

    /// The same provenance with another value (used when the value is converted).
    public func map<T>(_ transform: (Value) -> T) -> Field<T> {
        Field<T>(transform(value), source: source)
    }
}
