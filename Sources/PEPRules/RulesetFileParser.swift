import Foundation
import PEPModel
import Yams

/// What `ruleset.yaml` holds, before the criteria are read.
struct RulesetHeader {
    var version = "unversioned"
    var settings: [String: SettingValue] = [:]
    var phases: [(name: String, years: [String])] = []
    var sections: [SectionDefinition] = []
    var aggregation = AggregationPolicy(
        sectionMinorFailsForAmber: 2, amberSectionsThreshold: 2, overallMajorFailsForAmber: 3,
        complianceMinorFailsForAmber: 2)
    var coverage = CoveragePolicy(requiredFields: [], minimumFoundShare: 0.5)
    var funding = FundingPolicy(partialApproval: true, requestIsClear: nil)
}

/// Reads `ruleset.yaml`: version, settings, phases, sections, aggregation, coverage, funding.
struct RulesetFileParser {
    let sink: ProblemSink

    /// Settings that other stages read as typed values, with the kind each must have.
    static let requiredSettings: [(String, ValueKind)] = [
        ("sla_days", .number), ("ppplus_termly_cap", .number), ("ppplus_financial_year_cap", .number),
        ("allowed_funding_ratings", .list),
    ]

    func parse(_ root: Node, file: String) -> RulesetHeader {
        var header = RulesetHeader()
        let reader = NodeReader(file: file, sink: sink, ruleID: nil)
        let keys = ["version", "settings", "phases", "sections", "aggregation", "coverage", "funding"]
        guard let top = reader.mapping(root, "ruleset.yaml", allowed: keys, required: ["version", "settings", "sections"])
        else { return header }
        if let v = top["version"], let version = reader.string(v, "version") { header.version = version }
        if let s = top["settings"] { header.settings = settings(s, reader.with(ruleID: "settings")) }
        if let p = top["phases"] { header.phases = phases(p, reader.with(ruleID: "phases")) }
        if let s = top["sections"] { header.sections = sections(s, reader.with(ruleID: "sections")) }
        if let a = top["aggregation"] { aggregation(a, reader.with(ruleID: "aggregation"), into: &header.aggregation) }
        if let c = top["coverage"] { coverage(c, reader.with(ruleID: "coverage"), into: &header.coverage) }
        if let f = top["funding"] {
            funding(f, reader.with(ruleID: "funding"), settings: header.settings, into: &header.funding)
        }
        return header
    }

    private func settings(_ node: Node, _ reader: NodeReader) -> [String: SettingValue] {
        guard let map = node.mapping else {
            reader.problem(node, "settings must be a mapping")
            return [:]
        }
        var out: [String: SettingValue] = [:]
        for (key, value) in map {
            guard let name = key.scalar?.string, let parsed = settingValue(value, reader) else { continue }
            out[name] = parsed
        }
        for (name, kind) in Self.requiredSettings {
            guard let value = out[name] else {
                reader.problem(node, "required setting '\(name)' is missing")
                continue
            }
            if value.kind != kind { reader.problem(map[name], "bad type: setting '\(name)' must be \(kind.phrase)") }
        }
        for name in Clocks.defaults.keys.sorted() {
            guard let value = out[name] else { continue }
            if value.number.map({ $0 < 1 || Decimal(NSDecimalNumber(decimal: $0).intValue) != $0 }) ?? true {
                reader.problem(map[name], "bad value: the clock setting '\(name)' must be a whole number of days, at least 1")
            }
        }
        for rating in out["allowed_funding_ratings"]?.list ?? [] where Rating(rawValue: rating) == nil {
            reader.problem(map["allowed_funding_ratings"], "'\(rating)' is not a rating; expected red, amber or green")
        }
        return out
    }

    func settingValue(_ node: Node, _ reader: NodeReader) -> SettingValue? {
        if let map = node.mapping {
            var table: [String: SettingValue] = [:]
            for (key, value) in map {
                guard let name = key.scalar?.string, let parsed = settingValue(value, reader) else { continue }
                table[name] = parsed
            }
            return .table(table)
        }
        if node.sequence != nil { return reader.stringList(node, "setting").map { .list($0) } }
        guard let scalar = node.scalar else { return nil }
        let text = scalar.string
        if scalar.style == .plain {
            if text == "true" || text == "false" { return .boolean(text == "true") }
            // A date first: `2025-09-01` is also digits and dashes, and would read as 2025.
            if text.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil {
                if let date = CalendarDate(iso: text) { return .date(date) }
                reader.problem(node, "bad date: \(text) does not exist")
                return nil
            }
            if let number = Decimal(string: text), text.wholeMatch(of: /-?\d+(\.\d+)?/) != nil {
                return .number(number)
            }
        }
        return .text(text)
    }

