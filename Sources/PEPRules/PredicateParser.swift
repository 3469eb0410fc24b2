import Foundation
import PEPModel
import Yams

/// Parses the YAML tree of a condition into a `Predicate`, reporting every mistake with its
/// position: unknown operators and keys, unknown field paths and settings, bad types, bad regular
/// expressions.
struct PredicateParser {
    let reader: NodeReader
    let settings: [String: SettingValue]
    /// False when `ruleset.yaml` could not be read: setting names are then not checked, so one
    /// broken file does not bury the real problems under "unknown setting" noise.
    var settingsKnown = true

    static let operators = [
        "all", "any", "not", "if", "present", "words", "count", "every", "some", "none", "compare",
        "matches", "in", "days_between", "upn_valid", "resolves_to_target", "attached", "same_text",
        "year_group_fits_age",
    ]

    /// A condition; `scope` is the list whose records a `where:` condition is looking at.
    func predicate(_ node: Node, scope: FieldPath?) -> Predicate? {
        guard let map = node.mapping else {
            reader.problem(node, "a condition must be a mapping with one operator (\(Self.operators.joined(separator: ", ")))")
            return nil
        }
        let keys = map.keys.compactMap { $0.scalar?.string }
        if keys.contains("if") { return conditional(node, scope: scope) }
        guard keys.count == 1, let (keyNode, body) = map.first, let op = keyNode.scalar?.string else {
            reader.problem(node, "a condition has exactly one operator; found: \(keys.joined(separator: ", "))")
            return nil
        }
        guard Self.operators.contains(op) else {
            reader.problem(keyNode, "unknown operator '\(op)'; expected one of: \(Self.operators.joined(separator: ", "))")
            return nil
        }
        return parse(op, body, scope: scope)
    }

    private func parse(_ op: String, _ body: Node, scope: FieldPath?) -> Predicate? {
        switch op {
        case "all", "any": return group(op, body, scope: scope)
        case "not": return predicate(body, scope: scope).map { .not($0) }
        case "present": return present(body, scope: scope)
        case "words": return words(body, scope: scope)
        case "count", "every", "some", "none": return quantified(Quantifier(rawValue: op) ?? .count, body, scope: scope)
        case "compare": return compare(body, scope: scope)
        case "matches": return matches(body, scope: scope)
        case "in": return member(body, scope: scope)
        case "days_between": return daysBetween(body, scope: scope)
        case "upn_valid": return typed(body, .text, op, scope: scope).map { .upnValid($0) }
        case "resolves_to_target": return typed(body, .text, op, scope: scope).map { .resolvesToTarget($0) }
        case "attached": return pattern(body, "attached").map { .attached($0) }
        case "same_text": return sameText(body, scope: scope)
        default: return yearGroupFitsAge(body)
        }
    }

    private func conditional(_ node: Node, scope: FieldPath?) -> Predicate? {
        guard let m = reader.mapping(node, "an if/then condition", allowed: ["if", "then", "else"], required: ["if", "then"]),
            let ifNode = m["if"], let thenNode = m["then"]
        else { return nil }
        let condition = predicate(ifNode, scope: scope)
        let then = predicate(thenNode, scope: scope)
        let otherwise = m["else"].map { predicate($0, scope: scope) }
        guard let condition, let then, otherwise ?? .some(.all([])) != nil else { return nil }
        return .conditional(if: condition, then: then, else: otherwise ?? nil)
    }

    private func group(_ op: String, _ body: Node, scope: FieldPath?) -> Predicate? {
        guard let items = body.sequence, !items.isEmpty else {
            reader.problem(body, "'\(op)' must be a list of conditions")
            return nil
        }
        let parsed = items.map { predicate($0, scope: scope) }
        let valid = parsed.compactMap { $0 }
        guard valid.count == parsed.count else { return nil }
        return op == "all" ? .all(valid) : .any(valid)
    }

    private func words(_ body: Node, scope: FieldPath?) -> Predicate? {
        guard let m = reader.mapping(body, "'words'", allowed: ["path", "min", "max"], required: ["path"]),
            let pathNode = m["path"]
        else { return nil }
        let path = typed(pathNode, .text, "words.path", scope: scope)
        let min = m["min"].map { typed($0, .number, "words.min", scope: scope) }
        let max = m["max"].map { typed($0, .number, "words.max", scope: scope) }
        guard let path, min ?? .some(.received) != nil, max ?? .some(.received) != nil else { return nil }
        return .words(path, min: min ?? nil, max: max ?? nil)
    }

