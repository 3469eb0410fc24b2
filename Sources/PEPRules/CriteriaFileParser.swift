import Foundation
import PEPModel
import Yams

/// Reads one `criteria/<section>.yaml` file: `section:` and a list of `criteria:`.
struct CriteriaFileParser {
    let sink: ProblemSink
    let settings: [String: SettingValue]
    let header: RulesetHeader?

    static let criterionKeys = [
        "id", "title", "severity", "axis", "enabled", "applies_when", "check", "severity_when", "feedback",
    ]
    static let appliesWhenKeys = ["pep_type", "term", "phase", "year_group", "sen_status", "when"]

    func parse(_ root: Node, file: String) -> [Criterion] {
        let reader = NodeReader(file: file, sink: sink, ruleID: nil)
        guard let top = reader.mapping(root, "a criteria file", allowed: ["section", "criteria"], required: ["section", "criteria"]),
            let sectionNode = top["section"], let section = reader.string(sectionNode, "section"),
            let list = top["criteria"]
        else { return [] }
        let definition = header?.sections.first { $0.id == section }
        if header != nil && definition == nil {
            let known = header?.sections.map(\.id).joined(separator: ", ") ?? ""
            reader.problem(sectionNode, "unknown section '\(section)'; ruleset.yaml declares: \(known)")
        }
        guard let items = list.sequence else {
            reader.problem(list, "'criteria' must be a list")
            return []
        }
        return items.compactMap { criterion($0, section: section, axis: definition?.axis ?? .quality, reader: reader) }
    }

