import Foundation
import PEPModel
import Yams

/// Loads the output configuration files into PEPModel values: `Rules/finance.yaml`,
/// `Rules/feedback/settings.yaml` (with the two body templates beside it) and
/// `Rules/exports/eclipse.yaml`.
///
/// Files are walked as YAML nodes rather than decoded, so that every error carries the
/// `file:line:column` of the key or value at fault. Unknown keys are errors too (a typo must not
/// silently fall back to a default).
package enum OutputConfigLoader {
    // MARK: finance.yaml

    /// Keys (all text unless said): `journal.source` (default `VS-PEP-PIPELINE`),
    /// `journal.vs_cost_centre` (required), `journal.subjective` (required),
    /// `journal.analysis_code` (default `PPPLUS-{financial_year}`), `journal.prepared_by` (required),
    /// `journal.narrative_max` (integer, default 30), `payments.reference_prefix` (default `PP`,
    /// letters, at most 4), `notices.from` (required), `notices.message_id_domain` (required).
    package static func finance(contentsOf url: URL) throws -> FinanceSettings {
        try finance(yaml: read(url), file: url.path)
    }

    package static func finance(yaml: String, file: String) throws -> FinanceSettings {
        let root = try OutputYAMLNode.root(yaml, file: file)
        try root.allowKeys(["version", "journal", "payments", "notices", "authorisation", "folders"])
        let folders = try root.optionalMapping("folders")
        try folders?.allowKeys(["finance", "admin"])
        let journal = try root.mapping("journal")
        try journal.allowKeys(["source", "vs_cost_centre", "subjective", "analysis_code", "prepared_by", "narrative_max"])
        let payments = try root.optionalMapping("payments")
        try payments?.allowKeys(["reference_prefix"])
        let notices = try root.mapping("notices")
        try notices.allowKeys(["from", "message_id_domain"])
        let prefix = try payments?.optionalText("reference_prefix") ?? "PP"
        guard (1...4).contains(prefix.count), prefix.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw payments?.error(at: "reference_prefix", "reference_prefix must be 1 to 4 capital letters")
                ?? root.error(at: "payments", "reference_prefix must be 1 to 4 capital letters")
        }
        let authorisation = try root.optionalMapping("authorisation")
        try authorisation?.allowKeys(["authorisers", "single_person"])
        let authorisers = try authorisation?.optionalTextList("authorisers")
        for role in authorisers ?? [] where !["vsh", "finance"].contains(role) {
            throw authorisation?.error(at: "authorisers", "authorisers may name vsh and finance, not '\(role)'")
                ?? root.error(at: "authorisation", "authorisers may name vsh and finance")
        }
        if let authorisers, authorisers.isEmpty {
            throw authorisation?.error(at: "authorisers", "authorisers must name at least one role (vsh, finance)")
                ?? root.error(at: "authorisation", "authorisers must name at least one role")
        }
        let narrativeMax = try journal.optionalInt("narrative_max") ?? 30
        guard (10...240).contains(narrativeMax) else { throw journal.error(at: "narrative_max", "narrative_max must be from 10 to 240") }
        return FinanceSettings(
            journalSource: try journal.optionalText("source") ?? "VS-PEP-PIPELINE",
            vsCostCentre: try journal.text("vs_cost_centre"), subjective: try journal.text("subjective"),
            analysisCodePattern: try journal.optionalText("analysis_code") ?? "PPPLUS-{financial_year}",
            preparedBy: try journal.text("prepared_by"), narrativeMaxLength: narrativeMax, referencePrefix: prefix,
            noticeFrom: try notices.text("from"), messageIDDomain: try notices.text("message_id_domain"),
            authoriserRoles: authorisers, singlePerson: try authorisation?.optionalBool("single_person"),
            financeFolder: try folders?.optionalText("finance"), adminFolder: try folders?.optionalText("admin"))
    }

    // MARK: feedback/settings.yaml

    /// Reads `settings.yaml` and the Mustache body templates `designated-teacher.mustache` and
    /// `social-worker.mustache` from the feedback folder. Keys: `from` (required), `reply_to`,
    /// `subject` (required), `message_id_domain` (required).
    package static func feedback(folder: URL) throws -> FeedbackSettings {
        let settingsURL = folder.appendingPathComponent("settings.yaml")
        return try feedback(
            yaml: read(settingsURL), file: settingsURL.path,
            designatedTeacherTemplate: read(folder.appendingPathComponent("designated-teacher.mustache")),
            socialWorkerTemplate: read(folder.appendingPathComponent("social-worker.mustache")))
    }

    package static func feedback(yaml: String, file: String, designatedTeacherTemplate: String, socialWorkerTemplate: String) throws -> FeedbackSettings {
        let root = try OutputYAMLNode.root(yaml, file: file)
        try root.allowKeys(["version", "from", "reply_to", "subject", "message_id_domain"])
        return FeedbackSettings(
            from: try root.text("from"), replyTo: try root.optionalText("reply_to") ?? "", subject: try root.text("subject"),
            messageIDDomain: try root.text("message_id_domain"), designatedTeacherTemplate: designatedTeacherTemplate,
            socialWorkerTemplate: socialWorkerTemplate)
    }

    // MARK: exports/eclipse.yaml

    /// Keys: `date_format` (`yyyy`, `yy`, `MM`, `dd` and separators; default `yyyy-MM-dd`),
    /// `money_format` (`pounds` | `pence`, default pounds), `ratings` (`red`, `amber`, `green`
    /// letters; default R/A/G), `source_system` (default `pepqa`), `form_type` (default
    /// `Personal Education Plan`), `xml.root` / `xml.record` (XML names), and `columns` (required):
    /// a list of `{name, field}`, where `field` is one of the §7.2 field names and `name` an XML name.
    package static func eclipse(contentsOf url: URL) throws -> EclipseExportFormat {
        try eclipse(yaml: read(url), file: url.path)
    }

    package static func eclipse(yaml: String, file: String) throws -> EclipseExportFormat {
        let root = try OutputYAMLNode.root(yaml, file: file)
        try root.allowKeys(["version", "date_format", "money_format", "ratings", "source_system", "form_type", "xml", "columns"])
        let (datePattern, money) = try formats(root)
        var letters: [Rating: String] = [.red: "R", .amber: "A", .green: "G"]
        if let ratings = try root.optionalMapping("ratings") {
            try ratings.allowKeys(Rating.allCases.map(\.rawValue))
            for r in Rating.allCases { if let l = try ratings.optionalText(r.rawValue) { letters[r] = l } }
        }
        let xml = try root.optionalMapping("xml")
        try xml?.allowKeys(["root", "record"])
        let xmlRoot = try xml?.optionalText("root") ?? "PEPRecords"
        let xmlRecord = try xml?.optionalText("record") ?? "PEPRecord"
        for (key, name) in [("root", xmlRoot), ("record", xmlRecord)] where !isXMLName(name) {
            throw (xml ?? root).error(at: key, "`\(key)` is not a valid XML element name")
        }
        let columns = try root.sequence("columns")
        guard !columns.items.isEmpty else { throw root.error(at: "columns", "columns is empty") }
        var seen = Set<String>()
        let parsed: [ExportColumn] = try columns.items.map { item in
            try item.allowKeys(["name", "field"])
            let fieldText = try item.text("field")
            guard let field = ExportField(rawValue: fieldText) else {
                throw item.error(at: "field", "unknown field `\(fieldText)`; known: \(ExportField.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let name = try item.optionalText("name") ?? field.rawValue
            guard isXMLName(name) else { throw item.error(at: "name", "column name `\(name)` is not a valid XML element name") }
            guard seen.insert(name).inserted else { throw item.error(at: "name", "column name `\(name)` is used twice") }
            return ExportColumn(name: name, field: field)
        }
        return EclipseExportFormat(
            columns: parsed, datePattern: datePattern, money: money, ratingLetters: letters,
            sourceSystem: try root.optionalText("source_system") ?? "pepqa",
            formType: try root.optionalText("form_type") ?? "Personal Education Plan", xmlRoot: xmlRoot, xmlRecord: xmlRecord)
    }

    // MARK: exports/journal.yaml, exports/payments.yaml

    /// Keys: `date_format` (as the Eclipse layout's; default `yyyy-MM-dd`), `money_format`
    /// (`pounds` | `pence`), `column_names` (true: a row of the line columns' names first),
    /// `reference` (the payment reference rule, see `FinanceFileLayout.reference`; a payment
    /// batch's must fit the bank's 18 characters), and `header`, `line` (required) and `trailer`:
    /// lists of `{name, field}` or `{name, value}` (a fixed text), the fields those of
    /// `FinanceFileLayout.fields(kind)`.
    package static func financeLayout(_ kind: FinanceFileLayout.Kind, contentsOf url: URL) throws -> FinanceFileLayout {
        try financeLayout(kind, yaml: read(url), file: url.path)
    }

    package static func financeLayout(_ kind: FinanceFileLayout.Kind, yaml: String, file: String) throws -> FinanceFileLayout {
        let root = try OutputYAMLNode.root(yaml, file: file)
        try root.allowKeys(["version", "date_format", "money_format", "column_names", "reference", "header", "line", "trailer"])
        let (datePattern, money) = try formats(root)
        let standard = kind == .journal ? FinanceFileLayout.standardJournal : .standardPayments
        let reference = try root.optionalText("reference") ?? standard.reference
        guard let longest = FinanceFileLayout.referenceLength(reference) else {
            throw root.error(
                at: "reference",
                "reference must hold {run} and {payee} (and may hold {prefix}, {term}, capital letters, digits and -)")
        }
        if kind == .payments, longest > FinanceFileLayout.bacsReferenceLimit {
            throw root.error(
                at: "reference",
                "reference can be \(longest) characters long; a bank payment reference is at most \(FinanceFileLayout.bacsReferenceLimit)")
        }
        let fields = FinanceFileLayout.fields(kind)
        func columns(_ key: String, allowed: [String], required: Bool) throws -> [FinanceFileLayout.Column] {
            guard required || root.child(key) != nil else { return [] }
            let list = try root.sequence(key)
            if required, list.items.isEmpty { throw root.error(at: key, "`\(key)` is empty") }
            return try list.items.map { item in
                try item.allowKeys(["name", "field", "value"])
                let name = try item.text("name")
                switch (try item.optionalText("field"), try item.optionalText("value")) {
                case (let field?, nil):
                    guard allowed.contains(field) else {
                        throw item.error(at: "field", "unknown \(key) field `\(field)`; known: \(allowed.joined(separator: ", "))")
                    }
                    return .init(name: name, field: field)
                case (nil, let value?): return .init(name: name, value: value)
                default: throw item.error("each column needs a `field` or a fixed `value`, not both")
                }
            }
        }
        return FinanceFileLayout(
            kind: kind, header: try columns("header", allowed: fields.header, required: false),
            line: try columns("line", allowed: fields.line, required: true),
            trailer: try columns("trailer", allowed: fields.trailer, required: false),
            columnNames: try root.optionalBool("column_names") ?? false, datePattern: datePattern, money: money,
            reference: reference)
    }

    /// `date_format` (default `yyyy-MM-dd`) and `money_format` (default pounds), as every
    /// export layout writes them.
    static func formats(_ root: OutputYAMLNode) throws -> (DatePattern, MoneyFormat) {
        let dateText = try root.optionalText("date_format") ?? "yyyy-MM-dd"
        guard let datePattern = DatePattern(dateText) else {
            throw root.error(at: "date_format", "date_format must combine yyyy (or yy), MM and dd with - / . or space")
        }
        let moneyText = try root.optionalText("money_format") ?? "pounds"
        guard let money = MoneyFormat(rawValue: moneyText) else {
            throw root.error(at: "money_format", "money_format must be one of \(MoneyFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return (datePattern, money)
    }

    /// Letters, digits, `_`, `-`, `.`; starting with a letter or `_`; not starting with `xml`.
    static func isXMLName(_ s: String) -> Bool {
        guard let first = s.first, first.isASCII, first.isLetter || first == "_", !s.lowercased().hasPrefix("xml") else { return false }
        return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
    }

    /// A text file of the rules folder, or an error naming it.
    package static func read(_ url: URL) throws -> String {
        do { return try String(contentsOf: url, encoding: .utf8) } catch {
            throw OutputConfigError(file: url.path, message: "cannot be read as UTF-8 text")
        }
    }
}

/// A YAML node with its file, for lookups that fail with `file:line:column`.
struct OutputYAMLNode {
    let node: Node
    let file: String

    static func root(_ yaml: String, file: String) throws -> OutputYAMLNode {
        let node: Node?
        do { node = try Yams.compose(yaml: yaml) } catch let error as YamlError {
            throw OutputConfigError(file: file, line: mark(error)?.line, column: mark(error)?.column, message: "not valid YAML")
        }
        guard let node, node.mapping != nil else { throw OutputConfigError(file: file, line: 1, message: "expected a mapping of keys") }
        return OutputYAMLNode(node: node, file: file)
    }

    static func mark(_ error: YamlError) -> Mark? {
        switch error {
        case .scanner(_, _, let m, _), .parser(_, _, let m, _), .composer(_, _, let m, _): return m
        default: return nil
        }
    }

    func error(_ message: String) -> OutputConfigError {
        OutputConfigError(file: file, line: node.mark?.line, column: node.mark?.column, message: message)
    }

    /// An error pointing at `key`'s value when present, else at this mapping.
    func error(at key: String, _ message: String) -> OutputConfigError {
        (child(key) ?? self).error(message)
    }

    func child(_ key: String) -> OutputYAMLNode? {
        node.mapping?[key].map { OutputYAMLNode(node: $0, file: file) }
    }

    func allowKeys(_ allowed: [String]) throws {
        guard let mapping = node.mapping else { throw error("expected a mapping of keys") }
        for (key, _) in mapping {
            let name = key.string ?? ""
            if !allowed.contains(name) {
                throw OutputConfigError(
                    file: file, line: key.mark?.line, column: key.mark?.column,
                    message: "unknown key `\(name)`; expected one of \(allowed.joined(separator: ", "))")
            }
        }
    }

    func optionalText(_ key: String) throws -> String? {
        guard let c = child(key) else { return nil }
        guard let s = c.node.scalar?.string else { throw c.error("`\(key)` must be text") }
        return s
    }

    func text(_ key: String) throws -> String {
        guard let s = try optionalText(key) else { throw error("missing key `\(key)`") }
        guard !s.isEmpty else { throw error(at: key, "`\(key)` is empty") }
        return s
    }

    func optionalInt(_ key: String) throws -> Int? {
        guard let c = child(key) else { return nil }
        guard let i = c.node.int else { throw c.error("`\(key)` must be a whole number") }
        return i
    }

    func optionalBool(_ key: String) throws -> Bool? {
        guard let c = child(key) else { return nil }
        guard let b = c.node.bool else { throw c.error("`\(key)` must be true or false") }
        return b
    }

    /// A list of texts (`[vsh, finance]`), or nil when the key is absent.
    func optionalTextList(_ key: String) throws -> [String]? {
        guard let c = child(key) else { return nil }
        guard let items = c.node.sequence else { throw c.error("`\(key)` must be a list") }
        return try items.map { item in
            guard let s = item.scalar?.string, !s.isEmpty else { throw c.error("each of `\(key)` must be text") }
            return s
        }
    }

    func optionalMapping(_ key: String) throws -> OutputYAMLNode? {
        guard let c = child(key) else { return nil }
        guard c.node.mapping != nil else { throw c.error("`\(key)` must be a mapping of keys") }
        return c
    }

    func mapping(_ key: String) throws -> OutputYAMLNode {
        guard let m = try optionalMapping(key) else { throw error("missing section `\(key)`") }
        return m
    }

    func sequence(_ key: String) throws -> (node: OutputYAMLNode, items: [OutputYAMLNode]) {
        guard let c = child(key) else { throw error("missing key `\(key)`") }
        guard let seq = c.node.sequence else { throw c.error("`\(key)` must be a list") }
        return (c, seq.map { OutputYAMLNode(node: $0, file: file) })
    }
}
