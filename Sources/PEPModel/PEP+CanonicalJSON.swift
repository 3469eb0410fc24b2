/// The canonical JSON of a PEP: what `pepqa extract` prints.
///
/// Nested objects follow the dot-paths, lists are arrays of objects, dates are ISO, money is a
/// decimal string (`"550.00"`), and a field that is not given is `null` (so every key of the
/// contract is always there). A top-level `"schema": "pep/1"` makes the output itself a valid
/// JSON submission. Keys come in the contract's order, so the output is byte-for-byte stable.
extension PEP {
    public var canonicalJSON: JSONValue {
        var root = JSONValue.object([("schema", .string("pep/1"))])
        var placed = Set<String>()
        // Walk scalars and lists in contract order; a list goes where its first field would.
        for binding in FieldCatalogue.scalars {
            let path = FieldPath(binding.name)
            for list in FieldCatalogue.lists where !placed.contains(list.path.rawValue) {
                if shouldPlace(list.path, before: path) {
                    root.set(listJSON(list), at: list.path.components[...])
                    placed.insert(list.path.rawValue)
                }
            }
            root.set(binding.get(self).map { Self.json($0.value) } ?? .null, at: path.components[...])
        }
        for list in FieldCatalogue.lists where !placed.contains(list.path.rawValue) {
            root.set(listJSON(list), at: list.path.components[...])
        }
        return root
    }

    /// Lists sit in the contract's table order relative to scalars.
    private func shouldPlace(_ list: FieldPath, before scalar: FieldPath) -> Bool {
        let order: [String: String] = [
            "meeting.attendees": "attendance.percentage", "attainment": "child_voice",
            "previous_targets": "child_voice", "targets": "child_voice", "ppplus.requests": "ppplus.previous_impact",
        ]
        return order[list.rawValue] == scalar.rawValue
    }

    private func listJSON(_ list: ListBinding) -> JSONValue {
        .array(
            list.get(self).map { record in
                .object(list.fields.map { ($0.name, record[$0.name].map { Self.json($0.value) } ?? .null) })
            })
    }

    static func json(_ value: FieldValue) -> JSONValue {
        switch value {
        case .text(let s): return .string(s)
        case .date(let d): return .string(d.iso)
        case .integer(let i): return .int(i)
        case .decimal: return .number(value.description)
        case .money(let p): return .string(p.decimalString)
        case .boolean(let b): return .bool(b)
        }
    }
}