    private func criterion(_ node: Node, section: String, axis defaultAxis: RatingAxis, reader base: NodeReader) -> Criterion? {
        let id = node.mapping?["id"]?.scalar?.string
        let reader = base.with(ruleID: id ?? "?")
        guard
            let m = reader.mapping(
                node, "a criterion", allowed: Self.criterionKeys,
                required: ["id", "title", "severity", "check", "feedback"])
        else { return nil }
        let parser = PredicateParser(reader: reader, settings: settings, settingsKnown: header != nil)
        let title = m["title"].flatMap { node in reader.string(node, "title").flatMap { interpolate($0, node, reader) } }
        let feedback = m["feedback"].flatMap { node in reader.string(node, "feedback").flatMap { interpolate($0, node, reader) } }
        let severity = m["severity"].flatMap { reader.enumValue($0, "severity", Severity.allCases) }
        let axis = m["axis"].map { reader.enumValue($0, "axis", [RatingAxis.quality, .compliance]) } ?? defaultAxis
        let enabled = m["enabled"].map { reader.bool($0, "enabled") } ?? true
        let check = m["check"].flatMap { parser.predicate($0, scope: nil) }
        let applies = m["applies_when"].map { appliesWhen($0, parser: parser) } ?? (ok: true, predicate: nil)
        let overrides = m["severity_when"].map { severityWhen($0, parser: parser) } ?? []
        // An id is one line of text: it heads report rows and CSV columns, and the ledger keeps
        // a run's outcomes one id to a line (`CriterionOutcomes`).
        if let id, id.isEmpty || id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            reader.problem(m["id"], "a criterion id must be one non-empty line of text, with no control characters")
            return nil
        }
        guard let id, let title, let feedback, let severity, let axis, let enabled, let check, applies.ok,
            let overrides
        else { return nil }
        return Criterion(
            id: id, section: section, title: title, feedback: feedback, severity: severity, axis: axis,
            enabled: enabled, appliesWhen: applies.predicate, check: check, severityWhen: overrides,
            file: reader.file, line: m["id"]?.mark?.line ?? 1, column: m["id"]?.mark?.column ?? 1)
    }

    /// Writes `{settings.name}` in a title or feedback as the setting's value, so that wording
    /// follows a changed threshold ("below {settings.attendance_threshold}%"). An unknown
    /// setting, or one that is a list or table, is a problem with the line.
    /// `550` for a whole number, `550.50` for one with a fraction (money is written in pounds).
    static func wording(_ n: Decimal) -> String {
        var whole = Decimal()
        var value = n
        NSDecimalRound(&whole, &value, 0, .plain)
        if whole == n { return "\(n)" }
        return String(format: "%.2f", NSDecimalNumber(decimal: n).doubleValue)
    }

    func interpolate(_ text: String, _ node: Node, _ reader: NodeReader) -> String? {
        guard text.contains("{settings.") else { return text }
        var out = ""
        var rest = Substring(text)
        var ok = true
        while let match = rest.firstMatch(of: /\{settings\.([A-Za-z0-9_]+)\}/) {
            out += rest[..<match.range.lowerBound]
            let name = String(match.1)
            switch settings[name] {
            case .number(let n): out += Self.wording(n)
            case .text(let t): out += t
            case .date(let d): out += d.iso
            case .boolean(let b): out += b ? "yes" : "no"
            case .list, .table:
                reader.problem(node, "setting '\(name)' is a list or table and cannot be written in text")
                ok = false
            case nil:
                if header == nil {
                    out += String(match.0)
                } else {
                    reader.problem(node, "unknown setting '\(name)' in the text")
                    ok = false
                }
            }
            rest = rest[match.range.upperBound...]
        }
        return ok ? out + rest : nil
    }

    /// `applies_when`: shorthand filters (`pep_type`, `term`, `phase`, `year_group`,
    /// `sen_status`, each a list or `settings.<name>`) and `when:`, any condition. All must hold.
    private func appliesWhen(_ node: Node, parser: PredicateParser) -> (ok: Bool, predicate: Predicate?) {
        let reader = parser.reader
        guard let m = reader.mapping(node, "'applies_when'", allowed: Self.appliesWhenKeys) else { return (false, nil) }
        var parts: [Predicate] = []
        var failed = false
        // Phases are named in ruleset.yaml: when it did not load, its own problem is the one to
        // report, not one "unknown phase" per criterion that names a phase.
        let filters: [(String, Operand, [String]?)] = [
            ("pep_type", .field("pep.type"), PEPType.canonicalSpellings),
            ("term", .field("pep.term"), Term.canonicalSpellings),
            ("phase", .phase, header?.phases.map(\.name)),
            ("year_group", .field("child.year_group"), YearGroup.canonicalSpellings),
            ("sen_status", .field("child.send.status"), SENStatus.canonicalSpellings),
        ]
        for (key, operand, allowed) in filters {
            guard let value = m[key] else { continue }
            guard let set = parser.memberSet(value) else {
                failed = true
                continue
            }
            if case .literal(let items) = set, let allowed {
                for item in items where !allowed.contains(item) {
                    reader.problem(value, "'\(item)' is not a valid \(key); expected one of: \(allowed.joined(separator: ", "))")
                    failed = true
                }
            }
            parts.append(.member(operand, set))
        }
        if let when = m["when"] {
            if let p = parser.predicate(when, scope: nil) { parts.append(p) } else { failed = true }
        }
        return (!failed, .all(parts))
    }

    private func severityWhen(_ node: Node, parser: PredicateParser) -> [(Predicate, Severity)]? {
        let reader = parser.reader
        guard let items = node.sequence else {
            reader.problem(node, "'severity_when' must be a list of {when, severity}")
            return nil
        }
        var out: [(Predicate, Severity)] = []
        for item in items {
            guard let m = reader.mapping(item, "a severity_when entry", allowed: ["when", "severity"], required: ["when", "severity"]),
                let w = m["when"], let s = m["severity"]
            else { return nil }
            guard let condition = parser.predicate(w, scope: nil), let severity = reader.enumValue(s, "severity", Severity.allCases)
            else { return nil }
            out.append((condition, severity))
        }
        return out
    }

    /// Where each criterion id is written, valid criterion or not, for finding duplicates.
    func idMarks(_ root: Node, file: String) -> [(id: String, file: String, line: Int, column: Int)] {
        (root.mapping?["criteria"]?.sequence.map(Array.init) ?? []).compactMap { item in
            guard let node = item.mapping?["id"], let id = node.scalar?.string else { return nil }
            return (id, file, node.mark?.line ?? 1, node.mark?.column ?? 1)
        }
    }

    /// Reports each id defined twice, at the later definition, naming the first.
    func reportDuplicates(_ marks: [(id: String, file: String, line: Int, column: Int)]) {
        var seen: [String: (file: String, line: Int, column: Int)] = [:]
        for mark in marks {
            if let first = seen[mark.id] {
                sink.add(
                    mark.file, mark.line, mark.column, mark.id,
                    "duplicate criterion id (first defined at \(first.file):\(first.line):\(first.column))")
            } else {
                seen[mark.id] = (mark.file, mark.line, mark.column)
            }
        }
    }
}
