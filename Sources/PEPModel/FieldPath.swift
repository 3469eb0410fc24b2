/// The one name of a field everywhere: in the model, rule files, reports, exports and errors.
///
/// Paths are the contract's dot-paths (`child.upn`, `meeting.date`). A field of a list record is
/// written with `[]` after the list's name (`targets[].description`); the list itself is named
/// without it (`targets`).
public struct FieldPath: Hashable, Sendable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// The components between dots: `child.send.status` -> `["child", "send", "status"]`.
    public var components: [String] { rawValue.split(separator: ".").map(String.init) }

    /// For `targets[].description`: the list (`targets`) and the record field (`description`).
    public var listMember: (list: FieldPath, field: String)? {
        // Found byte by byte: `range(of:)` is Foundation's, through NSString, and this runs for
        // every content control of a Word form.
        let bytes = rawValue.utf8
        var i = bytes.startIndex
        while i != bytes.endIndex {
            if bytes[i] == UInt8(ascii: "["), bytes[i...].starts(with: "[].".utf8) {
                let after = bytes.index(i, offsetBy: 3)
                return (FieldPath(String(rawValue[..<i])), String(rawValue[after...]))
            }
            i = bytes.index(after: i)
        }
        return nil
    }

    /// The path of one field of a list's records: `FieldPath("targets").member("area")`.
    public func member(_ field: String) -> FieldPath { FieldPath("\(rawValue)[].\(field)") }

    public static func < (lhs: FieldPath, rhs: FieldPath) -> Bool { lhs.rawValue < rhs.rawValue }
}
