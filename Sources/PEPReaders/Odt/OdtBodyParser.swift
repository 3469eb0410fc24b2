import Foundation
import PEPModel

/// Streams the `content.xml` of an OpenDocument text (.odt) once, with no DOM, into the same
/// table model the Word reader uses (`DocxTable`), so that label/value and list tables map
/// through the same `Rules/docx-mapping.yaml` labels and column headers. Input fields
/// (`text:text-input`, named by their description) and user fields are read like Word's legacy
/// form fields; `Label: value` paragraphs like Word's.
///
/// Word's legacy check boxes and drop-downs, which LibreOffice keeps as `field:fieldmark`s with
/// their state in `field:param`s (and usually loses their names), become the same checkbox mark
/// or chosen entry in the text that the Word reader puts there, so a cell like `☒ Yes ☐ No`
/// or a label/value row reads the same from either format.
///
/// Deleted text of tracked changes, notes and annotations are left out, as in Word.
struct OdtBodyParser {
    static let textNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let tableNS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let officeNS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    /// LibreOffice's namespace for Word's legacy form fields (`FORMCHECKBOX`, `FORMDROPDOWN`).
    static let fieldNS = "urn:openoffice:names:experimental:ooo-ms-interop:xmlns:field:1.0"

    let mapping: FormMapping
    private(set) var doc: ExtractedDocument

    private struct TableState {
        var table: DocxTable
        var row: DocxRow?
        var cell: DocxCell?
        var column = 0
        /// Rows still covered below a cell spanning rows, by grid column.
        var rowsCovered: [Int: Int] = [:]
        var cellRecent: [String] = []
    }

    private struct InputField {
        var name: String
        var text = ""
    }

    /// A Word legacy check box or drop-down, as LibreOffice keeps it.
    private struct Fieldmark {
        var name: String
        var type: String
        var checked: Bool?
        var entries: [String] = []
        var selected: Int?
    }

    private var stream: XMLStreamReader?
    private var skipDepth: Int?
    private var paragraph: String?
    private var paragraphDepth = 0
    private var paragraphCount = 0
    private var inputs: [InputField] = []
    private var fieldmark: Fieldmark?
    private var tableStack: [TableState] = []
    private var tableCount = 0
    private var bodyRecent: [String] = []
    private var tables: [DocxTable] = []

    init(mapping: FormMapping, file: String) {
        self.mapping = mapping
        doc = ExtractedDocument(format: .odt, file: file)
    }

    mutating func parse(_ bytes: [UInt8], limits: XMLLimits) throws(IngestError) -> ExtractedDocument {
        let reader = try XMLStreamReader(bytes: bytes, file: doc.file, part: "content.xml", limits: limits)
        stream = reader
        while try reader.read(skipping: &skipDepth) {
            let depth = reader.depth
            switch reader.kind {
            case .element:
                let empty = reader.isEmptyElement
                start(reader.namespaceURI, reader.localName, depth: depth, empty: empty)
                if empty, skipDepth == nil { end(reader.namespaceURI, reader.localName) }
            case .endElement: end(reader.namespaceURI, reader.localName)
            case .text, .whitespace: append(reader.value)
            case .other: break
            }
        }
        stream = nil
        let tableReader = DocxTableReader(mapping: mapping)
        for table in tables.sorted(by: { $0.index < $1.index }) { tableReader.read(table, into: &doc) }
        return doc
    }

    private func attr(_ name: String, _ namespace: String) -> String? { stream?.attribute(name, namespace: namespace) }