    /// `present: path`: a whole list may be named (`present: targets`), but a field of each
    /// record only inside a condition over that list, where there is one record to look at.
    private func present(_ body: Node, scope: FieldPath?) -> Predicate? {
        guard let value = operand(body, scope: scope, allowList: true) else { return nil }
        if case .field(let path) = value, let (list, _) = path.listMember, list != scope {
            reader.problem(
                body, "'\(path)' is a field of each record of '\(list)'; use it inside count, every, some or none over '\(list)'")
            return nil
        }
        return .present(value)
    }

    private func quantified(_ q: Quantifier, _ body: Node, scope: FieldPath?) -> Predicate? {
        let allowed = q == .count ? ["list", "where", "min", "max"] : ["list", "where"]
        guard let m = reader.mapping(body, "'\(q.rawValue)'", allowed: allowed, required: q == .every ? ["list", "where"] : ["list"]),
            let listNode = m["list"], let name = reader.string(listNode, "\(q.rawValue).list")
        else { return nil }
        guard FieldCatalogue.list(FieldPath(name)) != nil else {
            let known = FieldCatalogue.knows(FieldPath(name))
            reader.problem(listNode, known ? "'\(name)' is not a list" : "unknown field path '\(name)'")
            return nil
        }
        let list = FieldPath(name)
        let condition = m["where"].map { predicate($0, scope: list) }
        let min = m["min"].map { typed($0, .number, "count.min", scope: scope) }
        let max = m["max"].map { typed($0, .number, "count.max", scope: scope) }
        if q == .count, m["min"] == nil, m["max"] == nil {
            reader.problem(body, "'count' needs min, max or both (without them it always holds)")
            return nil
        }
        guard condition ?? .some(.all([])) != nil, min ?? .some(.received) != nil, max ?? .some(.received) != nil else {
            return nil
        }
        return .quantified(q, list: list, where: condition ?? nil, min: min ?? nil, max: max ?? nil)
    }

    private func compare(_ body: Node, scope: FieldPath?) -> Predicate? {
        let ops = ComparisonOperator.allCases.map(\.rawValue)
        guard let m = reader.mapping(body, "'compare'", allowed: ["value"] + ops, required: ["value"]),
            let valueNode = m["value"], let value = operand(valueNode, scope: scope)
        else { return nil }
        let left = kind(of: value)
        var comparisons: [(ComparisonOperator, Operand)] = []
        var failed = false
        for op in ComparisonOperator.allCases {
            guard let node = m[op.rawValue] else { continue }
            guard let right = operand(node, scope: scope) else {
                failed = true
                continue
            }
            if let left, let rightKind = kind(of: right), !comparable(left, rightKind, op) {
                reader.problem(node, "bad type: cannot compare \(left.phrase) with \(rightKind.phrase) using '\(op.rawValue)'")
                failed = true
            }
            comparisons.append((op, right))
        }
        if comparisons.isEmpty && !failed {
            reader.problem(body, "'compare' needs at least one of: \(ops.joined(separator: ", "))")
            return nil
        }
        return failed ? nil : .compare(value, comparisons)
    }

    private func comparable(_ a: ValueKind, _ b: ValueKind, _ op: ComparisonOperator) -> Bool {
        guard a == b, a != .list else { return false }
        return a == .number || a == .date || op == .eq || op == .ne
    }

    private func matches(_ body: Node, scope: FieldPath?) -> Predicate? {
        guard let m = reader.mapping(body, "'matches'", allowed: ["path", "paths", "pattern"], required: ["pattern"]),
            let patternNode = m["pattern"]
        else { return nil }
        var nodes: [Node] = []
        if let one = m["path"] { nodes.append(one) }
        if let many = m["paths"] {
            guard let seq = many.sequence else {
                reader.problem(many, "'matches.paths' must be a list")
                return nil
            }
            nodes += seq
        }
        guard !nodes.isEmpty else {
            reader.problem(body, "'matches' needs 'path' or 'paths'")
            return nil
        }
        let operands = nodes.map { typed($0, .text, "matches.path", scope: scope) }
        let regex = pattern(patternNode, "matches.pattern")
        guard let regex, operands.allSatisfy({ $0 != nil }) else { return nil }
        return .matches(operands.compactMap { $0 }, regex)
    }

