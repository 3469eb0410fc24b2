import Foundation
import PEPModel

/// The text of a Word table as the body parser saw it: rows of cells with their grid positions
/// and merge marks. It holds only text (no XML), and is what the label/value and list rules read.
struct DocxTable {
    /// 1-based, in document order of the table's start (nested tables counted).
    var index: Int
    var rows: [DocxRow] = []
    /// Non-empty paragraphs just before the table, nearest first: candidates for its heading.
    var headingCandidates: [String]
}

struct DocxRow {
    /// 1-based within its table.
    var index: Int
    var cells: [DocxCell] = []
    /// Grid columns skipped before the first cell (`w:trPr/w:gridBefore`).
    var gridBefore = 0
    /// Values of `[]`-tagged content controls in this row: list, record field, value, location.
    var members: [(list: FieldPath, field: String, raw: RawValue, location: String)] = []

    /// The cells that carry content, without vertical-merge continuations.
    var contentCells: [DocxCell] { cells.filter { !$0.continuesMerge } }
}

struct DocxCell {
    /// 1-based ordinal within its row, as Word shows it.
    var index: Int
    /// First grid column (0-based) and the number of columns spanned (`w:gridSpan`).
    var gridStart = 0
    var gridSpan = 1
    /// A `w:vMerge` continuation: the cell above holds the content.
    var continuesMerge = false
    /// Shaded (a fill other than white or auto): how templates mark label cells.
    var shaded = false
    var paragraphs: [String] = []
    var boldCharacters = 0
    var characters = 0

    /// The cell's text: its paragraphs, one per line (checkbox marks kept).
    var text: String { paragraphs.joined(separator: "\n") }

    /// True when the cell is formatted the way template labels are: shaded, bold, or ending in
    /// a colon or question mark. Only such cells are reported as unmapped labels, so a value a
    /// school typed is never mistaken for a label and reported.
    var looksLikeLabel: Bool {
        // Trimmed and searched in Swift: Foundation's `trimmingCharacters` and `contains`
        // bridge to NSString, for every cell of every table.
        var t = Substring(DocxText.stripMarks(text))
        while t.first?.isWhitespace == true { t.removeFirst() }
        while t.last?.isWhitespace == true { t.removeLast() }
        guard !t.isEmpty, t.count <= 80, !t.utf8.contains(UInt8(ascii: "\n")) else { return false }
        return shaded || (characters > 0 && boldCharacters * 10 >= characters * 8) || t.last == ":" || t.last == "?"
    }
}