    private mutating func start(_ ns: String, _ name: String, depth: Int, empty: Bool) {
        switch (ns, name) {
        case (Self.textNS, "tracked-changes"), (Self.textNS, "note"), (Self.officeNS, "annotation"),
            (Self.textNS, "user-field-decls"), (Self.textNS, "variable-decls"):
            if !empty { skipDepth = depth }
        case (Self.textNS, "p"), (Self.textNS, "h"):
            if paragraph == nil {
                paragraph = ""
                paragraphDepth = depth
            }
        case (Self.textNS, "s"): append(String(repeating: " ", count: max(1, Int(attr("c", Self.textNS) ?? "1") ?? 1)))
        case (Self.textNS, "tab"): append("\t")
        case (Self.textNS, "line-break"): append("\n")
        case (Self.textNS, "text-input"), (Self.textNS, "user-field-get"), (Self.textNS, "variable-get"),
            (Self.textNS, "variable-set"), (Self.textNS, "user-field-input"):
            let name = attr("description", Self.textNS) ?? attr("name", Self.textNS) ?? ""
            inputs.append(InputField(name: name))
        case (Self.fieldNS, "fieldmark"), (Self.fieldNS, "fieldmark-start"):
            let type = attr("type", Self.fieldNS) ?? ""
            guard type.hasSuffix("FORMCHECKBOX") || type.hasSuffix("FORMDROPDOWN") else { return }
            fieldmark = Fieldmark(name: attr("name", Self.textNS) ?? "", type: type)
        case (Self.fieldNS, "param"):
            guard fieldmark != nil, let value = attr("value", Self.fieldNS) else { return }
            switch attr("name", Self.fieldNS) {
            case "Checkbox_Checked": fieldmark?.checked = ["true", "1"].contains(value.lowercased())
            case "Dropdown_ListEntry": fieldmark?.entries.append(value)
            case "Dropdown_Selected": fieldmark?.selected = Int(value)
            default: break
            }
        case (Self.tableNS, "table"): tableStarts()
        case (Self.tableNS, "table-row"):
            guard let top = tableStack.indices.last else { return }
            let index = (tableStack[top].table.rows.count) + 1
            tableStack[top].row = DocxRow(index: index)
            tableStack[top].column = 0
        case (Self.tableNS, "table-cell"): cellStarts(covered: false)
        case (Self.tableNS, "covered-table-cell"): cellStarts(covered: true)
        default: break
        }
    }

    private mutating func end(_ ns: String, _ name: String) {
        switch (ns, name) {
        case (Self.textNS, "p"), (Self.textNS, "h"):
            guard let text = paragraph, stream.map({ $0.depth == paragraphDepth }) ?? true else { return }
            paragraph = nil
            paragraphEnds(text)
        case (Self.textNS, "text-input"), (Self.textNS, "user-field-get"), (Self.textNS, "variable-get"),
            (Self.textNS, "variable-set"), (Self.textNS, "user-field-input"):
            guard let field = inputs.popLast() else { return }
            fieldEnds(field.name, .text(field.text))
        case (Self.fieldNS, "fieldmark"), (Self.fieldNS, "fieldmark-start"):
            guard let mark = fieldmark else { return }
            fieldmark = nil
            fieldmarkEnds(mark)
        case (Self.tableNS, "table"):
            guard let state = tableStack.popLast() else { return }
            tables.append(state.table)
            if let top = tableStack.indices.last { tableStack[top].cellRecent = [] } else { bodyRecent = [] }
        case (Self.tableNS, "table-row"):
            guard let top = tableStack.indices.last, let row = tableStack[top].row else { return }
            tableStack[top].table.rows.append(row)
            tableStack[top].row = nil
            for (column, left) in tableStack[top].rowsCovered { tableStack[top].rowsCovered[column] = left - 1 }
            tableStack[top].rowsCovered = tableStack[top].rowsCovered.filter { $0.value > 0 }
        case (Self.tableNS, "table-cell"), (Self.tableNS, "covered-table-cell"):
            guard let top = tableStack.indices.last, let cell = tableStack[top].cell else { return }
            tableStack[top].cell = nil
            tableStack[top].row?.cells.append(cell)
        default: break
        }
    }

    private mutating func append(_ text: String) {
        if paragraph != nil { paragraph? += text }
        for i in inputs.indices { inputs[i].text += text }
    }