    private func member(_ body: Node, scope: FieldPath?) -> Predicate? {
        guard let m = reader.mapping(body, "'in'", allowed: ["value", "of"], required: ["value", "of"]),
            let valueNode = m["value"], let ofNode = m["of"]
        else { return nil }
        let value = operand(valueNode, scope: scope)
        let set = memberSet(ofNode)
        guard let value, let set else { return nil }
        return .member(value, set)
    }

    /// A list written in place, or `settings.<name>` naming a list setting.
    func memberSet(_ node: Node) -> MemberSet? {
        if node.sequence != nil { return reader.stringList(node, "in.of").map { .literal($0) } }
        guard let text = node.scalar?.string, text.hasPrefix("settings.") else {
            reader.problem(node, "'of' must be a list or settings.<name>")
            return nil
        }
        let name = String(text.dropFirst("settings.".count))
        guard let setting = settings[name] else {
            if settingsKnown { reader.problem(node, "unknown setting '\(name)'") }
            return settingsKnown ? nil : .setting(name)
        }
        guard setting.list != nil else {
            reader.problem(node, "bad type: setting '\(name)' is not a list")
            return nil
        }
        return .setting(name)
    }

    private func daysBetween(_ body: Node, scope: FieldPath?) -> Predicate? {
        guard
            let m = reader.mapping(
                body, "'days_between'", allowed: ["from", "to", "unit", "min", "max"], required: ["from", "to"]),
            let fromNode = m["from"], let toNode = m["to"]
        else { return nil }
        let from = typed(fromNode, .date, "days_between.from", scope: scope)
        let to = typed(toNode, .date, "days_between.to", scope: scope)
        let unit = m["unit"].map { reader.enumValue($0, "days_between.unit", DayUnit.allCases) } ?? .calendar
        let min = m["min"].map { typed($0, .number, "days_between.min", scope: scope) }
        let max = m["max"].map { typed($0, .number, "days_between.max", scope: scope) }
        guard let from, let to, let unit, min ?? .some(.received) != nil, max ?? .some(.received) != nil else {
            return nil
        }
        if min == nil && max == nil { reader.problem(body, "'days_between' needs 'min' or 'max'") }
        return .daysBetween(from: from, to: to, unit: unit, min: min ?? nil, max: max ?? nil)
    }

    private func sameText(_ body: Node, scope: FieldPath?) -> Predicate? {
        guard let items = body.sequence, items.count == 2 else {
            reader.problem(body, "'same_text' must be a list of two values")
            return nil
        }
        let a = typed(items[0], .text, "same_text", scope: scope)
        let b = typed(items[1], .text, "same_text", scope: scope)
        guard let a, let b else { return nil }
        return .sameText(a, b)
    }

    private func yearGroupFitsAge(_ body: Node) -> Predicate? {
        guard let m = reader.mapping(body, "'year_group_fits_age'", allowed: ["tolerance"]) else { return nil }
        let tolerance = m["tolerance"].map { reader.integer($0, "tolerance") } ?? 0
        return tolerance.map { .yearGroupFitsAge(tolerance: $0) }
    }

    func pattern(_ node: Node, _ what: String) -> RulePattern? {
        guard let text = reader.string(node, what) else { return nil }
        guard text.utf16.count <= RulePattern.maxLength else {
            reader.problem(
                node, "the regular expression in '\(what)' is longer than \(RulePattern.maxLength) characters; split it into alternatives with any:")
            return nil
        }
        guard let compiled = RulePattern(text) else {
            reader.problem(node, "invalid regular expression in '\(what)'")
            return nil
        }
        return compiled
    }

    /// An operand that must be of `expected` kind.
    func typed(_ node: Node, _ expected: ValueKind, _ what: String, scope: FieldPath?) -> Operand? {
        guard let value = operand(node, scope: scope) else { return nil }
        if let actual = kind(of: value), actual != expected {
            reader.problem(node, "bad type: '\(what)' needs \(expected.phrase), but this is \(actual.phrase)")
            return nil
        }
        return value
    }
}
