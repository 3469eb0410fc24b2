import PEPModel
import Testing

/// The year group by age on the 31 August before the academic year, for PEPs that give none.
@Suite struct YearGroupAgeTests {
    let year2025 = AcademicYear(startYear: 2025)

    func group(_ born: String) throws -> YearGroup? {
        YearGroup(dateOfBirth: try #require(CalendarDate(iso: born)), academicYear: year2025)
    }

    @Test func aChildAgedThirteenOnThe31stOfAugustIsInYear9() throws {
        #expect(try group("2012-03-14") == .y9)
    }

    @Test func aChildBornOn31AugustIsTheOldestInTheYearBelowOneBornOn1September() throws {
        #expect(try group("2019-08-31") == .y2)
        #expect(try group("2019-09-01") == .y1)
    }

    @Test func earlyYearsStartAtAgeTwo() throws {
        #expect(try group("2023-06-01") == .n1)
        #expect(try group("2022-06-01") == .n2)
        #expect(try group("2021-06-01") == .reception)
        #expect(try group("2024-01-01") == nil)
    }

    @Test func sixteenIsYear12AndPastYear14IsNone() throws {
        #expect(try group("2009-05-01") == .y12)
        #expect(try group("2007-05-01") == .y14)
        #expect(try group("2006-05-01") == nil)
    }
}
