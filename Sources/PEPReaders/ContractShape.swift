import PEPModel

/// The shape of the contract as a tree of dot-paths, for the structured readers (JSON, XML):
/// which paths are scalar fields, which are lists, and which are groups that hold them
/// (`child`, `child.send`, `sign_off.designated_teacher`). Derived from `FieldCatalogue`, so
/// a field added there is read by both readers at once.
enum ContractShape {
    /// What a dot-path names in the contract.
    enum Node: Equatable {
        case scalar(FieldKind)
        /// A list, with its record fields.
        case list([FieldSpec])
        case group
    }

    /// The node at `path` (`child.send`, `targets`, `child.upn`), or nil if the contract has none.
    static func node(at path: String) -> Node? {
        if let scalar = FieldCatalogue.scalar(FieldPath(path)) { return .scalar(scalar.kind) }
        if let list = FieldCatalogue.list(FieldPath(path)) { return .list(list.fields) }
        return groups.contains(path) ? .group : nil
    }

    /// Every proper prefix of a scalar or list path: the objects (JSON) or elements (XML) that
    /// only hold other fields.
    static let groups: Set<String> = {
        var out = Set<String>()
        let paths = FieldCatalogue.scalars.map(\.name) + FieldCatalogue.lists.map(\.path.rawValue)
        for path in paths {
            let parts = path.split(separator: ".")
            for n in 1..<max(parts.count, 1) { out.insert(parts[0..<n].joined(separator: ".")) }
        }
        return out
    }()

    /// The kind of one field of a list's records, or nil for a name the record does not have.
    static func kind(of field: String, in fields: [FieldSpec]) -> FieldKind? {
        fields.first { $0.name == field }?.kind
    }
}
