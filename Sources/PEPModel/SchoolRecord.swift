/// How PP+ reaches a school: a ledger journal (LA-maintained schools on the council's ledger) or
/// a payment through Accounts Payable (academies, out-of-area and independent settings).
///
/// The route always comes from the school register, never from a PEP (research §5.4).
public enum PaymentRoute: String, Sendable, Hashable, Codable, CaseIterable {
    case journal
    case cheque
}

/// One setting in the school register (`Rules/schools.csv`): where and how its PP+ is paid.
///
/// Bank details live here only, never in a PEP. A cheque-route school with a sort code and
/// account number is paid by BACS; without them, by paper cheque.
public struct SchoolRecord: Sendable, Hashable, Codable {
    /// The DfE URN (6 digits), the join key with `school.urn` in a PEP.
    public var urn: String
    public var name: String
    public var route: PaymentRoute
    /// The school's cost centre (credited on a journal).
    public var costCentre: String
    /// Accounts Payable supplier ID (cheque route).
    public var supplierID: String
    /// Who a cheque or BACS credit is made out to.
    public var payeeName: String
    /// Six digits, no dashes; empty for journal schools and paper cheques.
    public var sortCode: String
    /// Eight digits; empty for journal schools and paper cheques.
    public var accountNumber: String
    /// The BACS destination account name (at most 18 characters, BACS character set).
    public var bacsAccountName: String
    /// Where payment notices and remittance advice go (the school bursar).
    public var remittanceEmail: String

    public init(
        urn: String, name: String, route: PaymentRoute, costCentre: String = "", supplierID: String = "",
        payeeName: String = "", sortCode: String = "", accountNumber: String = "", bacsAccountName: String = "",
        remittanceEmail: String = ""
    ) {
        self.urn = urn
        self.name = name
        self.route = route
        self.costCentre = costCentre
        self.supplierID = supplierID
        self.payeeName = payeeName
        self.sortCode = sortCode
        self.accountNumber = accountNumber
        self.bacsAccountName = bacsAccountName
        self.remittanceEmail = remittanceEmail
    }

    /// True when the school is paid by BACS credit (cheque route with bank details).
    public var paidByBACS: Bool { route == .cheque && !sortCode.isEmpty && !accountNumber.isEmpty }
}

/// The whole school register, looked up by URN.
public struct SchoolRegister: Sendable, Hashable {
    public private(set) var records: [SchoolRecord]
    private var byURN: [String: Int]

    public init(_ records: [SchoolRecord]) {
        self.records = records
        var index: [String: Int] = [:]
        for (i, r) in records.enumerated() where index[r.urn] == nil { index[r.urn] = i }
        self.byURN = index
    }

    public subscript(urn: String) -> SchoolRecord? {
        byURN[urn].map { records[$0] }
    }
}
