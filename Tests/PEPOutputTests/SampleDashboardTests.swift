import Foundation
import PEPModel
import Testing

@testable import PEPOutput

/// A realistic two-term dashboard: every page against its golden file in `Snapshots/dashboard/`,
/// and written to disk for `scripts/screenshot-dashboard.sh` to open in a real browser. The
/// folder is `PEPQA_DASHBOARD_OUT` when set, else a temporary one.
@Test func writesASampleDashboardSiteToDisk() throws {
    let env = ProcessInfo.processInfo.environment["PEPQA_DASHBOARD_OUT"]
    let folder = try env.map { URL(fileURLWithPath: $0) } ?? OutputFixtures.temporaryFolder()
    let d = OutputFixtures.date
    let schools = ["Riverside Academy", "Hillside Primary School", "Oakfield Community School", "St Hilda's CE Primary School"]
    let names = ["Ava Testwood", "Leo Marchant", "Mia Okafor", "Noah Brennan", "Isla Dunmore", "Ethan Kowalski", "Ruby Achebe", "Oscar Lindqvist", "Freya Nakamura", "Jack Moreau"]
    let ratings: [(Rating, Rating, Bool)] = [
        (.green, .green, true), (.amber, .green, true), (.red, .amber, true), (.green, .red, true), (.amber, .amber, true),
        (.green, .green, true), (.red, .red, true), (.amber, .green, false), (.green, .amber, true), (.amber, .green, true),
    ]
    let autumn = (0..<10).map { i -> DashboardEntry in
        let (q, c, assessable) = ratings[i]
        let requested = Pence([55_000, 40_000, 55_000, 0, 30_000][i % 5])
        let held = q == .red || !assessable ? requested : .zero
        return DashboardEntry(
            childID: "LA1000\(String(format: "%02d", i + 1))", childName: names[i], schoolName: schools[i % 4], assessable: assessable,
            quality: q, compliance: c, meetingDate: d("2025-10-\(String(format: "%02d", 6 + i))"),
            receivedOn: d("2025-11-\(String(format: "%02d", 3 + i))"), qaWorkingDaysLeft: [nil, 6, -3, 1, 0, nil, -1, 8, nil, 4][i],
            ppRequested: requested, ppApproved: requested - held, ppHeld: held,
            reportStem: "LA1000\(String(format: "%02d", i + 1))-autumn-2025_26-0a1b2c3d4e")
    }
    let roster = (1...15).map { i in
        RosterEntry(
            childID: "LA1000\(String(format: "%02d", i))", firstName: "Child", lastName: "No\(i)", schoolURN: "19000\(i % 4 + 1)",
            schoolName: schools[i % 4], yearGroup: String(i % 11 + 1), socialWorkerEmail: "sw\(i % 3)@council.example.gov.uk")
    }
    let terms = [
        DashboardTerm(key: TermKey("2025/26", .autumn), entries: autumn, roster: roster, deadline: d("2025-11-28"), today: d("2025-12-01")),
        DashboardTerm(key: TermKey("2025/26", .spring), entries: Array(autumn.prefix(2)), roster: roster, deadline: d("2026-03-20"), today: d("2025-12-01")),
    ]
    let pages = DashboardSite.pages(terms)
    #expect(pages.count == 12)
    for page in pages {
        try page.html.write(to: folder.appendingPathComponent(page.name), atomically: true, encoding: .utf8)
        try OutputFixtures.assertSnapshot(page.html, named: "dashboard/" + page.name)
    }
    let index = try #require(pages.first { $0.name == "index.html" }).html
    #expect(index.contains("term-2025-26-autumn.html") && index.contains("term-2025-26-spring.html"))
}
