/// A JSON value with ordered object keys, written the same way every time.
///
/// Foundation's `JSONSerialization` does not promise key order or number formatting across
/// platforms; reports and the canonical JSON must be byte-for-byte reproducible, so we write
/// our own (small) serialiser.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number, already formatted (`92.5`, `14`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    public static func int(_ i: Int) -> JSONValue { .number(String(i)) }

    /// Compact when `pretty` is false; two-space indentation otherwise. Ends without a newline.
    public func serialized(pretty: Bool = true) -> String {
        var out = ""
        write(to: &out, indent: 0, pretty: pretty)
        return out
    }

    func write(to out: inout String, indent: Int, pretty: Bool) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                item.write(to: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                JSONValue.writeString(key, to: &out)
                out += pretty ? ": " : ":"
                value.write(to: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "}"
        }
    }

    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

extension JSONValue {
    /// Sets `value` at a dotted path inside an object, creating nested objects on the way and
    /// keeping the order in which keys were first set.
    public mutating func set(_ value: JSONValue, at components: ArraySlice<String>) {
        guard let key = components.first else {
            self = value
            return
        }
        var members: [(String, JSONValue)]
        if case .object(let existing) = self { members = existing } else { members = [] }
        if let i = members.firstIndex(where: { $0.0 == key }) {
            members[i].1.set(value, at: components.dropFirst())
        } else {
            var child = JSONValue.object([])
            child.set(value, at: components.dropFirst())
            members.append((key, child))
        }
        self = .object(members)
    }
}
