import Foundation
import PEPModel

/// Evaluates conditions against one PEP in its context, noting the evidence it looked at.
///
/// Pure: it reads the PEP, the context and the rule set, and nothing else. A condition on a
/// value that is not given is false (use `applies_when` to make a criterion n/a instead).
struct Evaluator {
    let pep: PEP
    let context: AssessmentContext
    let rules: RuleSet
    /// The record a `where:` condition is looking at.
    var record: (list: FieldPath, index: Int, fields: PEPRecord)?
    private(set) var evidence: [Evidence] = []
    /// Off inside `where:`, where the quantifier notes a summary instead.
    private var recording = true

    init(pep: PEP, context: AssessmentContext, rules: RuleSet) {
        (self.pep, self.context, self.rules) = (pep, context, rules)
    }

    mutating func note(_ path: FieldPath?, _ source: SourceRef?, _ text: String) {
        if recording { evidence.append(Evidence(path: path, source: source, note: text)) }
    }

    mutating func test(_ predicate: Predicate) -> Bool {
        switch predicate {
        case .all(let parts):
            for part in parts where !test(part) { return false }
            return true
        case .any(let parts):
            var result = false
            for part in parts where test(part) { result = true }
            return result
        case .not(let inner): return !test(inner)
        case .conditional(let condition, let then, let otherwise):
            return test(condition) ? test(then) : otherwise.map { test($0) } ?? true
        case .present(let operand): return present(operand)
        case .words(let operand, let min, let max): return words(operand, min: min, max: max)
        case .quantified(let q, let list, let condition, let min, let max):
            return quantified(q, list: list, where: condition, min: min, max: max)
        case .compare(let value, let comparisons): return compare(value, comparisons)
        case .matches(let operands, let pattern): return matches(operands, pattern)
        case .member(let value, let set): return member(value, set)
        case .daysBetween(let from, let to, let unit, let min, let max):
            return daysBetween(from: from, to: to, unit: unit, min: min, max: max)
        case .upnValid(let operand): return upnValid(operand)
        case .resolvesToTarget(let operand): return resolvesToTarget(operand)
        case .attached(let pattern): return attached(pattern)
        case .sameText(let a, let b): return sameText(a, b)
        case .yearGroupFitsAge(let tolerance): return yearGroupFitsAge(tolerance: tolerance)
        }
    }

    // MARK: Conditions

    private mutating func present(_ operand: Operand) -> Bool {
        if case .field(let path) = operand, FieldCatalogue.list(path) != nil {
            let count = pep.records(at: path).count
            note(path, nil, count == 0 ? "no records" : "\(count) record(s)")
            return count > 0
        }
        let value = resolve(operand)
        note(value?.path ?? operand.path, value?.source, value == nil ? "not given" : "given")
        return value != nil
    }

    private mutating func words(_ operand: Operand, min: Operand?, max: Operand?) -> Bool {
        guard let value = resolve(operand), case .text(let text) = value.value else {
            note(operand.path, nil, "not written")
            return false
        }
        if isPlaceholder(text) {
            note(value.path, value.source, "placeholder text, not a real answer")
            return false
        }
        let count = TextFolding.words(text).count
        let low = min.flatMap { number($0) }
        let high = max.flatMap { number($0) }
        let ok = low.map { Decimal(count) >= $0 } ?? true && high.map { Decimal(count) <= $0 } ?? true
        let bounds = [low.map { "minimum \($0)" }, high.map { "maximum \($0)" }].compactMap { $0 }
        note(value.path, value.source, "\(count) words" + (bounds.isEmpty ? "" : " (\(bounds.joined(separator: ", ")))"))
        return ok
    }

    func isPlaceholder(_ text: String) -> Bool {
        if ValueNormaliser.isNotGiven(text) { return true }
        let key = TextFolding.key(text)
        return rules.placeholderPhrases.contains { TextFolding.key($0) == key }
    }

