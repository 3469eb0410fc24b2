import Foundation

/// Reads what the school wrote from a stored PEP's canonical JSON, by field path
/// (`child.upn`, `targets[].area`), for showing beside the machine's evidence.
struct PEPFields {
    private let root: [String: Any]

    init(canonicalJSON: String) {
        root = ((try? JSONSerialization.jsonObject(with: Data(canonicalJSON.utf8))) as? [String: Any]) ?? [:]
    }

    /// The text at `path`: a list member gives each record's value, one per line; nil when
    /// the school gave nothing.
    func text(at path: String) -> String? {
        let values = Self.walk(root, path.split(separator: ".").map(String.init)[...])
            .compactMap(Self.describe)
            .filter { !$0.isEmpty }
        return values.isEmpty ? nil : values.joined(separator: "\n")
    }

    /// One field of one record of a list: `item("ppplus.requests", 0, "target_ref")`.
    func item(_ list: String, _ index: Int, _ field: String) -> String? {
        guard let records = Self.walk(root, list.split(separator: ".").map(String.init)[...]).first as? [Any],
            records.indices.contains(index), let record = records[index] as? [String: Any]
        else { return nil }
        return record[field].flatMap(Self.describe).flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func walk(_ node: Any, _ rest: ArraySlice<String>) -> [Any] {
        guard let head = rest.first else { return [node] }
        let isList = head.hasSuffix("[]")
        let key = isList ? String(head.dropLast(2)) : head
        guard let object = node as? [String: Any], let child = object[key] else { return [] }
        if isList, let items = child as? [Any] {
            return items.flatMap { walk($0, rest.dropFirst()) }
        }
        return walk(child, rest.dropFirst())
    }

    private static func describe(_ value: Any) -> String? {
        switch value {
        case let s as String: return s
        case let b as Bool: return b ? "Yes" : "No"
        case let n as NSNumber: return n.stringValue
        case let list as [Any]: return list.compactMap(describe).joined(separator: "; ")
        case let object as [String: Any]:
            return object.keys.sorted().compactMap { key in describe(object[key] as Any).map { "\(key): \($0)" } }
                .joined(separator: ", ")
        default: return nil
        }
    }
}
