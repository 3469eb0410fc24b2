import PEPModel

/// Reads the label/value and list tables of a Word form (the contract's third way).
///
/// A table whose header row names the columns of a list (or one column, under a heading that
/// names the list) gives one record per non-empty row. Any other table is read row by row as
/// `label | value` pairs (two or four cells), or as a one-cell label row over a one-cell value
/// row. Labels are compared through `FormMapping` (`TextFolding.key`); a cell formatted like a
/// label that maps to nothing is reported as unmapped, by its text, never its value.
struct DocxTableReader {
    let mapping: FormMapping

    func read(_ original: DocxTable, into doc: inout ExtractedDocument) {
        let table = Self.fillingMerges(original)
        guard !table.rows.isEmpty else { return }
        if let (list, header) = listShape(of: table) {
            readList(table, list: list, headerRow: header, into: &doc)
        } else {
            readLabels(table, into: &doc)
            for row in table.rows where !row.members.isEmpty { addMemberRecords(row.members, row: row, table: table, except: nil, into: &doc) }
        }
    }

    // MARK: Lists

    /// The list a table carries and the index of its header row, if it is a list table.
    func listShape(of table: DocxTable) -> (FormMapping.ListTable, Int)? {
        var headings = table.headingCandidates
        var headerRow = 0
        let first = table.rows[0].contentCells
        if table.rows.count >= 2, first.count == 1, mapping.label(for: Self.plain(first[0])) == nil {
            headings.insert(Self.plain(first[0]), at: 0)
            headerRow = 1
        }
        let header = table.rows[headerRow].contentCells
        func score(_ list: FormMapping.ListTable) -> Int { header.count { list.field(forHeader: Self.plain($0)) != nil } }
        let named = headings.lazy.compactMap { self.mapping.list(forHeading: $0)?.list }.first
        if let named, score(named) >= 1 { return (named, headerRow) }
        guard header.count >= 2 else { return nil }
        var best: (FormMapping.ListTable, Int)?
        for list in mapping.lists {
            let s = score(list)
            if s >= 2, s > (best?.1 ?? 0) { best = (list, s) }
        }
        return best.map { ($0.0, headerRow) }
    }

    func readList(_ table: DocxTable, list: FormMapping.ListTable, headerRow: Int, into doc: inout ExtractedDocument) {
        doc.noteList(list.path)
        let header = table.rows[headerRow]
        var columns: [(grid: Int, field: String)] = []
        for cell in header.contentCells {
            let text = Self.plain(cell)
            if let field = list.field(forHeader: text) {
                columns.append((cell.gridStart, field))
            } else if !text.isEmpty {
                doc.unmapped.append(
                    UnmappedContent(label: text, source: source(doc, table, header, cell)))
            }
        }
        let headerTexts = header.contentCells.map { TextFolding.key(Self.plain($0)) }
        for row in table.rows.dropFirst(headerRow + 1) {
            if row.contentCells.map({ TextFolding.key(Self.plain($0)) }) == headerTexts { continue }  // a repeated header
            var values: [(field: String, raw: RawValue, source: SourceRef)] = []
            var anyText = false
            for column in columns {
                let cell = row.cells.first { $0.gridStart <= column.grid && column.grid < $0.gridStart + $0.gridSpan }
                let raw = cell.map { DocxText.value(of: $0.text) } ?? .text("")
                if case .text(let t) = raw, TextFolding.clean(t).isEmpty {} else { anyText = true }
                let at = cell.map { source(doc, table, row, $0) } ?? SourceRef(file: doc.file, location: "table \(table.index), row \(row.index)")
                values.append((column.field, raw, at))
            }
            let own = row.members.filter { $0.list == list.path }
            for m in own {
                let at = SourceRef(file: doc.file, location: m.location)
                if let i = values.firstIndex(where: { $0.field == m.field }) { values[i] = (m.field, m.raw, at) } else { values.append((m.field, m.raw, at)) }
            }
            if anyText || !own.isEmpty {
                let record = ExtractedRecord(source: SourceRef(file: doc.file, location: "table \(table.index), row \(row.index)"), values: values)
                doc.addRecord(record, to: list.path)
            }
            addMemberRecords(row.members, row: row, table: table, except: list.path, into: &doc)
        }
    }

