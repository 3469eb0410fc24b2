import Foundation
import PEPModel

/// The conditions that compute: date arithmetic, UPNs, target references, attachments, copies,
/// and the year group a date of birth calls for.
extension Evaluator {
    mutating func daysBetween(from: Operand, to: Operand, unit: DayUnit, min: Operand?, max: Operand?) -> Bool {
        guard let start = resolve(from), let end = resolve(to), let a = start.value.date, let b = end.value.date else {
            note(from.path ?? to.path, nil, "a date is not given")
            return false
        }
        let days: Decimal
        switch unit {
        case .calendar: days = Decimal(a.days(to: b))
        case .working: days = Decimal(rules.calendar.workingDays(from: a, to: b))
        case .school:
            guard let count = rules.calendar.schoolDays(from: a, to: b) else {
                note(end.path ?? start.path, end.source ?? start.source, "school days cannot be counted: calendar/terms.yaml does not cover these dates")
                return false
            }
            days = Decimal(count)
        case .weeks: days = Decimal(a.days(to: b)) / 7
        }
        let low = min.flatMap { number($0) }
        let high = max.flatMap { number($0) }
        let ok = (low.map { days >= $0 } ?? true) && (high.map { days <= $0 } ?? true)
        let bounds = [low.map { "minimum \($0)" }, high.map { "maximum \($0)" }].compactMap { $0 }
        let amount = NSDecimalNumber(decimal: days).doubleValue
        let shown = unit == .weeks ? String(format: "%.1f", amount) : String(Int(amount))
        let unitName = [DayUnit.weeks: "weeks", .working: "working days", .school: "school days"][unit] ?? "days"
        note(
            end.path ?? start.path, end.source ?? start.source,
            "\(shown) \(unitName) from \(from.label) to \(to.label) (\(bounds.joined(separator: ", ")))")
        return ok
    }

    mutating func upnValid(_ operand: Operand) -> Bool {
        guard let value = resolve(operand), let text = value.value.text else {
            note(operand.path, nil, "not given")
            return false
        }
        let ok = UPN.isValid(text)
        note(value.path, value.source, ok ? "a valid UPN" : "not a valid UPN (length or check letter)")
        return ok
    }

    mutating func resolvesToTarget(_ operand: Operand) -> Bool {
        guard let value = resolve(operand), let text = value.value.text else {
            note(operand.path, nil, "no linked target given")
            return false
        }
        let index = TargetReference.resolve(text, in: pep.targets)
        note(value.path, value.source, index.map { "links to target \($0 + 1)" } ?? "does not match any target")
        return index != nil
    }

    mutating func attached(_ pattern: RulePattern) -> Bool {
        let ok = context.attachments.contains { pattern.matches($0.fileName) }
        note(nil, nil, ok ? "a matching attachment came with the PEP" : "no matching attachment came with the PEP")
        return ok
    }

    mutating func sameText(_ a: Operand, _ b: Operand) -> Bool {
        guard let x = resolve(a)?.value.text, let y = resolve(b)?.value.text else { return false }
        let same = TextFolding.key(x) == TextFolding.key(y)
        note(a.path ?? b.path, resolve(a)?.source, same ? "the same text as \(b.label)" : "differs from \(b.label)")
        return same
    }

    mutating func yearGroupFitsAge(tolerance: Int) -> Bool {
        guard let year = pep.child.yearGroup, let dob = pep.child.dateOfBirth?.value,
            let expected = Self.expectedYear(born: dob, academicYear: academicYear)
        else {
            note("child.year_group", nil, "year group, date of birth or academic year not given")
            return false
        }
        let gap = abs(year.value.number - expected)
        note(
            "child.year_group", year.source,
            gap == 0 ? "year group fits the date of birth" : "year group is \(gap) year(s) away from the date of birth's")
        return gap <= tolerance
    }

    /// The National Curriculum year (R = 0) of a child born on `born` in `academicYear`: the
    /// cohort runs September to August, and Reception is the year a child turns five.
    static func expectedYear(born: CalendarDate, academicYear: String?) -> Int? {
        guard let academicYear, let start = Int(academicYear.prefix(4)) else { return nil }
        let cohort = born.month >= 9 ? born.year : born.year - 1
        return start - cohort - 5
    }
}
