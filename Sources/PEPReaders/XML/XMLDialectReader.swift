import PEPModel

/// Reads an XML document laid out in another system's dialect (`XMLDialect`, from
/// `Rules/xml/*.yaml`) into values at contract paths, through the same safe stream as PEP XML
/// (no DTD, no entities, limits). Elements the dialect does not map are passed over: the
/// dialect says where each field is, not everything a vendor may export.
struct XMLDialectReader {
    let dialect: XMLDialect
    let limits: XMLLimits

    func read(_ bytes: [UInt8], file: String) throws(IngestError) -> ExtractedDocument {
        let stream = try XMLStreamReader(bytes: bytes, file: file, limits: limits)
        var walk = Walk(dialect: dialect, file: file)
        while try stream.read() {
            switch stream.kind {
            case .element:
                walk.open(stream)
                if stream.isEmptyElement { walk.close() }
            case .endElement: walk.close()
            case .text, .whitespace: walk.text(stream.value)
            case .other: continue
            }
        }
        return walk.document
    }

    /// The state of one pass: the open elements and the list item being read, if any.
    private struct Walk {
        struct Frame {
            var location: String
            var line: Int
            var text = ""
        }

        let dialect: XMLDialect
        var document: ExtractedDocument
        /// Scalar fields by their path below the root (`Pupil/Names/Given`, `Pupil/@upn`).
        let scalars: [String: XMLDialect.Field]
        var frames: [Frame] = []
        /// Element names below the root; a foreign element is "\0", so nothing below it matches.
        var path: [String] = []
        /// The list item being read: its list, its record, and its depth in `path`.
        var item: (list: XMLDialect.List, record: ExtractedRecord, depth: Int)?

        init(dialect: XMLDialect, file: String) {
            self.dialect = dialect
            document = ExtractedDocument(format: .xml, file: file)
            document.readVia = ReadVia(dialect: dialect.name)
            scalars = Dictionary(dialect.fields.map { ($0.steps.joined(separator: "/"), $0) }, uniquingKeysWith: { a, _ in a })
        }

        mutating func open(_ stream: XMLStreamReader) {
            let name = stream.localName
            let line = stream.nodeLine
            guard let parent = frames.last else {
                frames.append(Frame(location: "/\(name)", line: line))
                return
            }
            let location = "\(parent.location)/\(name)"
            frames.append(Frame(location: location, line: line))
            path.append(stream.namespaceURI == dialect.namespace ? name : "\u{0}")
            if item == nil {
                for list in dialect.lists where list.items.dropLast() == path[...] { document.noteList(list.path) }
                if let list = dialect.lists.first(where: { $0.items == path }) {
                    document.noteList(list.path)
                    item = (list, ExtractedRecord(source: source(location, line)), path.count)
                }
            }
            for attribute in stream.attributes() where attribute.namespace.isEmpty {
                place(steps: relativePath + ["@\(attribute.name)"], text: attribute.value, at: source("\(location)/@\(attribute.name)", line))
            }
        }

        mutating func text(_ value: String) {
            guard !frames.isEmpty else { return }
            frames[frames.count - 1].text += value
        }

        mutating func close() {
            guard let frame = frames.popLast() else { return }
            if let open = item, path.count == open.depth {
                document.addRecord(open.record, to: open.list.path)
                item = nil
            } else if !frames.isEmpty {
                place(steps: relativePath, text: frame.text, at: source(frame.location, frame.line))
            }
            if !path.isEmpty { path.removeLast() }
        }

        /// The open path below the root, or below the open list item.
        var relativePath: [String] {
            guard let open = item else { return path }
            return Array(path[open.depth...])
        }

        /// Puts a value read at `steps` where the dialect maps it: a field of the open list
        /// item, else a scalar field. Unmapped values are passed over.
        mutating func place(steps: [String], text: String, at source: SourceRef) {
            if var open = item {
                guard let field = open.list.fields.first(where: { $0.steps == steps }) else { return }
                open.record.values.append((field.target, XMLDialectReader.raw(field.conversion.apply(text)), source))
                item = open
            } else if let field = scalars[steps.joined(separator: "/")] {
                document.add(FieldPath(field.target), XMLDialectReader.raw(field.conversion.apply(text)), at: source.location)
            }
        }

        func source(_ location: String, _ line: Int) -> SourceRef {
            SourceRef(file: document.file, location: line > 0 ? "\(location) (line \(line))" : location)
        }
    }

    /// An element's text; an empty or blank element means "not given".
    static func raw(_ text: String) -> RawValue {
        text.allSatisfy(\.isWhitespace) ? .null : .text(text)
    }
}