    private func phases(_ node: Node, _ reader: NodeReader) -> [(name: String, years: [String])] {
        guard let map = node.mapping else {
            reader.problem(node, "phases must be a mapping of phase name to year groups")
            return []
        }
        var out: [(String, [String])] = []
        for (key, value) in map {
            guard let name = key.scalar?.string, let years = reader.stringList(value, name) else { continue }
            for year in years where YearGroup(rawValue: year) == nil {
                reader.problem(value, "'\(year)' is not a year group (N1, N2, R, 1 ... 14)")
            }
            out.append((name, years))
        }
        return out
    }

    private func sections(_ node: Node, _ reader: NodeReader) -> [SectionDefinition] {
        guard let items = node.sequence else {
            reader.problem(node, "sections must be a list")
            return []
        }
        var out: [SectionDefinition] = []
        for item in items {
            guard
                let m = reader.mapping(
                    item, "a section", allowed: ["id", "title", "axis", "excluded_from_overall"], required: ["id", "title"]),
                let idNode = m["id"], let id = reader.string(idNode, "id"), let t = m["title"],
                let title = reader.string(t, "title")
            else { continue }
            if out.contains(where: { $0.id == id }) { reader.problem(idNode, "duplicate section id '\(id)'") }
            let axis = m["axis"].flatMap { reader.enumValue($0, "axis", [RatingAxis.quality, .compliance]) } ?? .quality
            let excluded = m["excluded_from_overall"].flatMap { reader.bool($0, "excluded_from_overall") } ?? false
            out.append(SectionDefinition(id: id, title: title, axis: axis, excludedFromOverall: excluded))
        }
        return out
    }

    private func aggregation(_ node: Node, _ reader: NodeReader, into policy: inout AggregationPolicy) {
        let keys: [(String, WritableKeyPath<AggregationPolicy, Int>)] = [
            ("section_minor_fails_for_amber", \.sectionMinorFailsForAmber),
            ("amber_sections_threshold", \.amberSectionsThreshold),
            ("overall_major_fails_for_amber", \.overallMajorFailsForAmber),
            ("compliance_minor_fails_for_amber", \.complianceMinorFailsForAmber),
        ]
        guard let m = reader.mapping(node, "aggregation", allowed: keys.map(\.0)) else { return }
        for (key, path) in keys {
            if let n = m[key], let value = reader.integer(n, key) {
                if value < 1 { reader.problem(n, "'\(key)' must be at least 1") }
                policy[keyPath: path] = value
            }
        }
    }

    private func coverage(_ node: Node, _ reader: NodeReader, into policy: inout CoveragePolicy) {
        guard
            let m = reader.mapping(
                node, "coverage", allowed: ["required_fields", "could_not_assess_below"], required: ["required_fields"])
        else { return }
        if let n = m["required_fields"], let seq = n.sequence {
            for item in seq {
                guard let text = reader.string(item, "required_fields") else { continue }
                if FieldCatalogue.knows(FieldPath(text)) {
                    policy.requiredFields.append(FieldPath(text))
                } else {
                    reader.problem(item, "unknown field path '\(text)'")
                }
            }
        } else if let n = m["required_fields"] {
            reader.problem(n, "'required_fields' must be a list")
        }
        if let n = m["could_not_assess_below"] {
            guard let text = n.scalar?.string, let share = Double(text), (0...1).contains(share) else {
                reader.problem(n, "'could_not_assess_below' must be a share from 0 to 1")
                return
            }
            policy.minimumFoundShare = share
        }
    }

    private func funding(
        _ node: Node, _ reader: NodeReader, settings: [String: SettingValue], into policy: inout FundingPolicy
    ) {
        guard let m = reader.mapping(node, "funding", allowed: ["partial_approval", "request_is_clear"]) else { return }
        if let n = m["partial_approval"], let value = reader.bool(n, "partial_approval") { policy.partialApproval = value }
        if let n = m["request_is_clear"] {
            let parser = PredicateParser(reader: reader, settings: settings)
            policy.requestIsClear = parser.predicate(n, scope: FieldPath("ppplus.requests"))
        }
    }
}
