/// A year of twelve months that starts on the 1st of a fixed month and spans two calendar
/// years: the school year (`AcademicYear`, September, `2025/26`) and the financial year
/// (`FinancialYear`, April, `2025-26`). One implementation of their reading, writing, order
/// and coding; each type says only its first month and how it is written.
public protocol TwelveMonthYear: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The calendar year of the year's first day.
    var startYear: Int { get }
    init(startYear: Int)
    /// The month (1–12) whose 1st starts the year.
    static var firstMonth: Int { get }
    /// What stands between the two years when written (`/` in `2025/26`).
    static var separator: Character { get }
    /// The decoding error's text: `expected an academic year YYYY/YY`.
    static var expectation: String { get }
}

extension TwelveMonthYear {
    /// The year a calendar date falls in.
    public init(containing date: CalendarDate) {
        self.init(startYear: date.month >= Self.firstMonth ? date.year : date.year - 1)
    }

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
        self.init(startYear: start)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let year = Self(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: Self.expectation))
        }
        self = year
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// `2025/26` (or `2025-26`): the start year and the next year's last two digits.
    public var description: String {
        let next = (startYear + 1) % 100
        return "\(startYear)\(Self.separator)\(next < 10 ? "0" : "")\(next)"
    }

    public static func < (a: Self, b: Self) -> Bool { a.startYear < b.startYear }
}
