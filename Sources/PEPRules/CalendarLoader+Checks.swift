import PEPModel
import Yams

/// The checks that make `calendar/terms.yaml` one calendar without gaps or overlaps, so that
/// school days are counted right: terms in order inside their academic year, academic years
/// one after another, INSET days on term days, and bank holidays listed for every year touched.
extension CalendarLoader {
    /// Autumn, spring and summer follow one another without overlapping, inside 1 September to
    /// 31 August of their academic year.
    func checkOrder(_ byTerm: [Term: TermDates], year: AcademicYear, nodes: [String: Node], reader: NodeReader) {
        guard let first = CalendarDate(year: year.startYear, month: 9, day: 1),
            let last = CalendarDate(year: year.startYear + 1, month: 8, day: 31)
        else { return }
        let academicYear = DateSpan(start: first, end: last)
        var previous: (term: Term, dates: TermDates)?
        for term in Term.allCases {
            guard let dates = byTerm[term] else { continue }
            let node = nodes[term.rawValue]
            if !academicYear.encloses(dates.span) {
                reader.problem(node, "the \(term.rawValue) term (\(dates.span.description)) is outside the academic year \(year) (\(academicYear.description))")
            }
            if let previous, dates.start <= previous.dates.end {
                reader.problem(
                    node,
                    "overlap: the \(term.rawValue) term (\(dates.span.description)) starts before the \(previous.term.rawValue) term ends (\(previous.dates.end.iso))")
            }
            previous = (term, dates)
        }
    }

    /// Academic years follow one another: a missing year between two listed ones is a gap.
    func checkConsecutive(_ years: [(year: AcademicYear, node: Node)], reader: NodeReader) {
        let sorted = years.sorted { $0.year < $1.year }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.year.startYear > earlier.year.startYear + 1 {
            reader.problem(
                later.node,
                "gap: no term dates for \(AcademicYear(startYear: earlier.year.startYear + 1)) between \(earlier.year) and \(later.year)")
        }
    }

    /// `inset_days: [YYYY-MM-DD, ...]`: each a working day of one of the year's terms, outside
    /// its half-term. Where they fall is only checked when all three terms are valid, so that
    /// one broken term is reported once, not again for each INSET day in it.
    func insetDays(_ node: Node, terms: [Term: TermDates], year: String, reader: NodeReader) -> Set<CalendarDate> {
        guard let items = node.sequence else {
            reader.problem(node, "'inset_days' must be a list of dates")
            return []
        }
        var out = Set<CalendarDate>()
        for item in items {
            guard let date = reader.date(item, "an INSET day") else { continue }
            out.insert(date)
            guard terms.count == Term.allCases.count else { continue }
            guard let term = terms.values.first(where: { $0.span.contains(date) }) else {
                reader.problem(item, "the INSET day \(date.iso) is not in a term of \(year)")
                continue
            }
            if date.isWeekend {
                reader.problem(item, "the INSET day \(date.iso) is at a weekend")
            } else if term.halfTerm?.contains(date) == true {
                reader.problem(item, "the INSET day \(date.iso) is in the half-term")
            }
        }
        return out
    }

    /// Every calendar year a term touches has its bank holidays listed.
    func checkBankHolidays(_ byTerm: [Term: TermDates], listed: Set<Int>, at node: Node, reader: NodeReader) {
        let touched = Set(byTerm.values.flatMap { [$0.start.year, $0.end.year] })
        for year in touched.subtracting(listed).sorted() {
            reader.problem(node, "gap: calendar/bank-holidays.yaml lists no bank holidays for \(year), which these terms reach")
        }
    }
}
