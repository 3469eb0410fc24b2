import PEPModel

/// One term's dates in the local authority's calendar (`calendar/terms.yaml`).
package struct TermDates: Sendable, Hashable {
    /// The first day of the term.
    package let start: CalendarDate
    /// The last day of the term.
    package let end: CalendarDate
    /// The term's half-term break, if the LA lists one: school days skip it.
    package let halfTerm: DateSpan?
    /// The date by which the term's PEP must be complete (meeting held and the PEP received):
    /// the date Virtual Schools publish per term. Written `completion:` (formerly `deadline:`).
    package let completion: CalendarDate

    package init(start: CalendarDate, end: CalendarDate, halfTerm: DateSpan? = nil, completion: CalendarDate) {
        (self.start, self.end, self.halfTerm, self.completion) = (start, end, halfTerm, completion)
    }

    /// The old name of `completion`, kept for readers written before completion dates had
    /// their own name (the dashboard's "termly deadline").
    package var deadline: CalendarDate { completion }

    /// The term as a span of days, start to end.
    package var span: DateSpan { DateSpan(start: start, end: end) }

    func date(_ kind: TermDateKind) -> CalendarDate {
        switch kind {
        case .start: return start
        case .end: return end
        case .completion, .deadline: return completion
        }
    }
}
