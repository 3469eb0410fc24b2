import Foundation
import PEPModel
import Testing

@testable import PEPPipeline

private func page(_ s: ProcessedSamples, _ name: String) throws -> String {
    try text(s.dashboard.appendingPathComponent(name))
}

@Test func theRosterPageListsChildrenWithNoPEPThisTermPastTheDeadline() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    try s.pipeline.outputs.publish(now: outputNow)
    let missing = try page(s, "term-2025-26-autumn-missing.html")
    for child in ["LA100013", "LA100014", "LA100015"] { #expect(missing.contains(child)) }
    #expect(!missing.contains(">LA100001<"))
    #expect(missing.contains("has passed"))
    // The roster is set against the current term only.
    #expect(try page(s, "term-2025-26-spring-missing.html").contains("Every child on the roster has a PEP"))
}

@Test func aPEPRunsOverdueFromItsMeetingUntilACoordinatorCompletesQA() throws {
    let s = try ProcessedSamples(completingQA: false)
    defer { s.remove() }
    let ledger = s.pipeline.ledger
    let done = try #require(try ledger.reviews.worklist().first { $0.quality == .green && $0.compliance == .green })
    let user = try ledger.users.add(
        name: "alice", passwordHash: "$2b$04$abcdefghijklmnopqrstuu5Bf3nqgTq3XtmeZw0ZpTj8Gf1d3tC6", role: .coordinator,
        phase: nil, actor: "test", at: outputNow)
    try ledger.reviews.complete(
        submissionID: done.submissionID, runID: done.runID, quality: done.quality, compliance: done.compliance, by: user,
        at: outputNow)
    try s.pipeline.outputs.publish(now: outputNow)
    let overdue = try page(s, "term-2025-26-autumn-overdue.html")
    // LA100006's meeting was 8 Oct: QA was due 22 Oct, whatever the machine rated it.
    #expect(overdue.contains("LA100006"))
    #expect(overdue.contains("overdue by"))
    #expect(!overdue.contains("\(done.childLAID ?? "?")<"), "QA completed: the clock stopped")
    #expect(
        overdue.components(separatedBy: ">LA100005</a>").count == 2,
        "one line for LA100005: its Red PEP was superseded by the resubmission, whose QA still waits")
}

@Test func everyDashboardLinkToAReportResolves() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    let summary = try s.pipeline.outputs.publish(now: outputNow)
    #expect(summary.dashboardPagesWritten > 5)
    var links = 0
    for (name, data) in contents(of: s.dashboard) {
        let html = String(decoding: data, as: UTF8.self)
        for match in html.matches(of: /href="\.\.\/reports\/([^"]+)"/) {
            links += 1
            let file = s.reports.appendingPathComponent(String(match.1))
            #expect(FileManager.default.fileExists(atPath: file.path), "\(name) links to a missing \(match.1)")
        }
    }
    #expect(links > 10)
}

@Test func theDashboardNamesSchoolsAndLinksEachTermFromTheIndex() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    try s.pipeline.outputs.publish(now: outputNow)
    let autumn = try page(s, "term-2025-26-autumn.html")
    #expect(autumn.contains("Riverside Academy") && autumn.contains("Hillside Primary School"))
    #expect(try page(s, "index.html").contains("term-2025-26-autumn.html"))
}

@Test func aDocumentThatNamesNoChildOrTermIsCountedOnTheIndexAndListedWithItsReport() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    try s.pipeline.outputs.publish(now: outputNow)
    #expect(try page(s, "index.html").contains("Documents not placed in a term (1)"))
    let index = try page(s, "unplaced.html")
    #expect(index.contains("pep-free-text-unstructured.docx"))
    #expect(index.contains("no child ID, no term, no academic year"))
    let link = try #require(index.firstMatch(of: /href="\.\.\/reports\/(unknown-[^"]+\.html)"/)?.1)
    #expect(FileManager.default.fileExists(atPath: s.reports.appendingPathComponent(String(link)).path))
}
