import Testing

@testable import PEPModel

@Test func academicYearReadsEverySpellingAsOne() {
    for text in ["2025/26", "2025-26", "2025/2026", "2025 - 2026", "2025–26", " 2025 / 26 "] {
        #expect(AcademicYear(parsing: text) == AcademicYear(startYear: 2025), "\(text)")
    }
    #expect(AcademicYear(startYear: 2025).description == "2025/26")
    #expect(AcademicYear(startYear: 2099).description == "2099/00")
    #expect(AcademicYear(parsing: "2099/00") == AcademicYear(startYear: 2099))
}

@Test func academicYearRefusesYearsThatDoNotFollow() {
    for text in ["2025/27", "2025", "25/26", "2025/26/27", "autumn 2025", "2025-2027", "", "2025+26"] {
        #expect(AcademicYear(parsing: text) == nil, "\(text)")
    }
}

@Test func academicYearStartsInSeptember() {
    #expect(AcademicYear(containing: CalendarDate(iso: "2025-08-31")!) == AcademicYear(startYear: 2024))
    #expect(AcademicYear(containing: CalendarDate(iso: "2025-09-01")!) == AcademicYear(startYear: 2025))
}

@Test func previousTermOfAutumnIsLastYearsSummer() {
    let year = AcademicYear(startYear: 2025)
    #expect(Term.autumn.previous(in: year) == (.summer, AcademicYear(startYear: 2024)))
    #expect(Term.spring.previous(in: year) == (.autumn, year))
    #expect(Term.summer.previous(in: year) == (.spring, year))
}

@Test func financialYearRunsFromAprilToMarch() {
    #expect(FinancialYear(containing: CalendarDate(iso: "2026-03-31")!).description == "2025-26")
    #expect(FinancialYear(containing: CalendarDate(iso: "2026-04-01")!).description == "2026-27")
    #expect(FinancialYear(parsing: "2025-26") == FinancialYear(startYear: 2025))
}

@Test func autumnAndSpringCountInTheFinancialYearStartingThatAprilAndSummerInTheNext() {
    let year = AcademicYear(startYear: 2025)
    #expect(FinancialYear(term: .autumn, academicYear: year) == FinancialYear(startYear: 2025))
    #expect(FinancialYear(term: .spring, academicYear: year) == FinancialYear(startYear: 2025))
    #expect(FinancialYear(term: .summer, academicYear: year) == FinancialYear(startYear: 2026))
}

@Test func aMeetingDateInsideTheAcademicYearDecidesTheFinancialYear() {
    let year = AcademicYear(startYear: 2025)
    // A spring meeting after Easter on 2 April 2026 counts in 2026-27.
    #expect(
        FinancialYear.of(term: .spring, academicYear: year, meetingDate: CalendarDate(iso: "2026-04-02"))
            == FinancialYear(startYear: 2026))
    // A mistyped meeting year (outside the academic year) is ignored: the term decides.
    #expect(
        FinancialYear.of(term: .spring, academicYear: year, meetingDate: CalendarDate(iso: "2052-04-02"))
            == FinancialYear(startYear: 2025))
    #expect(FinancialYear.of(term: .summer, academicYear: year, meetingDate: nil) == FinancialYear(startYear: 2026))
}
