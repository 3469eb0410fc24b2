import PEPModel
import Yams

/// Collects the problems found while loading the rule files, so that every file is checked in
/// full rather than stopping at the first mistake.
final class ProblemSink {
    private(set) var problems: [RuleProblem] = []

    func add(_ file: String, _ mark: Mark?, _ ruleID: String?, _ message: String) {
        problems.append(
            RuleProblem(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, ruleID: ruleID, message: message))
    }

    func add(_ file: String, _ line: Int, _ column: Int, _ ruleID: String?, _ message: String) {
        problems.append(RuleProblem(file: file, line: line, column: column, ruleID: ruleID, message: message))
    }
}

/// Reads the YAML nodes of one rule file, reporting type and key mistakes with their position.
///
/// Every helper returns nil after reporting a problem, so callers can carry on and find more.
struct NodeReader {
    let file: String
    let sink: ProblemSink
    /// The criterion (or part of the rule set) being read, for `[rule-id]` in messages.
    var ruleID: String?

    func problem(_ node: Node?, _ message: String) { sink.add(file, node?.mark, ruleID, message) }

    func with(ruleID: String?) -> NodeReader { NodeReader(file: file, sink: sink, ruleID: ruleID) }

    /// A mapping's entries by key, after checking the keys against `allowed` and `required`.
    func mapping(_ node: Node, _ what: String, allowed: [String], required: [String] = []) -> [String: Node]? {
        guard let map = node.mapping else {
            problem(node, "\(what) must be a mapping")
            return nil
        }
        var entries: [String: Node] = [:]
        for (key, value) in map {
            guard let name = key.scalar?.string else {
                problem(key, "a key in \(what) must be a plain word")
                continue
            }
            if !allowed.contains(name) {
                problem(key, "unknown key '\(name)' in \(what); expected one of: \(allowed.sorted().joined(separator: ", "))")
                continue
            }
            entries[name] = value
        }
        for name in required where entries[name] == nil && map[name] == nil {
            problem(node, "\(what) is missing the key '\(name)'")
        }
        return entries
    }

    func string(_ node: Node, _ what: String) -> String? {
        guard let scalar = node.scalar, !scalar.string.isEmpty else {
            problem(node, "'\(what)' must be text")
            return nil
        }
        return scalar.string
    }

    func integer(_ node: Node, _ what: String) -> Int? {
        guard let text = node.scalar?.string, let value = Int(text) else {
            problem(node, "'\(what)' must be a whole number")
            return nil
        }
        return value
    }

    func bool(_ node: Node, _ what: String) -> Bool? {
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            problem(node, "'\(what)' must be true or false")
            return nil
        }
    }

    func stringList(_ node: Node, _ what: String) -> [String]? {
        guard let seq = node.sequence else {
            problem(node, "'\(what)' must be a list")
            return nil
        }
        var out: [String] = []
        for item in seq {
            guard let text = item.scalar?.string else {
                problem(item, "each item of '\(what)' must be text")
                return nil
            }
            out.append(text)
        }
        return out
    }

    func date(_ node: Node, _ what: String) -> CalendarDate? {
        guard let text = node.scalar?.string, let date = CalendarDate(iso: text) else {
            problem(node, "'\(what)' must be a date written YYYY-MM-DD that exists")
            return nil
        }
        return date
    }

    func enumValue<E: RawRepresentable>(_ node: Node, _ what: String, _ options: [E]) -> E?
    where E.RawValue == String {
        guard let text = node.scalar?.string, let value = options.first(where: { $0.rawValue == text }) else {
            problem(node, "'\(what)' must be one of: \(options.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return value
    }
}
