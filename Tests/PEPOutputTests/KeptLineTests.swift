import Foundation
import PEPModel
import Testing

@testable import PEPOutput

/// The lines a publish keeps per term in the ledger (`OutputTermStore`) and reads back on every
/// later publish: what goes in must come out, absent values included.
struct KeptLineTests {
    static func roundTrip<T: Codable>(_ value: T) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
    }

    @Test(arguments: [nil, "2025-11-14"])
    func aDashboardLineComesBackAsItWasKept(deadline: String?) throws {
        let line = DashboardSite.IndexLine(
            academicYear: "2025/26", term: .spring, count: 9, red: 1, amber: 2, green: 6, overdue: 3, missing: 4, deadline: deadline)
        #expect(try Self.roundTrip(line) == line)
    }

    @Test func aTrackerLineComesBackAsItWasKept() throws {
        let rows = [
            TrackerRow(
                childID: "LA1", schoolName: "Riverside", yearGroup: "9", state: .noMeetingPlanned, submissionID: 4, onRegister: true),
            TrackerRow(childID: "LA2", schoolName: "Hill", yearGroup: "3", state: .noMeetingPlanned, submissionID: nil, onRegister: false),
        ]
        let figures = [
            StatisticsFigure(academicYear: "2025/26", term: .autumn, groupKind: "all", group: "", name: "peps_due", value: "2"),
            StatisticsFigure(academicYear: "2025/26", term: .autumn, groupKind: "school", group: "Hill", name: "peps_due", value: "1"),
        ]
        let line = TrackerPages.TermSummary(
            TrackerPages.TermTracker(label: "Autumn 2025/26", stem: "2025-26-autumn", rows: rows), figures: figures)
        let back = try Self.roundTrip(line)
        #expect(back == line)
        #expect(back.figures == [figures[0]], "the headline figures only, those the term has")
        #expect(back.counts.reduce(0, +) == 2)
    }

    @Test func aLineKeptAsAnObjectByAnEarlierPepqaIsNotReadAsALine() {
        let object = #"{"academicYear":"2025/26","term":"autumn","count":1,"red":0,"amber":0,"green":1,"overdue":0,"missing":0}"#
        #expect((try? JSONDecoder().decode(DashboardSite.IndexLine.self, from: Data(object.utf8))) == nil)
    }
}
