import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPOutput

/// Fictional inputs shared by the output tests, and the golden-file helper.
enum OutputFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let rules = Repository.rules

    /// Names that appear in the fixtures and must never reach a finance file.
    static let childNames = ["Ava", "Testwood", "Leo", "Marchant", "Zara", "Whitcombe", "Harry", "Osei"]

    static func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso) ?? CalendarDate(dayNumber: 0) }

    /// 2025-12-12 09:30:00 UTC.
    static let sentAt = Date(timeIntervalSince1970: 1_765_531_800)

    static let finance = FinanceSettings(
        vsCostCentre: "VS4100", subjective: "E4510", analysisCodePattern: "PPPLUS-{financial_year}",
        preparedBy: "VS-PEP-PIPELINE", narrativeMaxLength: 30, referencePrefix: "PP",
        noticeFrom: "Virtual School Finance <vs-finance@virtualschool.example.gov.uk>",
        messageIDDomain: "pepqa.virtualschool.example.gov.uk")

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

    static func line(_ child: String, _ urn: String, _ pounds: Int, _ ref: String) -> PaymentLine {
        PaymentLine(childID: child, schoolURN: urn, term: .autumn, academicYear: "2025/26", amount: Pence(pounds * 100), sourceReference: ref)
    }

    static let approvedLines = [
        line("LA100002", "190002", 550, "S000002-R1"), line("LA100004", "190002", 400, "S000004-R1"),
        line("LA100013", "190003", 550, "S000013-R1"), line("LA100001", "190001", 550, "S000001-R1"),
        line("LA100003", "190001", 300, "S000003-R2"), line("LA100014", "190004", 250, "S000014-R1"),
        line("LA100099", "199999", 500, "S000099-R1"),
    ]

    static let ratingHeld = HeldItem(
        childID: "LA100005", schoolURN: "190001", term: .autumn, academicYear: "2025/26", amount: Pence(55_000), reason: .rating,
        note: "Held: the PEP is rated Red", sourceReference: "S000005-R1")

    static var run: PaymentRun { PaymentRunPlanner.plan(approvedLines, held: [ratingHeld], register: register) }

    /// Approved by the ledger: every approved line plus the Red PEP's request.
    static var approvedTotals: [TermKey: Pence] {
        [TermKey("2025/26", .autumn): approvedLines.reduce(Pence.zero) { $0 + $1.amount } + ratingHeld.amount]
    }

    static func feedbackSettings() throws -> FeedbackSettings {
        let dir = rules.appendingPathComponent("feedback")
        return FeedbackSettings(
            from: "Virtual School PEP Team <pep-team@virtualschool.example.gov.uk>",
            replyTo: "PEP Coordinators <pep-coordinators@virtualschool.example.gov.uk>",
            subject: "PEP quality assurance {{child_id}}, {{term}} {{academic_year}}: quality {{quality}}, compliance {{compliance}}",
            messageIDDomain: "pepqa.virtualschool.example.gov.uk",
            designatedTeacherTemplate: try String(contentsOf: dir.appendingPathComponent("designated-teacher.txt"), encoding: .utf8),
            socialWorkerTemplate: try String(contentsOf: dir.appendingPathComponent("social-worker.txt"), encoding: .utf8))
    }

    static let feedbackInput = FeedbackInput(
        childID: "LA100003", childFirstName: "Zoë", schoolName: "Riverside Academy", term: .autumn, academicYear: "2025/26",
        pepType: .review, meetingDate: date("2025-11-03"), receivedOn: date("2025-11-12"), assessable: true, quality: .amber,
        compliance: .green,
        failed: [
            .init(id: "TGT-02", title: "Targets are SMART", severity: .major, feedback: "Make each target measurable, with a date and who is responsible."),
            .init(id: "VOI-01", title: "Child's voice captured", severity: .minor, feedback: "Record the child's own words about school."),
        ],
        funding: [
            FundingDecision(requestIndex: 0, intervention: "Maths tutoring (1:1, 10 sessions)", requested: 40_000, approved: 40_000, status: .approved, note: "Approved"),
            FundingDecision(requestIndex: 1, intervention: "Laptop", requested: 65_000, approved: 15_000, status: .approved, note: "Part-approved up to the termly cap"),
        ],
        designatedTeacher: EmailAddress(name: "Mrs Claire Bowen", address: "c.bowen@riverside-academy.example.org"),
        socialWorker: EmailAddress(name: "Ms Priya Lang", address: "priya.lang@council.example.gov.uk"),
        reportStem: "LA100003-autumn-2025_26-3f2a9c1b7d", sentAt: sentAt)

    static let exportRecords = [
        ExportRecord(
            personID: "LA100001", upn: "A190001100001", pepType: .review, term: .autumn, academicYear: "2025/26",
            meetingDate: date("2025-10-06"), receivedDate: date("2025-10-14"), qaDate: date("2025-10-15"), qaOutcome: .green,
            qaCompliance: .green, status: .approved, nextPEPDue: date("2026-02-02"), settingURN: "190001",
            settingName: "Riverside Academy", designatedTeacher: "Mrs Claire Bowen", attendancePercent: Decimal(string: "94.5"),
            senStatus: .senSupport, ppPlusRequested: 55_000, ppPlusApproved: 55_000, documentHash: String(repeating: "ab", count: 32),
            kind: .new),
        ExportRecord(
            personID: "LA100005", upn: nil, pepType: .initial, term: .autumn, academicYear: "2025/26", meetingDate: date("2025-10-20"),
            receivedDate: date("2025-11-20"), qaDate: date("2025-11-21"), qaOutcome: .red, qaCompliance: .red, status: .returned,
            settingURN: "190002", settingName: "=HYPERLINK(\"http://evil.example\",\"Hillside, Primary\")",
            designatedTeacher: "Mr Sam Reyes", senStatus: SENStatus.none, documentHash: String(repeating: "cd", count: 32), kind: .update),
    ]

    /// Compares `text` with `Snapshots/<name>`; with `PEPQA_UPDATE_SNAPSHOTS=1` (or when the file
    /// is missing) writes it instead and fails, so a new snapshot is always looked at once.
    static func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent("Snapshots").appendingPathComponent(name)
        let update = ProcessInfo.processInfo.environment["PEPQA_UPDATE_SNAPSHOTS"] == "1"
        guard !update, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            if !update { Issue.record("recorded new snapshot \(name); check it and run again", sourceLocation: sourceLocation) }
            return
        }
        #expect(text == expected, "output differs from Snapshots/\(name)", sourceLocation: sourceLocation)
    }

    static func temporaryFolder() throws -> URL { try Repository.temporaryFolder("pepqa-output") }
}
