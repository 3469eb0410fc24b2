import Foundation
import PEPModel
import Yams

/// Every problem found in a form-mapping file, each with its line and column, so a Virtual
/// School editing `Rules/docx-mapping.yaml` can fix them all in one go.
package struct FormMappingError: Error, Sendable, Hashable, CustomStringConvertible {
    package struct Problem: Sendable, Hashable, CustomStringConvertible {
        package var file: String
        package var line: Int
        package var column: Int
        package var message: String

        /// `file:line:column: message`, the form editors and CI annotate.
        package var description: String { "\(file):\(line):\(column): \(message)" }
    }

    package var problems: [Problem]

    package var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Loads the DOCX form mapping (`Rules/docx-mapping.yaml`) into a `FormMapping`, checking that
/// every path it names is a field of the contract.
package enum FormMappingLoader {
    /// Reads and checks the mapping file at `url`.
    package static func load(contentsOf url: URL) throws(FormMappingError) -> FormMapping {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw FormMappingError(problems: [.init(file: url.path, line: 0, column: 0, message: "cannot be read")])
        }
        return try parse(text, file: url.lastPathComponent)
    }

    /// Parses and checks mapping YAML; `file` names it in problems.
    package static func parse(_ yaml: String, file: String) throws(FormMappingError) -> FormMapping {
        try Parser.parse(yaml, file: file)
    }

    /// One pass over the YAML node tree, collecting problems instead of stopping at the first.
    private struct Parser: MappingFileParser {
        let file: String
        var problems: [FormMappingError.Problem] = []
        var labels: [FormMapping.Label] = []
        var legacy: [String: FieldPath] = [:]
        var lists: [FormMapping.ListTable] = []
        var seenLabels: [String: FieldPath] = [:]

        init(file: String) { self.file = file }

        mutating func run(_ yaml: String) -> FormMapping? {
            let root: Node?
            do {
                root = try Yams.compose(yaml: yaml)
            } catch let error as YamlError {
                problem(at: Self.mark(of: error), "is not valid YAML: \(Self.summary(of: error))")
                return nil
            } catch {
                problem(at: nil, "is not valid YAML")
                return nil
            }
            guard let root, let top = root.mapping else {
                problem(at: root?.mark, "must be a mapping with `fields:` and `lists:`")
                return nil
            }
            for (key, value) in top {
                switch key.string {
                case "version":
                    if value.string != "1" { problem(at: value.mark, "`version` must be 1") }
                case "fields": readFields(value)
                case "lists": readLists(value)
                default: problem(at: key.mark, "unknown key `\(key.string ?? "?")` (expected version, fields, lists)")
                }
            }
            return FormMapping(labels: labels, legacyNames: legacy, lists: lists)
        }

        mutating func readFields(_ node: Node) {
            guard let fields = node.mapping else { return problem(at: node.mark, "`fields` must be a mapping of field paths") }
            for (key, value) in fields {
                guard let name = key.string else { continue }
                let path = FieldPath(name)
                guard FieldCatalogue.scalar(path) != nil else {
                    let hint = FieldCatalogue.knows(path) ? " (it is a list or list field: put it under `lists`)" : ""
                    problem(at: key.mark, "`\(name)` is not a field of the PEP contract\(hint)")
                    continue
                }
                guard let entry = value.mapping else {
                    problem(at: value.mark, "`\(name)` must have `labels:` and/or `legacy:`")
                    continue
                }
                for (k, v) in entry {
                    switch k.string {
                    case "labels": readLabels(v, path: path)
                    case "legacy": readLegacy(v, path: path)
                    default: problem(at: k.mark, "unknown key `\(k.string ?? "?")` under `\(name)` (expected labels, legacy)")
                    }
                }
            }
        }

        mutating func readLabels(_ node: Node, path: FieldPath) {
            guard let items = node.sequence else { return problem(at: node.mark, "`labels` must be a list") }
            for item in items {
                if let text = item.scalar?.string {
                    addLabel(FormMapping.Label(text: text, path: path), at: item.mark)
                } else if let entry = item.mapping {
                    guard let text = entry["label"]?.string else {
                        problem(at: item.mark, "a label with values needs `label:`")
                        continue
                    }
                    var values: [String: String] = [:]
                    if let map = entry["values"] {
                        guard let pairs = map.mapping else {
                            problem(at: map.mark, "`values` must map what a school writes to the field's value")
                            continue
                        }
                        for (written, value) in pairs {
                            guard let w = written.string, let v = value.string else { continue }
                            checkValue(v, path: path, at: value.mark)
                            values[w] = v
                        }
                    }
                    addLabel(FormMapping.Label(text: text, path: path, values: values), at: item.mark)
                } else {
                    problem(at: item.mark, "a label must be text or `{label:, values:}`")
                }
            }
        }

        mutating func addLabel(_ label: FormMapping.Label, at mark: Mark?) {
            let key = TextFolding.key(label.text)
            guard !key.isEmpty else { return problem(at: mark, "a label must contain letters or digits") }
            if let other = seenLabels[key], other != label.path {
                return problem(at: mark, "label `\(label.text)` is already used for `\(other)`")
            }
            seenLabels[key] = label.path
            labels.append(label)
        }

        mutating func checkValue(_ value: String, path: FieldPath, at mark: Mark?) {
            guard case .choice(let options)? = FieldCatalogue.scalar(path)?.kind, !options.contains(value) else { return }
            problem(at: mark, "`\(value)` is not a value of `\(path)` (one of \(options.joined(separator: ", ")))")
        }

        mutating func readLegacy(_ node: Node, path: FieldPath) {
            guard let items = node.sequence else { return problem(at: node.mark, "`legacy` must be a list of form-field names") }
            for item in items {
                guard let name = item.string, !name.isEmpty else { continue }
                if name.count > 20 { problem(at: item.mark, "legacy name `\(name)` is longer than Word's 20 characters") }
                if let other = legacy.first(where: { $0.key.lowercased() == name.lowercased() })?.value, other != path {
                    problem(at: item.mark, "legacy name `\(name)` is already used for `\(other)`")
                    continue
                }
                legacy[name] = path
            }
        }

        mutating func readLists(_ node: Node) {
            guard let entries = node.mapping else { return problem(at: node.mark, "`lists` must be a mapping of list paths") }
            for (key, value) in entries {
                guard let name = key.string else { continue }
                guard let binding = FieldCatalogue.list(FieldPath(name)) else {
                    problem(at: key.mark, "`\(name)` is not a list of the PEP contract")
                    continue
                }
                var headings: [String] = []
                var columns: [String: String] = [:]
                for (k, v) in value.mapping ?? [:] {
                    switch k.string {
                    case "headings": headings = (v.sequence ?? []).compactMap(\.string)
                    case "columns":
                        for (field, synonyms) in v.mapping ?? [:] {
                            guard let f = field.string else { continue }
                            guard binding.kind(of: f) != nil else {
                                problem(at: field.mark, "`\(name)[].\(f)` is not a field of the PEP contract")
                                continue
                            }
                            guard let words = synonyms.sequence else {
                                problem(at: synonyms.mark, "the headers of `\(f)` must be a list")
                                continue
                            }
                            for word in words.compactMap(\.string) { columns[word] = f }
                        }
                    default: problem(at: k.mark, "unknown key `\(k.string ?? "?")` under `\(name)` (expected headings, columns)")
                    }
                }
                if columns.isEmpty { problem(at: key.mark, "list `\(name)` has no `columns:`") }
                lists.append(FormMapping.ListTable(path: binding.path, headings: headings, columns: columns))
            }
        }

        mutating func problem(at mark: Mark?, _ message: String) {
            problems.append(.init(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message))
        }

        static func mark(of error: YamlError) -> Mark? {
            switch error {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark
            default: return nil
            }
        }

        static func summary(of error: YamlError) -> String {
            switch error {
            case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
            default: return "unreadable"
            }
        }
    }
}