    private mutating func cellStarts(covered: Bool) {
        guard let top = tableStack.indices.last, tableStack[top].row != nil else { return }
        let column = tableStack[top].column
        let span = max(1, Int(attr("number-columns-spanned", Self.tableNS) ?? "1") ?? 1)
        let repeated = min(max(1, Int(attr("number-columns-repeated", Self.tableNS) ?? "1") ?? 1), 64)
        tableStack[top].column += span * repeated
        // A covered cell under a cell that spans rows continues it; one beside a cell that
        // spans columns is part of it, and is no cell of its own.
        let continuesMerge = covered && (tableStack[top].rowsCovered[column] ?? 0) > 0
        guard !covered || continuesMerge else { return }
        if let rows = Int(attr("number-rows-spanned", Self.tableNS) ?? ""), rows > 1 {
            tableStack[top].rowsCovered[column] = rows
        }
        let index = (tableStack[top].row?.cells.count ?? 0) + 1
        tableStack[top].cell = DocxCell(index: index, gridStart: column, gridSpan: span, continuesMerge: continuesMerge)
    }

    private mutating func paragraphEnds(_ text: String) {
        paragraphCount += 1
        let visible = !TextFolding.clean(text).isEmpty
        if let top = tableStack.indices.last {
            guard tableStack[top].cell != nil else { return }
            tableStack[top].cell?.paragraphs.append(text)
            tableStack[top].cell?.characters += text.count
            if visible { tableStack[top].cellRecent.append(text) }
            return
        }
        guard visible else { return }
        bodyRecent.append(text)
        if bodyRecent.count > 3 { bodyRecent.removeFirst() }
        // `Label: value` written as a paragraph outside any table.
        guard let colon = text.firstIndex(of: ":") else { return }
        let prefix = String(text[..<colon])
        guard prefix.count <= 60, let label = mapping.label(for: prefix) else { return }
        doc.add(label.path, label.mapped(DocxText.value(of: String(text[text.index(after: colon)...]))), at: "paragraph \(paragraphCount)")
    }

    private mutating func tableStarts() {
        tableCount += 1
        let recent = tableStack.last?.cellRecent ?? bodyRecent
        let headings = recent.suffix(3).reversed().map { TextFolding.clean($0) }
        tableStack.append(TableState(table: DocxTable(index: tableCount, headingCandidates: headings)))
    }

    /// A check box puts its mark in the text; a drop-down, its chosen entry (the first when
    /// none is recorded, as Word shows it). A name LibreOffice kept maps like a Word field's;
    /// its generated `__Fieldmark__…` names leave the table cell to carry the value.
    private mutating func fieldmarkEnds(_ mark: Fieldmark) {
        let raw: RawValue
        if mark.type.hasSuffix("FORMCHECKBOX") {
            let ticked = mark.checked ?? false
            append(DocxText.mark(ticked))
            raw = .checkbox(ticked)
        } else {
            let index = mark.selected ?? 0
            let entry = mark.entries.indices.contains(index) ? mark.entries[index] : ""
            append(entry)
            raw = .text(entry)
        }
        guard !mark.name.hasPrefix("_") else { return }
        fieldEnds(mark.name, raw)
    }

    /// An input or user field: named like a Word legacy form field, or by a label wording.
    private mutating func fieldEnds(_ fieldName: String, _ raw: RawValue) {
        let name = fieldName.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return }
        let location = "field \(name)"
        if FieldCatalogue.scalar(FieldPath(name)) != nil {
            doc.add(FieldPath(name), mapping.mapped(raw, for: FieldPath(name)), at: location)
        } else if let path = mapping.path(forLegacyName: name) {
            doc.add(path, mapping.mapped(raw, for: path), at: location)
        } else if let label = mapping.label(for: name) {
            doc.add(label.path, label.mapped(raw), at: location)
        } else {
            doc.unmapped.append(UnmappedContent(label: name, source: SourceRef(file: doc.file, location: location)))
        }
    }
}
