import PEPModel
import Testing

@testable import PEPRules

private func day(_ iso: String) throws -> CalendarDate { try #require(CalendarDate(iso: iso)) }

private let calendar = WorkingCalendar(
    bankHolidays: [],
    terms: [
        "2025/26": [
            .autumn: TermDates(start: CalendarDate(iso: "2025-09-03")!, end: CalendarDate(iso: "2025-12-19")!, completion: CalendarDate(iso: "2025-11-28")!),
            .spring: TermDates(start: CalendarDate(iso: "2026-01-05")!, end: CalendarDate(iso: "2026-03-27")!, completion: CalendarDate(iso: "2026-03-13")!),
        ]
    ])

@Test func aDateInsideATermBelongsToThatTerm() throws {
    let found = try #require(calendar.term(on: try day("2025-11-03")))
    #expect(found.term == .autumn && found.academicYear == "2025/26")
}

@Test func aHolidayBelongsToTheTermBeforeIt() throws {
    let found = try #require(calendar.term(on: try day("2025-12-30")))
    #expect(found.term == .autumn)
    #expect(calendar.term(on: try day("2026-04-01"))?.term == .spring)
}

@Test func aDateBeforeEveryTermHasNoTerm() throws {
    #expect(calendar.term(on: try day("2025-08-01")) == nil)
}
