import PEPModel

/// Reads a PEP sent as JSON (`"schema": "pep/1"`): keys follow the contract's dot-paths as
/// nested objects, or as flat dotted keys (`"child.upn"`) wherever they resolve to a path.
///
/// Structure is strict (as `docs/schema/pep-1.schema.json` describes): an unknown key, a value
/// of the wrong JSON type, or a missing or foreign `schema` rejects the document with a
/// one-line message naming the key path and the JSON types. Values are not judged here: a date
/// that is not a date is passed on, and `PEPBuilder` records the issue.
package struct JSONPEPReader: DocumentReader {
    /// Top-level keys that are not PEP fields: the schema tag, and the submission record
    /// `pepqa extract` adds (how the document arrived), which is accepted and not read.
    static let envelopeKeys: Set<String> = ["schema", "submission"]

    /// The `schema` value this reader accepts.
    package static let schemaTag = "pep/1"

    let limits: JSONLimits

    package init() { limits = .standard }

    init(limits: JSONLimits) { self.limits = limits }

    package var format: DocumentFormat { .json }

    package func read(_ bytes: [UInt8], file: String) throws(IngestError) -> ExtractedDocument {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes, limits: limits)
        } catch {
            switch error.kind {
            case .tooLarge: throw IngestError(.tooLarge, file: file, message: error.description)
            case .malformed: throw IngestError(.malformed, file: file, message: "the JSON is not well-formed: \(error.description)")
            }
        }
        var walker = JSONContractWalker(document: ExtractedDocument(format: .json, file: file))
        guard case .object(let members) = root.value else {
            throw walker.violation("expected an object at $, found \(root.typeName)")
        }
        try walker.checkSchemaTag(members)
        try walker.checkSubmissionRecord(members)
        try walker.walkGroup(members.filter { !Self.envelopeKeys.contains($0.key) }, prefix: "", at: "$")
        return walker.document
    }
}

/// Walks a parsed JSON document against the contract's shape, collecting raw values.
struct JSONContractWalker {
    var document: ExtractedDocument

    func checkSchemaTag(_ members: [JSONNode.Member]) throws(IngestError) {
        guard let tag = members.first(where: { $0.key == "schema" })?.value else {
            throw violation("the JSON has no \"schema\" key; a PEP must declare \"schema\": \"\(JSONPEPReader.schemaTag)\"")
        }
        guard case .string(let text) = tag.value else {
            throw violation("expected a string at $.schema, found \(tag.typeName)")
        }
        guard text == JSONPEPReader.schemaTag else {
            throw violation("the JSON's \"schema\" is not \"\(JSONPEPReader.schemaTag)\" (line \(tag.line))")
        }
    }

    /// `submission`, when present, must be an object (or null); its content is not read.
    func checkSubmissionRecord(_ members: [JSONNode.Member]) throws(IngestError) {
        guard let record = members.first(where: { $0.key == "submission" })?.value else { return }
        switch record.value {
        case .object, .null: return
        default: throw violation("expected an object at $.submission, found \(record.typeName)")
        }
    }

    /// The members of an object that stands for `prefix` (`""` for the root, `child`, ...).
    mutating func walkGroup(_ members: [JSONNode.Member], prefix: String, at location: String) throws(IngestError) {
        for member in members {
            let path = prefix.isEmpty ? member.key : "\(prefix).\(member.key)"
            let here = Self.keyPath(location, member.key)
            let node = member.value
            switch ContractShape.node(at: path) {
            case nil:
                throw violation("unknown key at \(here) (not a field of the PEP contract)")
            case .group:
                switch node.value {
                case .null: continue
                case .object(let inner): try walkGroup(inner, prefix: path, at: here)
                default: throw violation("expected an object at \(here), found \(node.typeName)")
                }
            case .list(let fields):
                try walkList(node, path: FieldPath(path), fields: fields, at: here)
            case .scalar(let kind):
                document.add(FieldPath(path), try raw(node, kind: kind, at: here), at: here)
            }
        }
    }

    mutating func walkList(_ node: JSONNode, path: FieldPath, fields: [FieldSpec], at location: String)
        throws(IngestError)
    {
        switch node.value {
        case .null:
            document.noteList(path)
        case .array(let items):
            document.noteList(path)
            for (i, item) in items.enumerated() {
                let itemLocation = "\(location)[\(i)]"
                guard case .object(let members) = item.value else {
                    throw violation("expected an object at \(itemLocation), found \(item.typeName)")
                }
                var record = ExtractedRecord(source: SourceRef(file: document.file, location: itemLocation))
                for member in members {
                    let here = Self.keyPath(itemLocation, member.key)
                    guard let kind = ContractShape.kind(of: member.key, in: fields) else {
                        throw violation("unknown key at \(here) (not a field of \(path) records)")
                    }
                    let value = try raw(member.value, kind: kind, at: here)
                    record.values.append((member.key, value, SourceRef(file: document.file, location: here)))
                }
                document.addRecord(record, to: path)
            }
        default:
            throw violation("expected an array at \(location), found \(node.typeName)")
        }
    }

    /// A scalar's raw value, refusing JSON types the field's kind does not allow.
    func raw(_ node: JSONNode, kind: FieldKind, at location: String) throws(IngestError) -> RawValue {
        let allowed = Self.allowedTypes(for: kind)
        switch node.value {
        case .null: return .null
        case .string(let s) where allowed.string: return .text(s)
        case .number(let n) where allowed.number: return .number(n)
        case .bool(let b) where allowed.boolean: return .boolean(b)
        default: throw violation("expected \(allowed.description) at \(location), found \(node.typeName)")
        }
    }

    /// The JSON types a field of `kind` may be sent as (null is always allowed: not given).
    /// Mirrored by the `$defs` of `docs/schema/pep-1.schema.json`.
    static func allowedTypes(for kind: FieldKind) -> (string: Bool, number: Bool, boolean: Bool, description: String) {
        switch kind {
        case .text, .choice: return (true, true, false, "a string or a number")
        case .date: return (true, false, false, "a string")
        case .integer, .decimal, .money: return (true, true, false, "a number or a string")
        case .boolean: return (true, false, true, "a boolean or a string")
        }
    }

    /// `$.child` + `upn` -> `$.child.upn`; keys that are not plain names are bracketed.
    static func keyPath(_ base: String, _ key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        if plain { return "\(base).\(key)" }
        let escaped = String(key.prefix(60)).unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"", "\\": return "\\" + String(scalar)
            case _ where scalar.value < 0x20: return "?"
            default: return String(scalar)
            }
        }.joined()
        return "\(base)[\"\(escaped)\"]"
    }

    func violation(_ message: String) -> IngestError {
        IngestError(.schemaViolation, file: document.file, message: message)
    }
}
