import PEPModel

/// The calendars the clocks and timeliness rules count in: England & Wales bank holidays and the
/// local authority's terms (half-terms, INSET days, completion dates), all read from
/// `Rules/calendar/` so that no date lives in code. Working days and school days are different
/// counts: see `WorkingCalendar+SchoolDays.swift`.
package struct WorkingCalendar: Sendable, Hashable {
    /// Bank holidays (England & Wales) by date.
    package let bankHolidays: Set<CalendarDate>
    /// Years whose holidays are computed, not yet published by gov.uk.
    package let provisionalYears: Set<Int>
    /// Term dates by academic year (`2025/26`) and term.
    package let terms: [String: [Term: TermDates]]
    /// INSET (staff training) days: in term, but not school days for the children.
    package let insetDays: Set<CalendarDate>

    package init(
        bankHolidays: Set<CalendarDate>, provisionalYears: Set<Int> = [], terms: [String: [Term: TermDates]] = [:],
        insetDays: Set<CalendarDate> = []
    ) {
        (self.bankHolidays, self.provisionalYears, self.terms, self.insetDays) = (bankHolidays, provisionalYears, terms, insetDays)
    }

    /// Monday to Friday and not a bank holiday.
    package func isWorkingDay(_ date: CalendarDate) -> Bool {
        !date.isWeekend && !bankHolidays.contains(date)
    }

    /// Working days after `from` up to and including `to`: a PEP received the next working day
    /// is 1 working day after its meeting. Negative when `to` is before `from`.
    package func workingDays(from: CalendarDate, to: CalendarDate) -> Int {
        days(from: from, to: to, counting: isWorkingDay)
    }

    /// The days after `from` up to and including `to` that `counts`; negative backwards. The
    /// one loop behind working days and school days.
    func days(from: CalendarDate, to: CalendarDate, counting counts: (CalendarDate) -> Bool) -> Int {
        if to < from { return -days(from: to, to: from, counting: counts) }
        var count = 0
        var day = from.adding(days: 1)
        while day <= to {
            if counts(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    /// The date `count` working days after `from`.
    package func adding(workingDays count: Int, to from: CalendarDate) -> CalendarDate {
        var day = from
        var left = count
        while left > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// The dates of a term, by the PEP's academic year (`2025/26`) and term.
    package func dates(of term: Term, in academicYear: String) -> TermDates? {
        terms[academicYear]?[term]
    }

    /// The term a date belongs to: the one it falls in, or in a holiday the last one that
    /// started before it; nil when the term dates do not reach back that far.
    package func term(on date: CalendarDate) -> (term: Term, academicYear: String)? {
        var best: (term: Term, academicYear: String, start: CalendarDate)?
        for (year, byTerm) in terms {
            for (term, dates) in byTerm where dates.start <= date {
                if best.map({ dates.start > $0.start }) ?? true { best = (term, year, dates.start) }
            }
        }
        return best.map { ($0.term, $0.academicYear) }
    }
}
