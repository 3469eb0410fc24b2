import Foundation
import PEPModel

/// A named value from `settings:` in `ruleset.yaml`, referenced from criteria as
/// `settings.<name>` (or `settings.<name>[<key>]` for a table such as `min_targets`).
package enum SettingValue: Sendable, Hashable {
    case number(Decimal)
    case boolean(Bool)
    case date(CalendarDate)
    case text(String)
    case list([String])
    /// A table keyed by text (a phase, a term); `default` is used when the key is missing.
    case table([String: SettingValue])

    var kind: ValueKind {
        switch self {
        case .number: return .number
        case .boolean: return .boolean
        case .date: return .date
        case .text: return .text
        case .list: return .list
        case .table(let t): return t.values.first?.kind ?? .number
        }
    }

    /// The setting as a field value, for comparisons.
    var fieldValue: FieldValue? {
        switch self {
        case .number(let d): return .decimal(d)
        case .boolean(let b): return .boolean(b)
        case .date(let d): return .date(d)
        case .text(let t): return .text(t)
        case .list, .table: return nil
        }
    }

    var number: Decimal? { if case .number(let d) = self { return d } else { return nil } }
    var list: [String]? { if case .list(let l) = self { return l } else { return nil } }
}

/// The type of a value as rules see it, for checking a criterion at load time.
enum ValueKind: String, Sendable, Hashable {
    case text, number, date, boolean, list

    init(_ kind: FieldKind) {
        switch kind {
        case .text, .choice: self = .text
        case .date: self = .date
        case .integer, .decimal, .money: self = .number
        case .boolean: self = .boolean
        }
    }

    var phrase: String {
        switch self {
        case .text: return "text"
        case .number: return "a number"
        case .date: return "a date"
        case .boolean: return "yes or no"
        case .list: return "a list"
        }
    }
}
