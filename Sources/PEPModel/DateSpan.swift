/// A run of days from `start` to `end`, both included: a term, a half-term break.
///
/// Calendars list breaks as first and last day ("half-term 27–31 October"), so both ends
/// belong to the span.
public struct DateSpan: Sendable, Hashable {
    public let start: CalendarDate
    public let end: CalendarDate

    public init(start: CalendarDate, end: CalendarDate) {
        (self.start, self.end) = (start, end)
    }

    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }

    /// Whether the two spans share at least one day.
    public func overlaps(_ other: DateSpan) -> Bool { start <= other.end && other.start <= end }

    /// Whether every day of `other` lies in this span.
    public func encloses(_ other: DateSpan) -> Bool { start <= other.start && other.end <= end }

    /// `2025-10-27 to 2025-10-31`, for messages.
    public var description: String { "\(start.iso) to \(end.iso)" }
}
