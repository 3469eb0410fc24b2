/// The ledger codes and addresses PP+ finance files use (`Rules/finance.yaml`).
///
/// Codes differ per council, so none is built into the code.
public struct FinanceSettings: Sendable, Hashable, Codable {
    /// `source` in a journal header (research §8.5: `VS-PEP-PIPELINE`).
    public var journalSource: String
    /// The Virtual School's PP+ budget cost centre: debited on a journal, charged for a payment.
    public var vsCostCentre: String
    /// The subjective (account) code for PP+ grants to schools.
    public var subjective: String
    /// The analysis code; `{financial_year}` becomes e.g. `2025-26`.
    public var analysisCodePattern: String
    /// `prepared_by` in a journal header and `approver` in a payment batch.
    public var preparedBy: String
    /// Longest journal narrative the ledger accepts.
    public var narrativeMaxLength: Int
    /// First letters of a payment reference (`PP` gives `PPAUT25-001001`).
    public var referencePrefix: String
    /// `From:` of payment notices, e.g. `Virtual School Finance <vs-finance@example.gov.uk>`.
    public var noticeFrom: String
    /// The right-hand side of generated Message-IDs.
    public var messageIDDomain: String
    /// The payment notice's body, Mustache (`Rules/notices/payment.mustache`); nil for the
    /// built-in wording. Kept with each finance run like the codes above, so a run rendered
    /// again after a crash writes the very notice it was closed with.
    public var noticeTemplate: String?
    /// The workbench roles that may authorise a run (`authorisation.authorisers`): `vsh`,
    /// `finance`. Nil reads as the Virtual School Head only.
    public var authoriserRoles: [String]?
    /// `authorisation.single_person`: a Virtual School run by one person may prepare and
    /// authorise a run alone. Nil reads as false: two people.
    public var singlePerson: Bool?
    /// Set on a run's own copy at authorisation, with `preparedBy` set to the preparer: the
    /// journal and the payment batch then name both people.
    public var authorisedBy: String?
    /// `folders.finance` and `folders.admin`: where the Finance team picks up journals, held and
    /// reconciliation files, and where the Admin team picks up cheque/BACS batches and
    /// remittances; each relative to the output folder, or absolute. Nil: `finance`, and the
    /// finance folder for both. Kept with each run, so a run finished after a crash goes where
    /// it was meant to.
    public var financeFolder: String?
    public var adminFolder: String?
    /// `Rules/exports/journal.yaml` and `Rules/exports/payments.yaml`; nil (absent, or a run
    /// closed before layouts were declared) reads as the standard layouts.
    public var journalLayout: FinanceFileLayout?
    public var paymentsLayout: FinanceFileLayout?

    /// The journal's layout: the declared one, else the standard.
    public var journalFile: FinanceFileLayout { journalLayout ?? .standardJournal }
    /// The cheque/BACS batch's layout: the declared one, else the standard.
    public var paymentsFile: FinanceFileLayout { paymentsLayout ?? .standardPayments }

    /// Who may authorise: the roles given, else the VSH.
    public var authorisers: [String] { authoriserRoles ?? ["vsh"] }

    public init(
        journalSource: String = "VS-PEP-PIPELINE", vsCostCentre: String, subjective: String,
        analysisCodePattern: String = "PPPLUS-{financial_year}", preparedBy: String, narrativeMaxLength: Int = 30,
        referencePrefix: String = "PP", noticeFrom: String, messageIDDomain: String, noticeTemplate: String? = nil,
        authoriserRoles: [String]? = nil, singlePerson: Bool? = nil, financeFolder: String? = nil, adminFolder: String? = nil,
        journalLayout: FinanceFileLayout? = nil, paymentsLayout: FinanceFileLayout? = nil
    ) {
        (self.journalLayout, self.paymentsLayout) = (journalLayout, paymentsLayout)
        (self.financeFolder, self.adminFolder) = (financeFolder, adminFolder)
        (self.authoriserRoles, self.singlePerson) = (authoriserRoles, singlePerson)
        self.journalSource = journalSource
        self.vsCostCentre = vsCostCentre
        self.subjective = subjective
        self.analysisCodePattern = analysisCodePattern
        self.preparedBy = preparedBy
        self.narrativeMaxLength = narrativeMaxLength
        self.referencePrefix = referencePrefix
        self.noticeFrom = noticeFrom
        self.messageIDDomain = messageIDDomain
        self.noticeTemplate = noticeTemplate
    }

    /// The analysis code for a financial year such as `2025-26`.
    public func analysisCode(financialYear: String) -> String {
        analysisCodePattern.replacing("{financial_year}", with: financialYear)
    }
}
