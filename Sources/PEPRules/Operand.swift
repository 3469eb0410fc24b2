import Foundation
import PEPModel

/// A value a condition reads: a field of the PEP, a setting, a fact from the context, or a
/// literal written in the rule file.
///
/// In a rule file an operand is written as a string that names it: a contract path
/// (`meeting.date`, or `targets[].area` inside a list condition), `received`, `phase`,
/// `year_number`, `term.start` / `term.end` / `term.completion`, `history.<fact>`,
/// `settings.<name>` or `settings.<name>[<operand>]`. Numbers and `true`/`false` are literals;
/// literal text and dates are written `{text: ...}` and `{date: YYYY-MM-DD}`; `{sum: [...]}` adds
/// numbers (a list member path adds every record), `{count: list}` counts records.
indirect enum Operand: Sendable, Hashable {
    case field(FieldPath)
    case literal(FieldValue)
    case setting(String, key: Operand?)
    /// `received`: the day the Virtual School received the document.
    case received
    /// `phase`: early_years / primary / secondary / post16, from the year group and `phases:`.
    case phase
    /// `year_number`: the National Curriculum year as a number (N1 = -2, N2 = -1, R = 0).
    case yearNumber
    case termDate(TermDateKind)
    case history(HistoryFact)
    case sum([Operand])
    case count(FieldPath)
}

/// The dates of the PEP's own term, from `calendar/terms.yaml`.
/// `term.deadline` is the old name of `term.completion` and still reads the same date.
enum TermDateKind: String, Sendable, Hashable, CaseIterable {
    case start, end, completion, deadline
}

/// Facts from the ledger's history of the child (`AssessmentContext.history`).
enum HistoryFact: String, Sendable, Hashable, CaseIterable {
    case approvedThisFinancialYear = "approved_this_financial_year"
    case approvedThisTerm = "approved_this_term"
    case lastTermRating = "last_term_rating"
    case ppPlusPaidLastTerm = "pp_plus_paid_last_term"
    case lastTermChildVoice = "last_term_child_voice"

    var kind: ValueKind {
        switch self {
        case .approvedThisFinancialYear, .approvedThisTerm: return .number
        case .lastTermRating, .lastTermChildVoice: return .text
        case .ppPlusPaidLastTerm: return .boolean
        }
    }

    func value(in history: ChildHistory) -> FieldValue? {
        switch self {
        case .approvedThisFinancialYear: return .money(history.approvedThisFinancialYear)
        case .approvedThisTerm: return .money(history.approvedThisTerm)
        case .lastTermRating: return history.lastTermRating.map { .text($0.rawValue) }
        case .ppPlusPaidLastTerm: return .boolean(history.ppPlusPaidLastTerm)
        case .lastTermChildVoice: return history.lastTermChildVoice.map { .text($0) }
        }
    }
}
