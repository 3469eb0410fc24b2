import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import PEPLedger
import PEPModel
import Testing

@testable import PEPWeb

/// Every page for every role (the roles table of the README), and the review flow end to end.
@Suite struct RouteTests {
    /// (path, the roles that may open it).
    static let pages: [(String, Set<UserRole>)] = [
        ("/", [.coordinator, .vsh, .admin]),
        ("/reviews/{id}", [.coordinator, .vsh, .admin]),
        ("/reviews/{id}/complete", [.coordinator]),
        ("/children", [.coordinator, .vsh, .finance, .admin]),
        ("/children/LA-1001", [.coordinator, .vsh, .finance, .admin]),
        ("/users", [.admin]),
        ("/ppplus", [.vsh, .finance]),
        ("/finance", [.vsh, .finance]),
    ]

    @Test(arguments: UserRole.allCases)
    func eachRoleOpensExactlyItsPages(role: UserRole) async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            try await browser.signIn(role.rawValue)
            for (path, allowed) in Self.pages {
                let uri = path.replacingOccurrences(of: "{id}", with: String(fixture.submissionID))
                let page = try await browser.get(uri)
                #expect(page.status == (allowed.contains(role) ? .ok : .forbidden), "\(role) \(uri)")
                if page.status == .ok {
                    #expect(page.body.contains("<main"), "\(uri)")
                    #expect(page.headers[.contentType] == "text/html; charset=utf-8")
                }
            }
        }
    }

    @Test func signInLandsEachRoleOnAPageItMayOpen() async throws {
        try await WebFixture().test { browser in
            try Task.checkCancellation()
            #expect(try await browser.signIn("finance").location == "/children")
        }
    }

    @Test func theWorklistShowsTheWaitingPEPAndTheRejectedDocument() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            try await browser.signIn("coordinator")
            let body = try await browser.get("/").body
            #expect(body.contains("LA-1001"))
            #expect(body.contains("/reviews/\(fixture.submissionID)"))
            #expect(body.contains("scan.pdf"))
            #expect(body.contains("not a PEP format (PDF)"))
            let filtered = try await browser.get("/?rating=red").body
            #expect(!filtered.contains("/reviews/\(fixture.submissionID)\""))
            #expect(try await browser.get("/?phase=early-primary&term=spring").status == .ok)
        }
    }

    @Test func aFileSetAsideWithoutARecordIsListedWithItsReason() async throws {
        let folder = NSTemporaryDirectory() + "pepweb-quarantine-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("huge".utf8).write(to: URL(fileURLWithPath: folder + "/20251001-000000-abcdefabcdef-huge.docx"))
        try Data("the file is larger than 25 MB\nwhen: 2025-10-01T00:00:00Z\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/20251001-000000-abcdefabcdef-huge.docx.reason"))
        let fixture = try WebFixture(edit: { $0.quarantineDir = folder })
        try await fixture.test { browser in
            try await browser.signIn("coordinator")
            let body = try await browser.get("/").body
            #expect(body.contains("huge.docx"))
            #expect(body.contains("the file is larger than 25 MB"))
        }
    }

    @Test func theReviewPageShowsWhatTheSchoolWroteBesideTheEvidence() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            try await browser.signIn("coordinator")
            let body = try await browser.get("/reviews/\(fixture.submissionID)").body
            #expect(body.contains("I like maths"))
            #expect(body.contains("$.child_voice"))
            #expect(body.contains("too short"))
            #expect(body.contains("Child&#39;s voice captured") || body.contains("Child's voice captured"))
        }
    }

    /// The QA clock runs from the meeting (8 Oct 2025 in the fixture), not from receipt
    /// (yesterday): with a 14-day clock QA was due 22 Oct 2025 and is long overdue.
    @Test func qaIsDueCountedFromTheMeetingOnTheClockTheServerIsGiven() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            try await browser.signIn("coordinator")
            let review = try await browser.get("/reviews/\(fixture.submissionID)").body
            #expect(review.contains("22 October 2025"))
            let worklist = try await browser.get("/").body
            #expect(worklist.contains("overdue"))
        }
    }

    @Test func anOverrideNeedsAReason() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            try await browser.signIn("coordinator")
            let page = try await browser.post(
                "/reviews/\(fixture.submissionID)/criteria/V1",
                form: [("csrf", try await browser.csrf()), ("outcome", "pass"), ("reason", "  ")])
            #expect(page.status == .badRequest)
            #expect(page.body.contains("There is a problem"))
            #expect(try fixture.ledger.reviews.overrides(submissionID: fixture.submissionID).isEmpty)
        }
    }

    @Test func overridingAndCompletingQAIsRecordedAndAudited() async throws {
        let fixture = try WebFixture()
        let id = fixture.submissionID
        try await fixture.test { browser in
            try await browser.signIn("coordinator")
            let csrf = try await browser.csrf()
            #expect(
                try await browser.post(
                    "/reviews/\(id)/criteria/V1",
                    form: [("csrf", csrf), ("outcome", "pass"), ("reason", "The voice is in the attached letter")]
                ).status == .seeOther)
            #expect(
                try await browser.post(
                    "/reviews/\(id)/overall/quality", form: [("csrf", csrf), ("rating", "green"), ("reason", "Good plan")]
                ).status == .seeOther)
            let check = try await browser.get("/reviews/\(id)/complete")
            #expect(check.body.contains("Check your answers"))
            #expect(check.body.contains("The voice is in the attached letter"))
            #expect(try fixture.ledger.reviews.completion(submissionID: id) == nil)
            let done = try await browser.post("/reviews/\(id)/complete", form: [("csrf", csrf)])
            #expect(done.location == "/?notice=completed")
            let worklist = try await browser.get("/?notice=completed").body
            #expect(worklist.contains("QA completed"))
            #expect(!worklist.contains("/reviews/\(id)\""))
            let review = try await browser.get("/reviews/\(id)").body
            #expect(review.contains("QA completed by coordinator"))
            #expect(!review.contains("/criteria/V1\""))
            #expect(
                try await browser.post("/reviews/\(id)/criteria/V1", form: [("csrf", csrf), ("outcome", "fail"), ("reason", "x")])
                    .status == .conflict)
        }
        let completion = try #require(try fixture.ledger.reviews.completion(submissionID: id))
        #expect(completion.officer == "coordinator")
        #expect(completion.quality == .green)
        #expect(completion.compliance == .green)
        let actions = try fixture.ledger.audit.events(submissionID: id).map(\.entry.action)
        #expect(actions == ["qa.override", "qa.override", "qa.complete"])
        let override = try #require(try fixture.ledger.audit.events(submissionID: id).first)
        #expect(override.entry.actor == "coordinator")
        #expect(override.entry.before == "fail")
        #expect(override.entry.after == "pass")
        #expect(override.entry.reason == "The voice is in the attached letter")
    }

    @Test func aClarificationGoesToTheOutboxAndThePEPWaits() async throws {
        let fixture = try WebFixture()
        let id = fixture.submissionID
        try await fixture.test { browser in
            try await browser.signIn("coordinator")
            let page = try await browser.post(
                "/reviews/\(id)/clarification",
                form: [("csrf", try await browser.csrf()), ("message", "Please send the child's own words.")])
            #expect(page.location == "/?notice=clarification")
            #expect(try await browser.get("/").body.contains("Clarification"))
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: fixture.outDir + "/outbox")
        #expect(files.count == 1)
        #expect(files.first?.hasPrefix("clarification-\(id)-") == true)
        #expect(try fixture.ledger.audit.events(submissionID: id).map(\.entry.action) == ["qa.clarification"])
    }

    @Test func aRejectedDocumentCanBeMarkedNotAPEP() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            try await browser.signIn("coordinator")
            let page = try await browser.post(
                "/documents/\(fixture.rejectedID)/dispose",
                form: [("csrf", try await browser.csrf()), ("action", "not-a-pep"), ("note", "A scanned letter")])
            #expect(page.location == "/?notice=disposed")
            let body = try await browser.get("/").body
            #expect(body.contains("scan.pdf"))
            #expect(body.contains("Marked not a PEP"))
        }
        #expect(try fixture.ledger.audit.events(submissionID: fixture.rejectedID).map(\.entry.action) == ["document.not-a-pep"])
    }

    @Test func theChildPageShowsEveryPEPWithItsRatings() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            try await browser.signIn("vsh")
            let body = try await browser.get("/children/LA-1001").body
            #expect(body.contains("Autumn 2025/26"))
            #expect(body.contains("Amber"))
            #expect(try await browser.get("/children/LA-9999").status == .notFound)
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        try await WebFixture().test { browser in
            try await browser.signIn("coordinator")
            let csrf = try await browser.csrf()
            #expect(try await browser.post("/logout", form: [("csrf", csrf)]).location == "/login")
            #expect(try await browser.get("/").location == "/login")
        }
    }
}
