/// A school year, September to August, written `2025/26`: the year half of a PEP's term key.
///
/// `pep.academic_year` is free text, so schools write `2025/26`, `2025-26`, `2025/2026` or
/// `2025 - 2026`. The ledger keys supersession and history on this value, so every spelling
/// must become one: the canonical `2025/26`.
public struct AcademicYear: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The calendar year in which the academic year starts (its September).
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    /// Reads `2025/26`, `2025-26`, `2025/2026`, `2025 – 2026` (any dash or slash, spaces
    /// allowed); nil unless the second year is the one after the first.
    public init?(parsing input: some StringProtocol) {
        let text = String(input)
        let digitGroups = text.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).map(String.init)
        let separators = text.filter { !$0.isNumber && !$0.isWhitespace }
        guard digitGroups.count == 2, separators.count == 1, let separator = separators.first, "/-–—".contains(separator),
            digitGroups[0].count == 4, let start = Int(digitGroups[0]), (1900...2999).contains(start),
            let end = Int(digitGroups[1])
        else { return nil }
        switch digitGroups[1].count {
        case 2: guard end == (start + 1) % 100 else { return nil }
        case 4: guard end == start + 1 else { return nil }
        default: return nil
        }
        self.startYear = start
    }

    /// The academic year a calendar date falls in (1 September starts a new one).
    public init(containing date: CalendarDate) {
        startYear = date.month >= 9 ? date.year : date.year - 1
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let year = AcademicYear(parsing: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected an academic year YYYY/YY"))
        }
        self = year
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// `2025/26`.
    public var description: String {
        let next = (startYear + 1) % 100
        return "\(startYear)/\(next < 10 ? "0" : "")\(next)"
    }

    public var previous: AcademicYear { AcademicYear(startYear: startYear - 1) }

    public static func < (a: AcademicYear, b: AcademicYear) -> Bool { a.startYear < b.startYear }
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
