import Foundation
import PEPModel
import Testing

@testable import PEPOutput

enum DashboardFixture {
    static func entry(_ id: String, _ q: Rating, _ c: Rating, days: Int?, held: Int = 0) -> DashboardEntry {
        DashboardEntry(
            childID: id, childName: "", schoolName: "Riverside Academy", quality: q, compliance: c,
            meetingDate: OutputFixtures.date("2025-11-03"), receivedOn: OutputFixtures.date("2025-11-10"), qaWorkingDaysLeft: days,
            ppRequested: 55_000, ppApproved: Pence(55_000 - held), ppHeld: Pence(held), reportStem: "\(id)-autumn-2025_26-0123456789")
    }

    static var term: DashboardTerm {
        DashboardTerm(
            key: TermKey("2025/26", .autumn),
            entries: [
                entry("LA100001", .green, .green, days: nil), entry("LA100002", .amber, .green, days: 4),
                entry("LA100005", .red, .amber, days: -2, held: 55_000), entry("LA100007", .amber, .red, days: 0),
            ],
            roster: [RosterEntry(childID: "LA100001"), RosterEntry(childID: "LA100013", schoolName: "Oakfield Community School", yearGroup: "2")],
            deadline: OutputFixtures.date("2025-11-28"), today: OutputFixtures.date("2025-12-01"))
    }
}

private func page(_ name: String) throws -> String {
    try #require(DashboardSite.pages([DashboardFixture.term]).first { $0.name == name }).html
}

@Test func rendersAnIndexTheUnplacedListAndFivePagesPerTerm() {
    let names = DashboardSite.pages([DashboardFixture.term]).map(\.name)
    #expect(names == [
        "index.html", "unplaced.html", "term-2025-26-autumn.html", "term-2025-26-autumn-red.html", "term-2025-26-autumn-amber.html",
        "term-2025-26-autumn-overdue.html", "term-2025-26-autumn-missing.html",
    ])
}

@Test func redPageListsOnlyRedPEPs() throws {
    let html = try page("term-2025-26-autumn-red.html")
    #expect(html.contains("reports/LA100005-autumn-2025_26-0123456789.html"))
    #expect(!html.contains("reports/LA100002-") && !html.contains("reports/LA100001-"))
}

@Test func overduePageShowsTheDaysOverdue() throws {
    let html = try page("term-2025-26-autumn-overdue.html")
    #expect(html.contains("overdue by 2 working days"))
    #expect(!html.contains("reports/LA100007-"))
}

@Test func missingPageFlagsRosterChildrenPastTheDeadline() throws {
    let html = try page("term-2025-26-autumn-missing.html")
    #expect(html.contains("LA100013") && html.contains("Past deadline"))
    #expect(!html.contains("<td>LA100001"))
}

@Test func pagesLoadNothingFromOutsideAndRunNoScript() {
    for p in DashboardSite.pages([DashboardFixture.term]) {
        #expect(!p.html.contains("<script"))
        #expect(!p.html.contains("src=\"http") && !p.html.contains("href=\"http") && !p.html.contains("<link"))
    }
}

@Test func termPageCountsEachRating() throws {
    let html = try page("term-2025-26-autumn.html")
    #expect(html.contains("<tr><th>Quality</th><td>1</td><td>2</td><td>1</td><td>0</td>"))
    #expect(html.contains("Red (1)") && html.contains("QA overdue (1)") && html.contains("No PEP yet (1)"))
}

@Test func theIndexSaysNothingOfUnplacedDocumentsWhenThereAreNone() {
    let index = DashboardSite.pages([]).first { $0.name == "index.html" }?.html ?? ""
    #expect(index.contains("No PEPs yet."))
    #expect(!index.contains("not placed in a term"))
}

@Test func theIndexCountsUnplacedDocumentsEvenWithNoTermsAndTheirPageListsThem() {
    let doc = UnplacedDocument(
        fileName: "letter <1>.docx", receivedOn: CalendarDate(iso: "2025-10-16")!, missing: "no child ID", assessable: false,
        reportStem: "unknown-term-year-abc")
    let pages = DashboardSite.pages([], unplaced: [doc], reportsHref: "../reports/")
    let index = pages.first { $0.name == "index.html" }?.html ?? ""
    #expect(index.contains("Documents not placed in a term (1)"))
    #expect(index.contains("href=\"unplaced.html\""))
    let list = pages.first { $0.name == "unplaced.html" }?.html ?? ""
    #expect(list.contains("href=\"../reports/unknown-term-year-abc.html\">letter &lt;1&gt;.docx</a>"))
    #expect(list.contains("Could not assess"))
}

@Test func trackerPagesShowMarkupFromTheRegisterAsText() {
    let row = TrackerRow(
        childID: "LA<b>1</b>", schoolName: "<script>alert(1)</script>", yearGroup: "9", state: .noMeetingPlanned,
        submissionID: nil, onRegister: true)
    let page = TrackerPages.term(.init(label: "Autumn 2025/26", stem: "2025-26-autumn", rows: [row]))
    #expect(!page.contains("<script>alert"))
    #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(page.contains("LA&lt;b&gt;1&lt;/b&gt;"))
    let index = TrackerPages.index(
        terms: [], initial: [], figures: [], registerLine: "from <i>export</i>.csv", skipped: 1,
        refreshed: CalendarDate(year: 2025, month: 12, day: 1)!)
    #expect(index.contains("from &lt;i&gt;export&lt;/i&gt;.csv"))
    #expect(index.contains("1 row(s) of the register export were skipped"))
}