    /// Records made of a row's `[]`-tagged content controls, one per list.
    func addMemberRecords(
        _ members: [(list: FieldPath, field: String, raw: RawValue, location: String)], row: DocxRow, table: DocxTable,
        except: FieldPath?, into doc: inout ExtractedDocument
    ) {
        var order: [FieldPath] = []
        var byList: [FieldPath: [(field: String, raw: RawValue, source: SourceRef)]] = [:]
        for m in members where m.list != except {
            if byList[m.list] == nil { order.append(m.list) }
            byList[m.list, default: []].append((m.field, m.raw, SourceRef(file: doc.file, location: m.location)))
        }
        for list in order {
            let record = ExtractedRecord(
                source: SourceRef(file: doc.file, location: "table \(table.index), row \(row.index)"), values: byList[list] ?? [])
            doc.addRecord(record, to: list)
        }
    }

    // MARK: Label / value

    func readLabels(_ table: DocxTable, into doc: inout ExtractedDocument) {
        var consumed = Set<Int>()
        for (r, row) in table.rows.enumerated() where !consumed.contains(r) {
            let cells = row.contentCells
            var i = 0
            while i < cells.count {
                let cell = cells[i]
                guard let label = mapping.label(for: Self.plain(cell)) else {
                    let text = Self.plain(cell)
                    if cells.count >= 2, i + 1 < cells.count, cell.looksLikeLabel, mapping.list(forHeading: text) == nil {
                        doc.unmapped.append(UnmappedContent(label: text, source: source(doc, table, row, cell)))
                        i += cells.count % 2 == 0 ? 2 : 1
                    } else {
                        i += 1
                    }
                    continue
                }
                if i + 1 < cells.count, mapping.label(for: Self.plain(cells[i + 1])) == nil {
                    let value = cells[i + 1]
                    doc.add(label.path, label.mapped(DocxText.value(of: value.text)), at: source(doc, table, row, value).location)
                    i += 2
                    continue
                }
                if cells.count == 1, r + 1 < table.rows.count {
                    let next = table.rows[r + 1]
                    let below = next.contentCells
                    if below.count == 1, mapping.label(for: Self.plain(below[0])) == nil {
                        doc.add(label.path, label.mapped(DocxText.value(of: below[0].text)), at: source(doc, table, next, below[0]).location)
                        consumed.insert(r + 1)
                        i += 1
                        continue
                    }
                }
                // A label with no value cell: the slot exists, the school left it blank.
                doc.add(label.path, .text(""), at: source(doc, table, row, cell).location)
                i += 1
            }
        }
    }

    // MARK: Helpers

    func source(_ doc: ExtractedDocument, _ table: DocxTable, _ row: DocxRow, _ cell: DocxCell) -> SourceRef {
        SourceRef(file: doc.file, location: "table \(table.index), row \(row.index), cell \(cell.index)")
    }

    /// A cell's text without checkbox marks, tidied.
    static func plain(_ cell: DocxCell) -> String { TextFolding.clean(DocxText.stripMarks(cell.text)) }

    /// The table with each vertical-merge continuation cell holding the text of the cell it
    /// continues, so a merged "Area" cell belongs to every row it spans.
    static func fillingMerges(_ table: DocxTable) -> DocxTable {
        var out = table
        for r in out.rows.indices.dropFirst() {
            for c in out.rows[r].cells.indices where out.rows[r].cells[c].continuesMerge {
                let grid = out.rows[r].cells[c].gridStart
                if let above = out.rows[r - 1].cells.first(where: { $0.gridStart == grid }) {
                    out.rows[r].cells[c].paragraphs = above.paragraphs
                }
            }
        }
        return out
    }
}
