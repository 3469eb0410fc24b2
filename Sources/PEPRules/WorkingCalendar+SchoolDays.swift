import PEPModel

/// School days: the days children are taught, a different count from working days.
///
/// A working day is Monday to Friday less bank holidays; the office works through half-terms
/// and the summer. A school day is also a day of a term, outside its half-term and not an INSET
/// day. Statutory guidance counts the initial PEP in school days ("within 20 school days of
/// entering care"), so a child who enters care in the holidays waits for the next term.
extension WorkingCalendar {
    /// A working day inside a term, outside its half-term, and not an INSET day.
    package func isSchoolDay(_ date: CalendarDate) -> Bool {
        guard isWorkingDay(date), !insetDays.contains(date), let term = termDates(containing: date) else { return false }
        return !(term.halfTerm?.contains(date) ?? false)
    }

    /// The term whose days (start to end) include `date`; nil in the holidays.
    package func termDates(containing date: CalendarDate) -> TermDates? {
        for byTerm in terms.values {
            for dates in byTerm.values where dates.span.contains(date) { return dates }
        }
        return nil
    }

    /// The days the term dates describe: 1 September of the first listed academic year to
    /// 31 August of the last. Outside them school days cannot be counted.
    package var schoolYearsCovered: DateSpan? {
        let years = terms.keys.compactMap { AcademicYear(parsing: $0)?.startYear }
        guard let first = years.min(), let last = years.max(),
            let start = CalendarDate(year: first, month: 9, day: 1), let end = CalendarDate(year: last + 1, month: 8, day: 31)
        else { return nil }
        return DateSpan(start: start, end: end)
    }

    /// School days after `from` up to and including `to` (the next school day is 1), like
    /// `workingDays(from:to:)`. Negative when `to` is before `from`; nil when either date is
    /// outside the academic years in `calendar/terms.yaml`.
    package func schoolDays(from: CalendarDate, to: CalendarDate) -> Int? {
        guard let covered = schoolYearsCovered, covered.contains(from), covered.contains(to) else { return nil }
        return days(from: from, to: to, counting: isSchoolDay)
    }

    /// The `count`th school day after `from`: from a day in the holidays, the first school day
    /// of the next term is day 1. Nil when the term dates run out first.
    package func adding(schoolDays count: Int, to from: CalendarDate) -> CalendarDate? {
        guard let covered = schoolYearsCovered, covered.contains(from) else { return nil }
        var day = from
        var left = count
        while left > 0 {
            day = day.adding(days: 1)
            guard day <= covered.end else { return nil }
            if isSchoolDay(day) { left -= 1 }
        }
        return day
    }
}
