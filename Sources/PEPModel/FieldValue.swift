import Foundation

/// A normalised value of any field, for code that works on fields by path (rules, exports).
///
/// Enumerations are held as `.text` with their canonical spelling (`sen-support`).
public enum FieldValue: Sendable, Hashable, CustomStringConvertible {
    case text(String)
    case date(CalendarDate)
    case integer(Int)
    case decimal(Decimal)
    case money(Pence)
    case boolean(Bool)

    /// How the value reads in a report or an export.
    public var description: String {
        switch self {
        case .text(let s): return s
        case .date(let d): return d.iso
        case .integer(let i): return String(i)
        case .decimal(let d): return NSDecimalNumber(decimal: d).stringValue
        case .money(let p): return p.decimalString
        case .boolean(let b): return b ? "true" : "false"
        }
    }

    public var text: String? { if case .text(let s) = self { return s } else { return nil } }
    public var date: CalendarDate? { if case .date(let d) = self { return d } else { return nil } }
    public var boolean: Bool? { if case .boolean(let b) = self { return b } else { return nil } }
    public var money: Pence? { if case .money(let p) = self { return p } else { return nil } }

    /// The value as a number, where it is one (integers, decimals, money in pounds).
    public var number: Decimal? {
        switch self {
        case .integer(let i): return Decimal(i)
        case .decimal(let d): return d
        case .money(let p): return Decimal(p.value) / 100
        default: return nil
        }
    }
}

/// The type of a field, as the contract gives it.
public enum FieldKind: Sendable, Hashable, CustomStringConvertible {
    case text
    case date
    case integer(ClosedRange<Int>?)
    case decimal(ClosedRange<Decimal>?)
    case money
    case boolean
    /// An enumeration, with its canonical spellings.
    case choice([String])

    public var description: String {
        switch self {
        case .text: return "text"
        case .date: return "a date"
        case .integer(let r): return r.map { "a whole number from \($0.lowerBound) to \($0.upperBound)" } ?? "a whole number"
        case .decimal(let r):
            return r.map { "a number from \($0.lowerBound) to \($0.upperBound)" } ?? "a number"
        case .money: return "an amount of money"
        case .boolean: return "yes or no"
        case .choice(let options): return "one of " + options.joined(separator: ", ")
        }
    }
}

/// A value as a reader found it, before normalisation.
public enum RawValue: Sendable, Hashable {
    /// Text as written (a cell, a content control, a JSON string, an XML element's text).
    case text(String)
    /// A checkbox's state (Word content-control or legacy checkboxes).
    case checkbox(Bool)
    /// A date a date picker stored in ISO form.
    case isoDate(String)
    /// A JSON number, kept as the text JSON wrote so no precision is lost.
    case number(String)
    /// A JSON boolean.
    case boolean(Bool)
    /// JSON `null`, or an empty XML element: not given.
    case null
}
