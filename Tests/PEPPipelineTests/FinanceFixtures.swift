import Foundation
import PEPModel
import PEPOutput
import PEPTestSupport
import Testing

@testable import PEPLedger
@testable import PEPPipeline

/// Fictional decisions, register and settings for the finance file tests. The run is planned by
/// the pipeline's own `FinancePlanner` and turned into lines by `FinanceRunRenderer`, as at close.
enum FinanceFixtures {
    /// Names that appear in the fixtures and must never reach a finance file.
    static let childNames = ["Ava", "Testwood", "Leo", "Marchant", "Zara", "Whitcombe", "Harry", "Osei"]

    static func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso) ?? CalendarDate(dayNumber: 0) }

    /// 2025-12-12 09:30:00 UTC.
    static let sentAt = Date(timeIntervalSince1970: 1_765_531_800)

    /// Prepared by a finance officer, authorised by the VSH.
    static let finance: FinanceSettings = {
        var settings = FinanceSettings(
        vsCostCentre: "VS4100", subjective: "E4510", analysisCodePattern: "PPPLUS-{financial_year}",
        preparedBy: "finance-officer", narrativeMaxLength: 30, referencePrefix: "PP",
        noticeFrom: "Virtual School Finance <vs-finance@virtualschool.example.gov.uk>",
        messageIDDomain: "pepqa.virtualschool.example.gov.uk")
        settings.authorisedBy = "vsh"
        return settings
    }()

    static let register = SchoolRegister([
        SchoolRecord(
            urn: "190001", name: "Riverside Academy", route: .cheque, supplierID: "SUP40211", payeeName: "Riverside Academy Trust",
            sortCode: "401102", accountNumber: "21456783", bacsAccountName: "RIVERSIDE ACAD TR",
            remittanceEmail: "bursar@riverside-academy.example.org"),
        SchoolRecord(urn: "190002", name: "Hillside Primary School", route: .journal, costCentre: "SCH2002", remittanceEmail: "finance@hillside-primary.example.sch.uk"),
        SchoolRecord(urn: "190003", name: "Oakfield Community School", route: .journal, costCentre: "SCH2003", remittanceEmail: "office@oakfield-community.example.sch.uk"),
        SchoolRecord(
            urn: "190004", name: "St Hilda's CE Primary School", route: .cheque, supplierID: "SUP40377",
            payeeName: "St Hilda's CE Primary School", remittanceEmail: "bursar@st-hildas.example.sch.uk"),
    ])

    static let batch = PaymentBatchInfo(sequence: 7, date: date("2025-12-12"), term: .autumn, academicYear: "2025/26")

    /// A decision of the ledger for one PP+ request, referenced `S<submission>-R<request + 1>`.
    static func decision(
        _ child: String, _ urn: String, _ pounds: Int, submission: Int64, request: Int = 0,
        status: DecisionRecord.Status = .approved, reason: FundingDecision.HoldReason? = nil, note: String = "Approved"
    ) -> DecisionRecord {
        DecisionRecord(
            id: submission * 10 + Int64(request), submissionID: submission, runID: submission, childLAID: child,
            schoolURN: urn, term: .autumn, academicYear: AcademicYear(startYear: 2025),
            financialYear: FinancialYear(startYear: 2025), requestIndex: request, intervention: "Tutoring",
            requested: Pence(pounds * 100), approved: status == .approved ? Pence(pounds * 100) : .zero, status: status,
            reason: reason, note: note, createdAt: sentAt, batchID: nil, vshVerdict: status == .approved ? .approve : nil,
            vshAmount: status == .approved ? Pence(pounds * 100) : nil)
    }

    static let approved = [
        decision("LA100002", "190002", 550, submission: 2), decision("LA100004", "190002", 400, submission: 4),
        decision("LA100013", "190003", 550, submission: 13), decision("LA100001", "190001", 550, submission: 1),
        decision("LA100003", "190001", 300, submission: 3, request: 1), decision("LA100014", "190004", 250, submission: 14),
        decision("LA100099", "199999", 500, submission: 99),
    ]

    static let ratingHeld = decision(
        "LA100005", "190001", 550, submission: 5, status: .held, reason: .rating, note: "Held: the PEP is rated Red")

    /// The run as a finance close plans it, in the lines the finance files are rendered from.
    static var run: PaymentRun {
        let plan = FinancePlanner.plan(approved: approved, held: [ratingHeld], register: register)
        let byID = Dictionary(uniqueKeysWithValues: (approved + [ratingHeld]).map { ($0.id, $0) })
        func decisions(_ items: [BatchItem]) -> [DecisionRecord] { items.compactMap { byID[$0.decisionID] } }
        do {
            return try FinanceRunRenderer.paymentRun(
                journal: decisions(plan.journal), cheque: decisions(plan.cheque),
                held: plan.held.compactMap { entry in byID[entry.decisionID].map { (entry, $0) } })
        } catch {
            fatalError("the fixture decisions are incomplete: \(error)")
        }
    }

    /// The ledger's figures for the run: per school, the VSH's approvals, what this run pays,
    /// what is still to pay (the school not in the register) and held (the Red PEP's request).
    static var figures: [ReconciliationFigures] {
        func f(_ urn: String, approved: Int, paid: Int, toPay: Int = 0, held: Int = 0) -> ReconciliationFigures {
            ReconciliationFigures(
                academicYear: "2025/26", term: .autumn, schoolURN: urn, approved: Pence(approved * 100), paid: Pence(paid * 100),
                reversed: .zero, toPay: Pence(toPay * 100), held: Pence(held * 100), runPaid: Pence(paid * 100), runReversed: .zero)
        }
        return [
            f("190001", approved: 850, paid: 850, held: 550), f("190002", approved: 950, paid: 950),
            f("190003", approved: 550, paid: 550), f("190004", approved: 250, paid: 250), f("199999", approved: 500, paid: 0, toPay: 500),
        ]
    }

    /// Compares `text` with `Snapshots/<name>` (see `Snapshot` for how to regenerate).
    static func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let problem = try Snapshot.problem(text, named: name)
        #expect(problem == nil, "\(problem ?? "")", sourceLocation: sourceLocation)
    }
}
