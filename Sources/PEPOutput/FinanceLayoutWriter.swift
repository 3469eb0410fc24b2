import PEPModel

/// Writes a finance file in a declared `FinanceFileLayout`: the renderers hand it each row's
/// fields by name, the layout picks, orders, names and formats them. One writer for the
/// journal and the payment batch, so both honour the same keys the same way.
struct FinanceLayoutWriter {
    let layout: FinanceFileLayout
    private var csv = CSVWriter()

    init(_ layout: FinanceFileLayout) { self.layout = layout }

    /// An amount as the layout writes money: `550.00` or `55000`.
    func money(_ amount: Pence) -> CSVWriter.Cell {
        .number(layout.money == .pence ? String(amount.value) : amount.decimalString)
    }

    /// A date as the layout writes it.
    func date(_ date: CalendarDate) -> CSVWriter.Cell { .text(layout.datePattern.format(date)) }

    mutating func header(_ fields: [String: CSVWriter.Cell]) { row(layout.header, fields) }

    /// The first line also writes the column names row when the layout asks for it.
    mutating func line(_ fields: [String: CSVWriter.Cell]) {
        if layout.columnNames, !wroteNames {
            csv.row(layout.line.map { CSVWriter.Cell.text($0.name) })
            wroteNames = true
        }
        row(layout.line, fields)
    }

    private var wroteNames = false

    mutating func trailer(_ fields: [String: CSVWriter.Cell]) { row(layout.trailer, fields) }

    var text: String { csv.text }

    private mutating func row(_ columns: [FinanceFileLayout.Column], _ fields: [String: CSVWriter.Cell]) {
        guard !columns.isEmpty else { return }
        csv.row(columns.map { column in column.field.map { fields[$0] ?? .text("") } ?? .text(column.value ?? "") })
    }
}

extension PaymentBatchInfo {
    /// The reference for the n-th payee (1-based) by a layout's rule: `{prefix}` `{term}`
    /// `{run}` (the run's number mod 1000) `{payee}`, three digits each.
    package func reference(rule: String, prefix: String, payee: Int) -> String {
        func pad3(_ n: Int) -> String { let s = String(n % 1000); return String(repeating: "0", count: 3 - s.count) + s }
        return rule.replacing("{prefix}", with: prefix).replacing("{term}", with: termCode)
            .replacing("{run}", with: pad3(sequence)).replacing("{payee}", with: pad3(payee))
    }
}
