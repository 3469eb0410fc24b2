import Foundation
import PEPModel

/// Streams a WordprocessingML main part once, with no DOM: reads content controls and legacy
/// form fields as it meets them, and gathers the text of tables (rows, cells, merges) for the
/// label/value and list rules that `DocxTableReader` applies afterwards.
///
/// Elements are matched on namespace URI and local name, never on prefix, so a document saved
/// with other prefixes, or in strict OOXML, reads the same. What a reader of the page would not
/// see is left out: deleted and moved-from text, field instructions, the unchosen branch of
/// `mc:AlternateContent`, and placeholder text of content controls.
struct DocxBodyParser {
    static let wordNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]
    static let w14Namespace = "http://schemas.microsoft.com/office/word/2010/wordml"
    static let mcNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    let mapping: FormMapping
    private(set) var doc: ExtractedDocument

    init(mapping: FormMapping, file: String) {
        self.mapping = mapping
        doc = ExtractedDocument(format: .docx, file: file)
    }

    // MARK: State

    private struct Paragraph {
        var text = ""
        var bold = 0
        var characters = 0
    }

    private struct ContentControl {
        var tag = ""
        var alias = ""
        var placeholder = false
        var fullDate: String?
        var checkbox: Bool?
        var inProperties = false
        var inContent = false
        var markPending = false
        var text = ""
    }

    private struct FormField {
        enum Kind { case none, text, checkbox, dropDown }
        var inResult = false
        var name = ""
        var kind = Kind.none
        var checked: Bool?
        var checkDefault: Bool?
        var textDefault: String?
        var listResult: Int?
        var listDefault: Int?
        var listEntries: [String] = []
        var text = ""
    }

    private struct TableState {
        var table: DocxTable
        var row: DocxRow?
        var cell: DocxCell?
        var cellRecent: [String] = []
    }

    private var xml: XMLStreamReader?
    private var namespace = ""
    /// Which of the namespaces the parser knows `namespace` is, worked out when it changes
    /// (the reader hands back one String per name, so "unchanged" costs a pointer compare).
    private var space = Space.other

    private enum Space { case word, mc, w14, other }
    private var skipDepth: Int?
    private var paragraphs: [Paragraph] = []
    private var paragraphCount = 0
    private var runDepth: Int?
    private var runBold = false
    private var inRunProperties = false
    private var inText = false
    private var inCellProperties = false
    private var controls: [ContentControl] = []
    private var fields: [FormField] = []
    private var fieldCharDepth: Int?
    private var formFieldBlock = ""
    private var alternates: [Bool] = []
    private var tableStack: [TableState] = []
    private var tableCount = 0
    private var bodyRecent: [String] = []
    private var tables: [DocxTable] = []
    private var orphans: [FieldPath: ExtractedRecord] = [:]

    // MARK: Driving the stream

    /// Reads the part and returns what it holds.
    mutating func parse(_ bytes: [UInt8], part: String, limits: XMLLimits) throws(IngestError) -> ExtractedDocument {
        let reader = try XMLStreamReader(bytes: bytes, file: doc.file, part: part, limits: limits)
        xml = reader
        while try reader.read(skipping: &skipDepth) {
            let depth = reader.depth
            switch reader.kind {
            case .element:
                enter(reader.namespaceURI)
                let name = reader.localName
                let empty = reader.isEmptyElement
                start(name, depth: depth, empty: empty)
                if empty, skipDepth == nil { end(name, depth: depth) }
            case .endElement:
                enter(reader.namespaceURI)
                end(reader.localName, depth: depth)
            case .text, .whitespace:
                if inText { append(reader.value) }
            case .other:
                break
            }
        }
        xml = nil
        for (list, record) in orphans.sorted(by: { $0.key < $1.key }) { doc.addRecord(record, to: list) }
        orphans = [:]
        let tableReader = DocxTableReader(mapping: mapping)
        for table in tables.sorted(by: { $0.index < $1.index }) { tableReader.read(table, into: &doc) }
        return doc
    }

    private mutating func enter(_ uri: String) {
        guard uri != namespace else { return }
        namespace = uri
        space =
            Self.wordNamespaces.contains(uri) ? .word : uri == Self.mcNamespace ? .mc : uri == Self.w14Namespace ? .w14 : .other
    }

    private var isWord: Bool { space == .word }

    /// A WordprocessingML attribute of the current element (qualified, or unqualified as some
    /// producers write it).
    private func attr(_ name: String) -> String? {
        guard let xml else { return nil }
        return xml.attribute(name, namespace: namespace) ?? xml.attribute(name, namespace: nil)
    }

    /// `w:val` read as an on/off value: absent means on.
    private func onOff() -> Bool {
        guard let v = attr("val")?.lowercased() else { return true }
        return !["0", "false", "off", "none"].contains(v)
    }

    private mutating func skip(_ depth: Int, empty: Bool) {
        if !empty { skipDepth = depth }
    }

    // MARK: Elements

    private mutating func start(_ name: String, depth: Int, empty: Bool) {
        if space == .mc {
            switch name {
            case "AlternateContent": alternates.append(false)
            case "Choice", "Fallback":
                if alternates.last == true { skip(depth, empty: empty) } else if !alternates.isEmpty { alternates[alternates.count - 1] = true }
            default: break
            }
            return
        }
        if space == .w14 {
            guard controls.last?.inProperties == true else { return }
            if name == "checkbox" { controls[controls.count - 1].checkbox = controls.last?.checkbox ?? false }
            if name == "checked", let v = xml?.attribute("val", namespace: Self.w14Namespace) ?? attr("val") {
                controls[controls.count - 1].checkbox = v == "1" || v.lowercased() == "true"
            }
            return
        }
        guard isWord else { return }
        if fieldCharDepth != nil {
            formFieldData(name)
            return
        }
        if controls.last?.inProperties == true {
            controlProperty(name)
            return
        }
        switch name {
        case "p":
            paragraphs.append(Paragraph())
            for i in controls.indices where controls[i].markPending {
                controls[i].markPending = false
                paragraphs[paragraphs.count - 1].text += DocxText.mark(controls[i].checkbox ?? false)
            }
        case "r":
            runDepth = depth
            runBold = false
        case "rPr": if let r = runDepth, depth == r + 1 { inRunProperties = true }
        case "b": if inRunProperties { runBold = onOff() }
        case "t": if runDepth != nil, !empty { inText = true }
        case "tab", "ptab": if runDepth != nil { append("\t") }
        case "br", "cr": if runDepth != nil { append("\n") }
        case "noBreakHyphen": if runDepth != nil { append("-") }
        case "sym": if runDepth != nil { append(DocxText.symbol(attr("char"))) }
        case "del", "moveFrom": skip(depth, empty: empty)
        case "fldChar": fieldCharacter(depth: depth, empty: empty)
        case "sdt": controls.append(ContentControl())
        case "sdtPr": if !controls.isEmpty { controls[controls.count - 1].inProperties = true }
        case "sdtContent": contentStarts()
        case "tbl": tableStarts()
        case "tr":
            if let top = tableStack.indices.last {
                tableStack[top].row = DocxRow(index: tableStack[top].table.rows.count + 1)
            }
        case "gridBefore":
            if let top = tableStack.indices.last, tableStack[top].cell == nil {
                let before = Int(attr("val") ?? "") ?? 0
                tableStack[top].row?.gridBefore = before
            }
        case "tc":
            if let top = tableStack.indices.last, let row = tableStack[top].row {
                tableStack[top].cell = DocxCell(index: row.cells.count + 1)
                tableStack[top].cellRecent = []
            }
        case "tcPr": inCellProperties = true
        case "gridSpan":
            let span = max(1, Int(attr("val") ?? "") ?? 1)
            if inCellProperties { setCell { $0.gridSpan = span } }
        case "vMerge":
            if inCellProperties {
                let restart = attr("val")?.lowercased() == "restart"
                setCell { $0.continuesMerge = !restart }
            }
        case "shd":
            if inCellProperties {
                let fill = (attr("fill") ?? "auto").uppercased()
                setCell { $0.shaded = !["AUTO", "FFFFFF", ""].contains(fill) }
            }
        default: break
        }
    }

    private mutating func end(_ name: String, depth: Int) {
        if space == .mc {
            if name == "AlternateContent", !alternates.isEmpty { alternates.removeLast() }
            return
        }
        guard isWord else { return }
        if let d = fieldCharDepth {
            if name == "fldChar", depth == d { fieldCharDepth = nil }
            if ["checkBox", "textInput", "ddList"].contains(name) { formFieldBlock = "" }
            return
        }
        switch name {
        case "sdtPr": if !controls.isEmpty { controls[controls.count - 1].inProperties = false }
        case "p": if let p = paragraphs.popLast() { paragraphEnds(p) }
        case "r":
            runDepth = nil
            runBold = false
        case "rPr": inRunProperties = false
        case "t": inText = false
        case "sdt": if let c = controls.popLast() { controlEnds(c) }
        case "tcPr": inCellProperties = false
        case "tc":
            guard let top = tableStack.indices.last, var cell = tableStack[top].cell, let row = tableStack[top].row
            else { return }
            cell.gridStart = row.gridBefore + row.cells.reduce(0) { $0 + $1.gridSpan }
            tableStack[top].row?.cells.append(cell)
            tableStack[top].cell = nil
        case "tr":
            guard let top = tableStack.indices.last, let row = tableStack[top].row else { return }
            tableStack[top].table.rows.append(row)
            tableStack[top].row = nil
        case "tbl": tableEnds()
        default: break
        }
    }

    private mutating func setCell(_ change: (inout DocxCell) -> Void) {
        guard let top = tableStack.indices.last, var cell = tableStack[top].cell else { return }
        change(&cell)
        tableStack[top].cell = cell
    }

    // MARK: Text

    /// Adds visible text to the open paragraph, content controls and field results.
    private mutating func append(_ text: String) {
        if fields.contains(where: { !$0.inResult }) { return }
        if controls.contains(where: { $0.inContent && ($0.placeholder || $0.checkbox != nil) }) { return }
        deliver(text, counted: true)
    }

    /// Delivers text to every sink, with no visibility check (checkbox marks).
    private mutating func deliver(_ text: String, counted: Bool) {
        if !paragraphs.isEmpty {
            paragraphs[paragraphs.count - 1].text += text
            if counted {
                let n = text.count
                paragraphs[paragraphs.count - 1].characters += n
                if runBold { paragraphs[paragraphs.count - 1].bold += n }
            }
        }
        for i in controls.indices where controls[i].inContent { controls[i].text += text }
        for i in fields.indices where fields[i].inResult { fields[i].text += text }
    }

    private mutating func paragraphEnds(_ p: Paragraph) {
        paragraphCount += 1
        let visible = !TextFolding.clean(DocxText.stripMarks(p.text)).isEmpty
        if let top = tableStack.indices.last {
            guard tableStack[top].cell != nil else { return }
            setCell {
                $0.paragraphs.append(p.text)
                $0.boldCharacters += p.bold
                $0.characters += p.characters
            }
            if visible { tableStack[top].cellRecent.append(p.text) }
            return
        }
        guard visible else { return }
        bodyRecent.append(p.text)
        if bodyRecent.count > 3 { bodyRecent.removeFirst() }
        paragraphLabel(p.text)
    }

    /// `Label: value` written as a paragraph outside any table.
    private mutating func paragraphLabel(_ text: String) {
        guard let colon = text.firstIndex(of: ":") else { return }
        let prefix = String(text[..<colon])
        guard prefix.count <= 60, let label = mapping.label(for: DocxText.stripMarks(prefix)) else { return }
        let rest = String(text[text.index(after: colon)...])
        doc.add(label.path, label.mapped(DocxText.value(of: rest)), at: "paragraph \(paragraphCount)")
    }

    // MARK: Tables

    private mutating func tableStarts() {
        tableCount += 1
        let recent: [String]
        if let top = tableStack.indices.last { recent = tableStack[top].cellRecent } else { recent = bodyRecent }
        let headings = recent.suffix(3).reversed().map { TextFolding.clean(DocxText.stripMarks($0)) }
        tableStack.append(TableState(table: DocxTable(index: tableCount, headingCandidates: headings)))
    }

    private mutating func tableEnds() {
        guard let state = tableStack.popLast() else { return }
        tables.append(state.table)
        if let top = tableStack.indices.last { tableStack[top].cellRecent = [] } else { bodyRecent = [] }
    }

    // MARK: Content controls

    private mutating func controlProperty(_ name: String) {
        let i = controls.count - 1
        switch name {
        case "tag": controls[i].tag = attr("val") ?? ""
        case "alias": controls[i].alias = attr("val") ?? ""
        case "showingPlcHdr": controls[i].placeholder = onOff()
        case "date": controls[i].fullDate = attr("fullDate")
        default: break
        }
    }

    private mutating func contentStarts() {
        guard let i = controls.indices.last else { return }
        if let ticked = controls[i].checkbox {
            if paragraphs.isEmpty { controls[i].markPending = true } else { deliver(DocxText.mark(ticked), counted: false) }
        }
        controls[i].inContent = true
    }

    private mutating func controlEnds(_ c: ContentControl) {
        let tag = c.tag.trimmingCharacters(in: .whitespaces)
        let location = "content control \(tag.isEmpty ? c.alias : tag)"
        let raw: RawValue
        if c.placeholder {
            raw = .text("")
        } else if let ticked = c.checkbox {
            raw = .checkbox(ticked)
        } else if let date = c.fullDate, !date.isEmpty {
            raw = .isoDate(date)
        } else {
            raw = .text(DocxText.stripMarks(c.text))
        }
        guard !tag.isEmpty || !c.alias.isEmpty else { return }
        let path = FieldPath(tag)
        if FieldCatalogue.scalar(path) != nil {
            doc.add(path, mapping.mapped(raw, for: path), at: location)
        } else if let (list, field) = path.listMember, FieldCatalogue.knows(path) {
            member(list: list, field: field, raw: raw, location: location)
        } else if FieldCatalogue.list(path) != nil {
            doc.noteList(path)
        } else if let p = mapping.path(forLegacyName: tag) {
            doc.add(p, mapping.mapped(raw, for: p), at: location)
        } else if let label = mapping.label(for: tag) ?? mapping.label(for: c.alias) {
            doc.add(label.path, label.mapped(raw), at: location)
        } else if !tag.isEmpty {
            doc.unmapped.append(UnmappedContent(label: tag, source: SourceRef(file: doc.file, location: location)))
        }
    }

    /// A `[]`-tagged control: part of its table row's record, or of a record of its own.
    private mutating func member(list: FieldPath, field: String, raw: RawValue, location: String) {
        doc.noteList(list)
        if let top = tableStack.indices.last, tableStack[top].row != nil {
            tableStack[top].row?.members.append((list, field, raw, location))
            return
        }
        let source = SourceRef(file: doc.file, location: location)
        if let open = orphans[list], open.values.contains(where: { $0.field == field }) {
            doc.addRecord(open, to: list)
            orphans[list] = nil
        }
        orphans[list, default: ExtractedRecord(source: source)].values.append((field, raw, source))
    }

    // MARK: Legacy form fields

    private mutating func fieldCharacter(depth: Int, empty: Bool) {
        switch attr("fldCharType") {
        case "begin":
            fields.append(FormField())
            if !empty { fieldCharDepth = depth }
        case "separate":
            if !fields.isEmpty { fields[fields.count - 1].inResult = true }
        case "end":
            if let f = fields.popLast() { fieldEnds(f) }
        default: break
        }
    }

    /// Children of `w:ffData` inside a begin `w:fldChar`.
    private mutating func formFieldData(_ name: String) {
        guard let i = fields.indices.last else { return }
        switch name {
        case "name": fields[i].name = attr("val") ?? ""
        case "checkBox":
            formFieldBlock = name
            fields[i].kind = .checkbox
        case "textInput":
            formFieldBlock = name
            fields[i].kind = .text
        case "ddList":
            formFieldBlock = name
            fields[i].kind = .dropDown
        case "checked": if formFieldBlock == "checkBox" { fields[i].checked = onOff() }
        case "default":
            switch formFieldBlock {
            case "checkBox": fields[i].checkDefault = onOff()
            case "textInput": fields[i].textDefault = attr("val")
            case "ddList": fields[i].listDefault = Int(attr("val") ?? "")
            default: break
            }
        case "result": if formFieldBlock == "ddList" { fields[i].listResult = Int(attr("val") ?? "") }
        case "listEntry": if formFieldBlock == "ddList" { fields[i].listEntries.append(attr("val") ?? "") }
        default: break
        }
    }

    private mutating func fieldEnds(_ f: FormField) {
        let raw: RawValue
        switch f.kind {
        case .checkbox:
            let ticked = f.checked ?? f.checkDefault ?? false
            if !fields.contains(where: { !$0.inResult }) { deliver(DocxText.mark(ticked), counted: false) }
            raw = .checkbox(ticked)
        case .dropDown:
            let i = f.listResult ?? f.listDefault ?? 0
            let entry = f.listEntries.indices.contains(i) ? f.listEntries[i] : ""
            raw = .text(entry)
            // Some producers (LibreOffice) leave the result empty: show the entry, so that a
            // label/value table still reads it when the field's name was lost.
            if TextFolding.clean(f.text).isEmpty { append(entry) }
        case .text, .none:
            let text = DocxText.stripMarks(f.text)
            if TextFolding.clean(text).isEmpty, let d = f.textDefault { raw = .text(d) } else { raw = .text(text) }
        }
        let name = f.name.trimmingCharacters(in: .whitespaces)
        // No name, or a hidden one (`_Toc…`, LibreOffice's `__Fieldmark__…`): the field is
        // anonymous and its table cell carries it.
        guard !name.isEmpty, !name.hasPrefix("_") else { return }
        let location = "form field \(name)"
        if let path = mapping.path(forLegacyName: name) {
            doc.add(path, mapping.mapped(raw, for: path), at: location)
        } else if let label = mapping.label(for: name) {
            doc.add(label.path, label.mapped(raw), at: location)
        } else {
            doc.unmapped.append(UnmappedContent(label: name, source: SourceRef(file: doc.file, location: location)))
        }
    }
}
