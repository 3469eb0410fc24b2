/// A financial year, 1 April to 31 March, written `2025-26`: the year PP+ grant is paid in.
///
/// The grant is per financial year (research §4.3, §5.1) while PEPs are per term, so every
/// funding decision carries the financial year it counts against. The rule (`of(term:...)`):
/// 1. the PEP meeting date, when given and inside the PEP's academic year, decides: the
///    financial year that contains it (a spring meeting on 2 April 2026 counts in 2026-27);
/// 2. otherwise the term decides: autumn and spring of `Y/Y+1` fall before April, so they
///    count in the financial year starting April `Y`; summer counts in the one starting
///    April `Y+1`.
public struct FinancialYear: TwelveMonthYear {
    /// The calendar year of its 1 April.
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    public static let firstMonth = 4
    public static let separator: Character = "-"
    public static let expectation = "expected a financial year YYYY-YY"

    /// By term alone: autumn and spring count in the year starting that April, summer in the next.
    public init(term: Term, academicYear: AcademicYear) {
        switch term {
        case .autumn, .spring: startYear = academicYear.startYear
        case .summer: startYear = academicYear.startYear + 1
        }
    }

    /// The financial year a PEP's money counts against (see the type's rule).
    public static func of(term: Term, academicYear: AcademicYear, meetingDate: CalendarDate?) -> FinancialYear {
        if let date = meetingDate, AcademicYear(containing: date) == academicYear {
            return FinancialYear(containing: date)
        }
        return FinancialYear(term: term, academicYear: academicYear)
    }
}
