import Testing
@testable import PEPModel

@Test func dayNumberRoundTripsAcrossCenturies() {
    for n in stride(from: -800_000, to: 800_000, by: 997) {
        #expect(CalendarDate(dayNumber: n).dayNumber == n)
    }
}

@Test func epochIsThursday() {
    #expect(CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
    #expect(CalendarDate(year: 1970, month: 1, day: 1)!.weekday == 4)
    #expect(CalendarDate(year: 2025, month: 11, day: 7)!.weekday == 5)  // a Friday
}

@Test func refusesDaysThatDoNotExist() {
    #expect(CalendarDate(year: 2025, month: 2, day: 29) == nil)
    #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
    #expect(CalendarDate(year: 2025, month: 13, day: 1) == nil)
    #expect(CalendarDate(iso: "2025-11-31") == nil)
}

@Test func addsDaysAcrossMonthAndYearEnds() {
    let d = CalendarDate(year: 2025, month: 12, day: 30)!
    #expect(d.adding(days: 3).iso == "2026-01-02")
    #expect(d.days(to: CalendarDate(year: 2026, month: 1, day: 2)!) == 3)
}
