import Foundation
import PEPModel
import Yams

extension PredicateParser {
    /// An operand: a reference by name, a number or boolean literal, or `{text:}`, `{date:}`,
    /// `{sum:}`, `{count:}`.
    func operand(_ node: Node, scope: FieldPath?, allowList: Bool = false) -> Operand? {
        if let map = node.mapping { return compound(node, map, scope: scope) }
        guard let scalar = node.scalar, !scalar.string.isEmpty else {
            reader.problem(node, "expected a field path, a setting or a value")
            return nil
        }
        let text = scalar.string
        if scalar.style == .plain {
            if text == "true" || text == "false" { return .literal(.boolean(text == "true")) }
            if text.first.map({ $0.isNumber || $0 == "-" }) == true, let number = Decimal(string: text),
                text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" })
            {
                return .literal(.decimal(number))
            }
        }
        return reference(text, node, scope: scope, allowList: allowList)
    }

    private func compound(_ node: Node, _ map: Node.Mapping, scope: FieldPath?) -> Operand? {
        guard let m = reader.mapping(node, "a value", allowed: ["text", "date", "sum", "count"]), m.count == 1,
            let (key, body) = m.first
        else {
            if node.mapping?.count != 1 { reader.problem(node, "a value mapping has exactly one of: text, date, sum, count") }
            return nil
        }
        switch key {
        case "text": return reader.string(body, "text").map { .literal(.text($0)) }
        case "date": return reader.date(body, "date").map { .literal(.date($0)) }
        case "count":
            guard let name = reader.string(body, "count"), FieldCatalogue.list(FieldPath(name)) != nil else {
                reader.problem(body, "'count' must name a list of the contract")
                return nil
            }
            return .count(FieldPath(name))
        default:
            let items = body.sequence.map(Array.init) ?? [body]
            let parts = items.map { item -> Operand? in
                guard let value = operand(item, scope: scope, allowList: true) else { return nil }
                if case .field(let path) = value, let (list, _) = path.listMember, scope != list {
                    return sumMember(path, item)
                }
                return typed(item, .number, "sum", scope: scope)
            }
            guard parts.allSatisfy({ $0 != nil }) else { return nil }
            return .sum(parts.compactMap { $0 })
        }
    }

    /// A list member path inside `sum` adds up the field over every record.
    private func sumMember(_ path: FieldPath, _ node: Node) -> Operand? {
        guard let (list, field) = path.listMember, let kind = FieldCatalogue.list(list)?.kind(of: field),
            ValueKind(kind) == .number
        else {
            reader.problem(node, "bad type: 'sum' needs a number")
            return nil
        }
        return .field(path)
    }

    private func reference(_ text: String, _ node: Node, scope: FieldPath?, allowList: Bool) -> Operand? {
        switch text {
        case "received": return .received
        case "phase": return .phase
        case "year_number": return .yearNumber
        default: break
        }
        if text.hasPrefix("term.") {
            guard let kind = TermDateKind(rawValue: String(text.dropFirst(5))) else {
                reader.problem(node, "unknown term date '\(text)'; expected term.start, term.end or term.completion")
                return nil
            }
            return .termDate(kind)
        }
        if text.hasPrefix("history.") {
            guard let fact = HistoryFact(rawValue: String(text.dropFirst(8))) else {
                let facts = HistoryFact.allCases.map(\.rawValue).joined(separator: ", ")
                reader.problem(node, "unknown history fact '\(text)'; expected history. followed by one of: \(facts)")
                return nil
            }
            return .history(fact)
        }
        if text.hasPrefix("settings.") { return setting(String(text.dropFirst(9)), node, scope: scope) }
        return fieldPath(text, node, scope: scope, allowList: allowList)
    }

    private func setting(_ text: String, _ node: Node, scope: FieldPath?) -> Operand? {
        var name = text
        var key: Operand?
        if let open = text.firstIndex(of: "["), text.hasSuffix("]") {
            name = String(text[..<open])
            let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            guard let parsed = reference(inner, node, scope: scope, allowList: false) else { return nil }
            key = parsed
        }
        guard let value = settings[name] else {
            if settingsKnown { reader.problem(node, "unknown setting '\(name)'") }
            return settingsKnown ? nil : .setting(name, key: key)
        }
        if case .table = value, key == nil {
            reader.problem(node, "setting '\(name)' is a table; write settings.\(name)[<key>], e.g. [phase]")
            return nil
        }
        return .setting(name, key: key)
    }

    private func fieldPath(_ text: String, _ node: Node, scope: FieldPath?, allowList: Bool) -> Operand? {
        let path = FieldPath(text)
        guard FieldCatalogue.knows(path) else {
            reader.problem(node, "unknown field path '\(text)'")
            return nil
        }
        if let (list, _) = path.listMember, list != scope {
            if allowList { return .field(path) }
            reader.problem(
                node,
                "'\(text)' is a field of each record of '\(list)'; use it inside count, every, some or none over '\(list)'")
            return nil
        }
        if FieldCatalogue.list(path) != nil && !allowList {
            reader.problem(node, "bad type: '\(text)' is a list; use present, count, every, some or none")
            return nil
        }
        return .field(path)
    }

    /// The kind of value an operand gives, for type checks (nil when it cannot be known).
    func kind(of operand: Operand) -> ValueKind? {
        switch operand {
        case .field(let path):
            if let scalar = FieldCatalogue.scalar(path) { return ValueKind(scalar.kind) }
            if let (list, field) = path.listMember, let kind = FieldCatalogue.list(list)?.kind(of: field) {
                return ValueKind(kind)
            }
            return .list
        case .literal(let value):
            switch value {
            case .text: return .text
            case .date: return .date
            case .boolean: return .boolean
            default: return .number
            }
        case .setting(let name, _): return settings[name]?.kind
        case .received, .termDate: return .date
        case .phase: return .text
        case .yearNumber, .sum, .count: return .number
        case .history(let fact): return fact.kind
        }
    }
}
