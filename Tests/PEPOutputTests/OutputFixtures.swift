import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPOutput

/// Fictional inputs shared by the output tests, and the golden-file helper.
enum OutputFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let rules = Repository.rules

    static func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso) ?? CalendarDate(dayNumber: 0) }

    /// 2025-12-12 09:30:00 UTC.
    static let sentAt = Date(timeIntervalSince1970: 1_765_531_800)

    static func feedbackSettings() throws -> FeedbackSettings {
        let dir = rules.appendingPathComponent("feedback")
        return FeedbackSettings(
            from: "Virtual School PEP Team <pep-team@virtualschool.example.gov.uk>",
            replyTo: "PEP Coordinators <pep-coordinators@virtualschool.example.gov.uk>",
            subject: "PEP quality assurance {{child_id}}, {{term}} {{academic_year}}: quality {{quality}}, compliance {{compliance}}",
            messageIDDomain: "pepqa.virtualschool.example.gov.uk",
            designatedTeacherTemplate: try String(contentsOf: dir.appendingPathComponent("designated-teacher.mustache"), encoding: .utf8),
            socialWorkerTemplate: try String(contentsOf: dir.appendingPathComponent("social-worker.mustache"), encoding: .utf8))
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

    /// Compares `text` with `Snapshots/<name>` (see `Snapshot` for how to regenerate).
    static func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let problem = try Snapshot.problem(text, named: name)
        #expect(problem == nil, "\(problem ?? "")", sourceLocation: sourceLocation)
    }

    static func temporaryFolder() throws -> URL { try Repository.temporaryFolder("pepqa-output") }
}
