/// A financial year, 1 April to 31 March, written `2025-26`: the year PP+ grant is paid in.
///
/// The grant is per financial year (research §4.3, §5.1) while PEPs are per term, so every
/// funding decision carries the financial year it counts against. The rule (`of(term:...)`):
/// 1. the PEP meeting date, when given and inside the PEP's academic year, decides: the
///    financial year that contains it (a spring meeting on 2 April 2026 counts in 2026-27);
/// 2. otherwise the term decides: autumn and spring of `Y/Y+1` fall before April, so they
///    count in the financial year starting April `Y`; summer counts in the one starting
///    April `Y+1`.
public struct FinancialYear: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The calendar year of its 1 April.
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    /// The financial year a date falls in.
    public init(containing date: CalendarDate) {
        startYear = date.month >= 4 ? date.year : date.year - 1
    }

    /// By term alone: autumn and spring count in the year starting that April, summer in the next.
    public init(term: Term, academicYear: AcademicYear) {
        switch term {
        case .autumn, .spring: startYear = academicYear.startYear
        case .summer: startYear = academicYear.startYear + 1
        }
    }

    /// Reads `2025-26` (or `2025/26`); nil otherwise.
    public init?(parsing text: some StringProtocol) {
        guard let year = AcademicYear(parsing: text) else { return nil }
        startYear = year.startYear
    }

    /// The financial year a PEP's money counts against (see the type's rule).
    public static func of(term: Term, academicYear: AcademicYear, meetingDate: CalendarDate?) -> FinancialYear {
        if let date = meetingDate, AcademicYear(containing: date) == academicYear {
            return FinancialYear(containing: date)
        }
        return FinancialYear(term: term, academicYear: academicYear)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let year = FinancialYear(parsing: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected a financial year YYYY-YY"))
        }
        self = year
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// `2025-26`.
    public var description: String {
        let next = (startYear + 1) % 100
        return "\(startYear)-\(next < 10 ? "0" : "")\(next)"
    }

    public static func < (a: FinancialYear, b: FinancialYear) -> Bool { a.startYear < b.startYear }
}
