import Foundation
import PEPModel

/// A condition of the rule language, parsed from a YAML tree (see `Rules/README.md`).
///
/// The language follows Schematron's shape (a context, an assertion, a message) in YAML, the
/// way Semgrep and Sigma write rules: each condition is a mapping with one operator key.
indirect enum Predicate: Sendable {
    case all([Predicate])
    case any([Predicate])
    case not(Predicate)
    /// `{if: p, then: q, else: r}`: q when p holds, otherwise r (true when `else` is absent).
    case conditional(if: Predicate, then: Predicate, else: Predicate?)
    /// `present: path`: a value is given (a list has at least one record).
    case present(Operand)
    /// `words: {path, min, max}`: real text (not a placeholder) with a number of words.
    case words(Operand, min: Operand?, max: Operand?)
    /// `count` / `every` / `some` / `none` over a list's records, with a per-record condition.
    case quantified(Quantifier, list: FieldPath, where: Predicate?, min: Operand?, max: Operand?)
    /// `compare: {value, lt|le|gt|ge|eq|ne: operand, ...}`: every comparison holds.
    case compare(Operand, [(ComparisonOperator, Operand)])
    /// `matches: {path | paths, pattern}`: any of the values matches the regular expression.
    case matches([Operand], RulePattern)
    /// `in: {value, of: [..] | settings.x}`.
    case member(Operand, MemberSet)
    /// `days_between: {from, to, unit, min, max}`.
    case daysBetween(from: Operand, to: Operand, unit: DayUnit, min: Operand?, max: Operand?)
    /// `upn_valid: path`.
    case upnValid(Operand)
    /// `resolves_to_target: path`: a PP+ request's linked target names an existing target.
    case resolvesToTarget(Operand)
    /// `attached: pattern`: an attachment's file name matches.
    case attached(RulePattern)
    /// `same_text: [a, b]`: both given and the same words (ignoring case and punctuation).
    case sameText(Operand, Operand)
    /// `year_group_fits_age: {tolerance}`: year group as expected from the date of birth.
    case yearGroupFitsAge(tolerance: Int)
}

enum Quantifier: String, Sendable, CaseIterable {
    case count, every, some, none
}

enum ComparisonOperator: String, Sendable, CaseIterable {
    case lt, le, gt, ge, eq, ne

    func holds(_ order: ComparisonResult) -> Bool {
        switch self {
        case .lt: return order == .orderedAscending
        case .le: return order != .orderedDescending
        case .gt: return order == .orderedDescending
        case .ge: return order != .orderedAscending
        case .eq: return order == .orderedSame
        case .ne: return order != .orderedSame
        }
    }

    var phrase: String {
        switch self {
        case .lt: return "below"
        case .le: return "at most"
        case .gt: return "above"
        case .ge: return "at least"
        case .eq: return "equal to"
        case .ne: return "different from"
        }
    }
}

/// The set an `in:` condition tests against.
enum MemberSet: Sendable, Hashable {
    case literal([String])
    case setting(String)
}

/// How `days_between` counts.
enum DayUnit: String, Sendable, CaseIterable {
    /// Every day.
    case calendar
    /// Monday to Friday, less the bank holidays in `calendar/bank-holidays.yaml`.
    case working
    /// Working days inside a term, less its half-term and INSET days (`calendar/terms.yaml`).
    case school
    /// Calendar days divided by seven.
    case weeks
}

/// A compiled regular expression from a rule file (case-insensitive), with its source text.
struct RulePattern: @unchecked Sendable {
    // NSRegularExpression is immutable and documented thread-safe; it is just not marked Sendable.
    let source: String
    let regex: NSRegularExpression

    /// The longest pattern accepted, in UTF-16 units. Foundation's NSRegularExpression on Linux
    /// leaks its copy of a pattern longer than 256 units on every compile (found by fuzzing the
    /// rules, `FuzzRulesYAML`); the shipped rules' longest is 164. A longer one is refused when
    /// the rules are loaded: split it into alternatives with `any:`.
    static let maxLength = 240

    init?(_ source: String) {
        guard source.utf16.count <= Self.maxLength, let regex = try? NSRegularExpression(pattern: source, options: [.caseInsensitive]) else { return nil }
        self.source = source
        self.regex = regex
    }

    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
