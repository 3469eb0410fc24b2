import PEPModel

/// Turns the element events of a PEP XML document into raw values at contract paths.
///
/// The XSD has already checked the structure by the time an element arrives; the walker still
/// refuses anything it cannot place, so that it never depends on the validator for safety.
struct XMLContractWalker {
    /// What an open element stands for.
    enum Role {
        case root
        case group(prefix: String)
        case list(path: FieldPath, fields: [FieldSpec], counts: [String: Int])
        case item(path: FieldPath, fields: [FieldSpec], record: ExtractedRecord)
        case scalar(FieldPath)
        case recordField(String)
    }

    struct Frame {
        var role: Role
        /// The element path, `/pep/targets/target[2]/area`.
        var location: String
        var line: Int
        var text = ""
    }

    var document: ExtractedDocument
    private var stack: [Frame] = []

    init(document: ExtractedDocument) { self.document = document }

    mutating func visit(_ stream: XMLStreamReader) throws(IngestError) {
        switch stream.kind {
        case .element:
            try open(stream)
            if stream.isEmptyElement { close() }
        case .endElement:
            close()
        case .text, .whitespace:
            guard var top = stack.last else { return }
            switch top.role {
            case .scalar, .recordField:
                top.text += stream.value
                stack[stack.count - 1] = top
            default:
                if stream.kind == .text {
                    throw violation("text is not allowed directly inside \(top.location)", line: stream.nodeLine)
                }
            }
        case .other:
            return
        }
    }

    private mutating func open(_ stream: XMLStreamReader) throws(IngestError) {
        let name = stream.localName
        let line = stream.nodeLine
        guard stream.namespaceURI == XMLPEPReader.namespace else {
            throw violation("element <\(stream.qualifiedName)> is not in the namespace \(XMLPEPReader.namespace)", line: line)
        }
        guard var parent = stack.last else {
            guard name == "pep" else { throw violation("the root element is <\(name)>, not <pep>", line: line) }
            guard stream.attribute("schema-version", namespace: nil) == XMLPEPReader.schemaVersion else {
                throw violation("<pep> must have schema-version=\"\(XMLPEPReader.schemaVersion)\"", line: line)
            }
            stack.append(Frame(role: .root, location: "/pep", line: line))
            return
        }
        let here = "\(parent.location)/\(name)"
        let role: Role
        switch parent.role {
        case .root, .group:
            let prefix: String
            if case .group(let p) = parent.role { prefix = p } else { prefix = "" }
            let path = prefix.isEmpty ? name : "\(prefix).\(name)"
            switch ContractShape.node(at: path) {
            case .group: role = .group(prefix: path)
            case .scalar: role = .scalar(FieldPath(path))
            case .list(let fields):
                document.noteList(FieldPath(path))
                role = .list(path: FieldPath(path), fields: fields, counts: [:])
            case nil: throw violation("element <\(name)> is not expected in \(parent.location)", line: line)
            }
            stack.append(Frame(role: role, location: here, line: line))
        case .list(let path, let fields, var counts):
            // Any child element of a list is one item, whatever its name (`target`, `item`,
            // a vendor's word): the contract fixes no item name. Its fields are still checked.
            counts[name, default: 0] += 1
            parent.role = .list(path: path, fields: fields, counts: counts)
            stack[stack.count - 1] = parent
            let location = "\(parent.location)/\(name)[\(counts[name, default: 1])]"
            let record = ExtractedRecord(source: source(location, line: line))
            stack.append(Frame(role: .item(path: path, fields: fields, record: record), location: location, line: line))
        case .item(_, let fields, _):
            guard ContractShape.kind(of: name, in: fields) != nil else {
                throw violation("element <\(name)> is not expected in \(parent.location)", line: line)
            }
            stack.append(Frame(role: .recordField(name), location: here, line: line))
        case .scalar, .recordField:
            throw violation("element <\(name)> is not expected inside the value \(parent.location)", line: line)
        }
    }

    private mutating func close() {
        guard let frame = stack.popLast() else { return }
        switch frame.role {
        case .scalar(let path):
            document.add(path, raw(frame.text), at: describe(frame.location, line: frame.line))
        case .recordField(let field):
            guard var item = stack.last, case .item(let path, let fields, var record) = item.role else { return }
            record.values.append((field, raw(frame.text), source(frame.location, line: frame.line)))
            item.role = .item(path: path, fields: fields, record: record)
            stack[stack.count - 1] = item
        case .item(let path, _, let record):
            document.addRecord(record, to: path)
        case .root, .group, .list:
            return
        }
    }

    /// An element's text; an empty element means "not given".
    private func raw(_ text: String) -> RawValue { text.isEmpty ? .null : .text(text) }

    private func describe(_ location: String, line: Int) -> String {
        line > 0 ? "\(location) (line \(line))" : location
    }

    private func source(_ location: String, line: Int) -> SourceRef {
        SourceRef(file: document.file, location: describe(location, line: line))
    }

    private func violation(_ message: String, line: Int) -> IngestError {
        XMLPEPReader.violation(message, line: line, file: document.file)
    }
}
