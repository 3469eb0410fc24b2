/// A parsed JSON value that remembers where it was written and keeps numbers as written.
///
/// `JSONSerialization` turns `1250.10` into a `Double` and forgets where a value sat; a PEP
/// reader needs the exact digits (money) and the line and column (error messages).
struct JSONNode: Sendable {
    enum Value: Sendable {
        case null
        case bool(Bool)
        /// The number's text exactly as written (`1250.10`, `-3`, `1e2`).
        case number(String)
        case string(String)
        case array([JSONNode])
        /// Members in document order; the parser refuses duplicate keys.
        case object([Member])
    }

    struct Member: Sendable {
        var key: String
        var value: JSONNode
    }

    var value: Value
    /// 1-based line and column (in Unicode scalars) of the value's first character.
    var line: Int
    var column: Int

    /// The JSON type's name with its article, for messages: "an object", "a string".
    var typeName: String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