    private mutating func quantified(
        _ q: Quantifier, list: FieldPath, where condition: Predicate?, min: Operand?, max: Operand?
    ) -> Bool {
        let records = pep.records(at: list)
        var matching = 0
        var failing: [(Int, SourceRef?)] = []
        let saved = (record, recording)
        recording = false
        for (index, fields) in records.enumerated() {
            record = (list, index, fields)
            if condition.map({ test($0) }) ?? true { matching += 1 } else { failing.append((index, fields.source)) }
        }
        (record, recording) = saved
        let total = records.count
        let ok: Bool
        switch q {
        case .every: ok = failing.isEmpty
        case .some: ok = matching > 0
        case .none: ok = matching == 0
        case .count:
            ok =
                (min.flatMap { number($0) }.map { Decimal(matching) >= $0 } ?? true)
                && (max.flatMap { number($0) }.map { Decimal(matching) <= $0 } ?? true)
        }
        let bounds = [min.flatMap { number($0) }.map { "minimum \($0)" }, max.flatMap { number($0) }.map { "maximum \($0)" }]
            .compactMap { $0 }
        let scope = condition == nil ? "" : " meet the condition"
        note(list, nil, "\(matching) of \(total) record(s)\(scope)" + (bounds.isEmpty ? "" : " (\(bounds.joined(separator: ", ")))"))
        if q == .every {
            for (index, source) in failing.prefix(5) { note(list, source, "record \(index + 1) does not meet the condition") }
        }
        return ok
    }

    private mutating func compare(_ operand: Operand, _ comparisons: [(ComparisonOperator, Operand)]) -> Bool {
        guard let left = resolve(operand) else {
            note(operand.path, nil, "not given")
            return false
        }
        for (op, rightOperand) in comparisons {
            guard let right = resolve(rightOperand), let order = Self.order(left.value, right.value) else {
                note(left.path, left.source, "cannot compare with \(rightOperand.label)")
                return false
            }
            let holds = op.holds(order)
            note(
                left.path, left.source,
                "\(describe(left)) is \(holds ? "" : "not ")\(op.phrase) \(rightOperand.label)\(showValue(right))")
            if !holds { return false }
        }
        return true
    }

    /// Numbers by value, dates by day, text by its folded words, booleans by equality.
    static func order(_ a: FieldValue, _ b: FieldValue) -> ComparisonResult? {
        if let x = a.number, let y = b.number { return x < y ? .orderedAscending : x > y ? .orderedDescending : .orderedSame }
        if let x = a.date, let y = b.date { return x < y ? .orderedAscending : x > y ? .orderedDescending : .orderedSame }
        if let x = a.text, let y = b.text {
            let (kx, ky) = (TextFolding.key(x), TextFolding.key(y))
            return kx == ky ? .orderedSame : kx < ky ? .orderedAscending : .orderedDescending
        }
        if let x = a.boolean, let y = b.boolean { return x == y ? .orderedSame : x ? .orderedDescending : .orderedAscending }
        return nil
    }

    private mutating func matches(_ operands: [Operand], _ pattern: RulePattern) -> Bool {
        var found = false
        for operand in operands {
            guard let value = resolve(operand), let text = value.value.text else { continue }
            if pattern.matches(text) {
                found = true
                note(value.path, value.source, "mentions what the rule looks for")
            }
        }
        if !found { note(operands.first?.path, nil, "does not mention what the rule looks for") }
        return found
    }

    private mutating func member(_ operand: Operand, _ set: MemberSet) -> Bool {
        guard let value = resolve(operand) else {
            note(operand.path, nil, "not given")
            return false
        }
        let items: [String]
        switch set {
        case .literal(let list): items = list
        case .setting(let name): items = rules.settings[name]?.list ?? []
        }
        let key = TextFolding.key(value.value.description)
        let ok = items.contains { TextFolding.key($0) == key }
        note(value.path, value.source, "\(describe(value)) is \(ok ? "" : "not ")one of the listed values")
        return ok
    }
}
