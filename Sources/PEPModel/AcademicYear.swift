/// A school year, September to August, written `2025/26`: the year half of a PEP's term key.
///
/// `pep.academic_year` is free text, so schools write `2025/26`, `2025-26`, `2025/2026` or
/// `2025 - 2026`. The ledger keys supersession and history on this value, so every spelling
/// must become one: the canonical `2025/26`.
public struct AcademicYear: TwelveMonthYear {
    /// The calendar year in which the academic year starts (its September).
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    public static let firstMonth = 9
    public static let separator: Character = "/"
    public static let expectation = "expected an academic year YYYY/YY"

    public var previous: AcademicYear { AcademicYear(startYear: startYear - 1) }
}

extension Term {
    /// The term before this one, and the academic year it belongs to: autumn's previous term
    /// is the summer of the year before.
    public func previous(in year: AcademicYear) -> (term: Term, academicYear: AcademicYear) {
        switch self {
        case .autumn: return (.summer, year.previous)
        case .spring: return (.autumn, year)
        case .summer: return (.spring, year)
        }
    }
}
