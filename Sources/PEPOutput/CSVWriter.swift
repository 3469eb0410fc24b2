/// Builds RFC 4180 CSV text: CRLF line ends, fields quoted when they hold a comma, quote or
/// line break, quotes doubled.
///
/// Every cell is also guarded against CSV formula injection: a cell that begins with `=`, `+`,
/// `-`, `@`, tab or carriage return is prefixed with an apostrophe, so a spreadsheet opening an
/// export or a finance file shows the text instead of running it (OWASP "CSV Injection").
/// Numbers the renderers write themselves (amounts, counts) go through `number(_:)` unguarded,
/// so a negative amount stays a number.
package struct CSVWriter: Sendable {
    private(set) package var text = ""

    package init() {}

    /// A cell of text from a document or a register: guarded and quoted as needed.
    package enum Cell: Sendable, Hashable, ExpressibleByStringLiteral {
        case text(String)
        /// A value the program formatted (an amount, a count): quoted if needed, never prefixed.
        case number(String)

        package init(stringLiteral value: String) { self = .text(value) }
    }

    package mutating func row(_ cells: [Cell]) {
        text += cells.map(Self.encode).joined(separator: ",") + "\r\n"
    }

    package mutating func row(_ cells: [String]) {
        row(cells.map(Cell.text))
    }

    /// The characters that make a spreadsheet read a cell as a formula.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// Prefixes a formula-like cell with an apostrophe.
    package static func guardFormula(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, formulaStarts.contains(Character(first)) else { return value }
        return "'" + value
    }

    static func encode(_ cell: Cell) -> String {
        let value: String
        switch cell {
        case .text(let t): value = guardFormula(t)
        case .number(let n): value = n
        }
        // By bytes: these are all ASCII, and a Character walk costs more than the rest of the row.
        let needsQuotes = value.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}
