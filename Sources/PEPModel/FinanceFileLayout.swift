/// The layout of a PP+ finance file, as `Rules/exports/journal.yaml` or
/// `Rules/exports/payments.yaml` declares it: a header row, the lines, a trailer row (each a list
/// of columns, any of them may be empty), how dates and money are written, and the reference rule.
///
/// Every council's ledger import differs and none publishes one we could build in, so the file a
/// Finance or Admin team loads is data they can change without Swift, as the Eclipse layout is.
/// A run keeps the layout it was authorised with (in its settings snapshot), so a run finished
/// after a crash writes the very bytes it began with.
public struct FinanceFileLayout: Sendable, Hashable, Codable {
    /// Which file: the fields each row may use differ.
    public enum Kind: String, Sendable, Hashable, Codable {
        case journal, payments
    }

    /// One column: a field of the row, or a fixed text (`HEAD`, a ledger's constant code).
    public struct Column: Sendable, Hashable, Codable {
        public var name: String
        /// The field that fills it; nil for a fixed value.
        public var field: String?
        /// The fixed text when `field` is nil.
        public var value: String?

        public init(name: String, field: String? = nil, value: String? = nil) {
            (self.name, self.field, self.value) = (name, field, value)
        }
    }

    public var kind: Kind
    public var header: [Column]
    public var line: [Column]
    public var trailer: [Column]
    /// A row naming the line columns before the first line (for an import that maps by name).
    public var columnNames: Bool
    public var datePattern: DatePattern
    public var money: MoneyFormat
    /// The payment reference rule, of `{prefix}` (finance.yaml's `reference_prefix`), `{term}`
    /// (`AUT25`), `{run}` and `{payee}` (three digits each) and literal letters, digits and `-`.
    public var reference: String

    public init(
        kind: Kind, header: [Column], line: [Column], trailer: [Column], columnNames: Bool = false,
        datePattern: DatePattern = .iso, money: MoneyFormat = .pounds, reference: String
    ) {
        (self.kind, self.header, self.line, self.trailer, self.columnNames) = (kind, header, line, trailer, columnNames)
        (self.datePattern, self.money, self.reference) = (datePattern, money, reference)
    }

    /// The fields each part of a file may use, by kind: what the renderers fill in.
    public static func fields(_ kind: Kind) -> (header: [String], line: [String], trailer: [String]) {
        switch kind {
        case .journal:
            return (
                ["batch_id", "run", "date", "period", "financial_year", "source", "description", "line_count", "total_debit",
                 "total_credit", "prepared_by", "authorised_by"],
                ["line_no", "date", "side", "cost_centre", "subjective", "analysis_code", "debit", "credit", "amount", "school_urn",
                 "narrative", "reference", "kind"],
                ["line_count", "total_debit", "total_credit", "hash_total"]
            )
        case .payments:
            return (
                ["batch_id", "run", "date", "description", "payment_count", "total", "approver", "prepared_by", "authorised_by"],
                ["number", "date", "supplier_id", "payee_name", "payee_urn", "method", "sort_code", "account_number", "account_name",
                 "amount", "reference", "cost_centre", "subjective"],
                ["payment_count", "total"]
            )
        }
    }

    /// The longest reference the rule can make (a prefix of 4 letters), or nil when it lacks
    /// `{run}` or `{payee}` (references would repeat) or holds anything else.
    public static func referenceLength(_ rule: String) -> Int? {
        var rest = Substring(rule)
        var length = 0
        var seen = Set<String>()
        while let first = rest.first {
            if let token = ["{prefix}", "{term}", "{run}", "{payee}"].first(where: { rest.hasPrefix($0) }) {
                length += ["{prefix}": 4, "{term}": 5, "{run}": 3, "{payee}": 3][token]!
                seen.insert(token)
                rest = rest.dropFirst(token.count)
            } else if first.isASCII, first.isUppercase || first.isNumber || first == "-" {
                length += 1
                rest = rest.dropFirst()
            } else {
                return nil
            }
        }
        return seen.isSuperset(of: ["{run}", "{payee}"]) ? length : nil
    }

    /// The bank's limit on a payment reference (BACS: 18 characters).
    public static let bacsReferenceLimit = 18

    private static func columns(_ list: [(String, String)]) -> [Column] {
        list.map { $0.1.hasPrefix("=") ? Column(name: $0.0, value: String($0.1.dropFirst())) : Column(name: $0.0, field: $0.1) }
    }

    /// The journal as `Rules/exports/journal.yaml` ships it (research §8.5): HEAD, LINE and END rows.
    public static let standardJournal = FinanceFileLayout(
        kind: .journal,
        header: columns([
            ("record", "=HEAD"), ("batch_id", "batch_id"), ("journal_date", "date"), ("period", "period"), ("source", "source"),
            ("description", "description"), ("line_count", "line_count"), ("total_debit", "total_debit"),
            ("total_credit", "total_credit"), ("prepared_by", "prepared_by"), ("authorised_by", "authorised_by"),
        ]),
        line: columns([
            ("record", "=LINE"), ("line_no", "line_no"), ("dr_cr", "side"), ("cost_centre", "cost_centre"),
            ("subjective", "subjective"), ("analysis_code", "analysis_code"), ("debit", "debit"), ("credit", "credit"),
            ("school_urn", "school_urn"), ("narrative", "narrative"), ("reference", "reference"),
        ]),
        trailer: columns([
            ("record", "=END"), ("line_count", "line_count"), ("total_debit", "total_debit"), ("total_credit", "total_credit"),
            ("hash_total", "hash_total"),
        ]),
        reference: "{prefix}{term}-J{run}{payee}")

    /// The cheque/BACS batch as `Rules/exports/payments.yaml` ships it: HDR, PAY and TRL rows.
    public static let standardPayments = FinanceFileLayout(
        kind: .payments,
        header: columns([
            ("record", "=HDR"), ("batch_id", "batch_id"), ("payment_date", "date"), ("description", "description"),
            ("payment_count", "payment_count"), ("total", "total"), ("approver", "approver"), ("prepared_by", "prepared_by"),
        ]),
        line: columns([
            ("record", "=PAY"), ("n", "number"), ("supplier_id", "supplier_id"), ("payee_name", "payee_name"),
            ("payee_urn", "payee_urn"), ("method", "method"), ("sort_code", "sort_code"), ("account_number", "account_number"),
            ("account_name_18", "account_name"), ("amount", "amount"), ("reference_18", "reference"),
            ("cost_centre", "cost_centre"), ("subjective", "subjective"),
        ]),
        trailer: columns([("record", "=TRL"), ("payment_count", "payment_count"), ("total", "total")]),
        reference: "{prefix}{term}-{run}{payee}")
}
