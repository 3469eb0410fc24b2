/// An RFC 4180 CSV file read into rows keyed by header name, each row remembering the line it
/// started on so that errors can say `file:line`.
struct OutputCSVTable {
    struct Row {
        var line: Int
        var cells: [String: String]
        subscript(_ key: String) -> String { cells[key, default: ""] }
    }

    var header: [String]
    var rows: [Row]

    /// Parses `text`. Blank lines and lines starting with `#` (outside quotes) are skipped.
    /// - Throws: `OutputConfigError` for an unterminated quote, a row with too many cells, or a
    ///   missing required column.
    init(text: String, file: String, required: [String]) throws {
        let records = try Self.records(text, file: file)
        guard let first = records.first else { throw OutputConfigError(file: file, line: 1, message: "the file is empty: a header row is needed") }
        header = first.cells.map { $0.outputConfigTrimmed.lowercased() }
        for column in required where !header.contains(column) {
            throw OutputConfigError(file: file, line: first.line, message: "missing column `\(column)` in the header")
        }
        rows = []
        for record in records.dropFirst() {
            guard record.cells.count <= header.count else {
                throw OutputConfigError(file: file, line: record.line, message: "\(record.cells.count) cells but the header has \(header.count)")
            }
            var cells: [String: String] = [:]
            for (i, value) in record.cells.enumerated() { cells[header[i]] = value.outputConfigTrimmed }
            rows.append(Row(line: record.line, cells: cells))
        }
    }

    /// Splits text into records of cells, honouring quotes (which may span lines).
    static func records(_ text: String, file: String) throws -> [(line: Int, cells: [String])] {
        var out: [(line: Int, cells: [String])] = []
        var cells: [String] = []
        var cell = ""
        var inQuotes = false
        var line = 1
        var startLine = 1
        var chars = Array(text.unicodeScalars.map(Character.init))
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endRecord() {
            cells.append(cell)
            let blank = cells.count == 1 && cells[0].outputConfigTrimmed.isEmpty
            let comment = cells.first?.hasPrefix("#") == true
            if !blank && !comment { out.append((startLine, cells)) }
            cells = []
            cell = ""
        }
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" {
                        cell.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    cell.append(c)
                }
            } else if c == "\"" && cell.isEmpty {
                inQuotes = true
            } else if c == "," {
                cells.append(cell)
                cell = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", i + 1 < chars.count, chars[i + 1] == "\n" { i += 1 }
                endRecord()
                line += 1
                startLine = line
            } else {
                cell.append(c)
            }
            i += 1
        }
        if inQuotes { throw OutputConfigError(file: file, line: startLine, message: "a quoted cell is never closed") }
        if !cell.isEmpty || !cells.isEmpty { endRecord() }
        return out
    }
}

extension StringProtocol {
    /// Without leading and trailing white space.
    var outputConfigTrimmed: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
