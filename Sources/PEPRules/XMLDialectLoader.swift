import Foundation
import PEPModel
import Yams

/// Loads the XML dialect mappings (`Rules/xml/*.yaml`), each checked against the contract, so
/// that a Virtual School adds another system's XML layout without Swift. Problems carry
/// `file:line:column`, all of them at once, as for `docx-mapping.yaml`.
///
/// One file describes one dialect:
/// ```yaml
/// version: 1
/// dialect: northwind-epep
/// root: { element: ChildEducationPlan, namespace: "urn:northwind:epep:3" }
/// fields:
///   child.upn: Learner/@upn                       # an element path, or an attribute last
///   child.date_of_birth: { path: Learner/Born, date: dd/MM/yyyy }
///   meeting.child_attended: { path: Review/Present, yes_no: { yes: [J], no: [N] } }
///   child.send.status: { path: Learner/SEN, codes: { K: sen-support, E: ehcp, N: none } }
/// lists:
///   targets:
///     items: Plan/Objectives/Objective             # each element here is one record
///     fields: { area: Area, review_date: { path: ReviewBy, date: dd/MM/yyyy } }
/// ```
package enum XMLDialectLoader {
    /// The folder of the rules directory that holds the dialects.
    package static let folder = "xml"

    /// Every `*.yaml` file in `directory`, in name order; none when the folder is missing.
    package static func load(directory: URL) throws(FormMappingError) -> [XMLDialect] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var dialects: [XMLDialect] = []
        var problems: [FormMappingError.Problem] = []
        var roots: [String: String] = [:]
        var seenNames: [String: String] = [:]
        for name in names {
            let url = directory.appendingPathComponent(name)
            let label = "\(folder)/\(name)"
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                problems.append(.init(file: label, line: 0, column: 0, message: "cannot be read"))
                continue
            }
            do {
                let dialect = try parse(text, file: label)
                let root = "{\(dialect.namespace)}\(dialect.rootElement)"
                if let other = roots[root] {
                    problems.append(.init(file: label, line: 0, column: 0, message: "the root \(root) is already the dialect of \(other)"))
                } else if let other = seenNames[dialect.name] {
                    problems.append(.init(file: label, line: 0, column: 0, message: "the dialect name `\(dialect.name)` is already used by \(other)"))
                } else {
                    roots[root] = label
                    seenNames[dialect.name] = label
                    dialects.append(dialect)
                }
            } catch {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw FormMappingError(problems: problems) }
        return dialects
    }

    /// Parses and checks one dialect file; `file` names it in problems.
    package static func parse(_ yaml: String, file: String) throws(FormMappingError) -> XMLDialect {
        var parser = Parser(file: file)
        let dialect = parser.run(yaml)
        guard parser.problems.isEmpty, let dialect else { throw FormMappingError(problems: parser.problems) }
        return dialect
    }

    private struct Parser {
        let file: String
        var problems: [FormMappingError.Problem] = []

        init(file: String) { self.file = file }

        mutating func run(_ yaml: String) -> XMLDialect? {
            let root: Node?
            do {
                root = try Yams.compose(yaml: yaml)
            } catch {
                problem(at: nil, "is not valid YAML: \(error)".split(whereSeparator: \.isNewline).joined(separator: " "))
                return nil
            }
            guard let root, let top = root.mapping else {
                problem(at: root?.mark, "must be a mapping with `dialect:`, `root:`, `fields:` and/or `lists:`")
                return nil
            }
            var name = ""
            var element = ""
            var namespace = ""
            var fields: [XMLDialect.Field] = []
            var lists: [XMLDialect.List] = []
            for (key, value) in top {
                switch key.string {
                case "version":
                    if value.string != "1" { problem(at: value.mark, "`version` must be 1") }
                case "dialect":
                    name = value.string ?? ""
                    if name.isEmpty || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) {
                        problem(at: value.mark, "`dialect` must be a name of letters, digits and - _ .")
                    }
                case "root":
                    element = value.mapping?["element"]?.string ?? ""
                    namespace = value.mapping?["namespace"]?.string ?? ""
                    if !Self.isName(element) { problem(at: value.mark, "`root` needs `element:`, the root element's local name") }
                    if namespace == "urn:virtual-school:pep:1" {
                        problem(at: value.mark, "the PEP namespace is read as PEP XML; a dialect needs its own root")
                    }
                    for (k, _) in value.mapping ?? [:] where !["element", "namespace"].contains(k.string ?? "") {
                        problem(at: k.mark, "unknown key `\(k.string ?? "?")` under `root` (expected element, namespace)")
                    }
                case "fields": fields = readFields(value)
                case "lists": lists = readLists(value)
                default:
                    problem(at: key.mark, "unknown key `\(key.string ?? "?")` (expected version, dialect, root, fields, lists)")
                }
            }
            if name.isEmpty, top["dialect"] == nil { problem(at: root.mark, "the file needs `dialect:`, its name") }
            if element.isEmpty, top["root"] == nil { problem(at: root.mark, "the file needs `root:` with `element:`") }
            if fields.isEmpty && lists.isEmpty { problem(at: root.mark, "the dialect maps no field (`fields:` or `lists:`)") }
            return XMLDialect(name: name, rootElement: element, namespace: namespace, fields: fields, lists: lists)
        }

        mutating func readFields(_ node: Node) -> [XMLDialect.Field] {
            guard let entries = node.mapping else {
                problem(at: node.mark, "`fields` must map contract paths to element paths")
                return []
            }
            var out: [XMLDialect.Field] = []
            for (key, value) in entries {
                guard let name = key.string else { continue }
                guard let scalar = FieldCatalogue.scalar(FieldPath(name)) else {
                    let hint = FieldCatalogue.knows(FieldPath(name)) ? " (it is a list or list field: put it under `lists`)" : ""
                    problem(at: key.mark, "`\(name)` is not a field of the PEP contract\(hint)")
                    continue
                }
                if let field = readField(value, target: name, kind: scalar.kind) { out.append(field) }
            }
            return out
        }

        mutating func readLists(_ node: Node) -> [XMLDialect.List] {
            guard let entries = node.mapping else {
                problem(at: node.mark, "`lists` must map contract list paths to `items:` and `fields:`")
                return []
            }
            var out: [XMLDialect.List] = []
            for (key, value) in entries {
                guard let name = key.string else { continue }
                guard let binding = FieldCatalogue.list(FieldPath(name)) else {
                    problem(at: key.mark, "`\(name)` is not a list of the PEP contract")
                    continue
                }
                guard let entry = value.mapping, let itemsNode = entry["items"], let items = steps(itemsNode) else {
                    problem(at: value.mark, "list `\(name)` needs `items:`, the path of its repeated element")
                    continue
                }
                if items.last?.hasPrefix("@") == true { problem(at: itemsNode.mark, "`items` must be an element path") }
                var fields: [XMLDialect.Field] = []
                for (k, v) in entry {
                    switch k.string {
                    case "items": continue
                    case "fields":
                        for (fieldKey, fieldValue) in v.mapping ?? [:] {
                            guard let f = fieldKey.string else { continue }
                            guard let kind = binding.kind(of: f) else {
                                problem(at: fieldKey.mark, "`\(name)[].\(f)` is not a field of the PEP contract")
                                continue
                            }
                            if let field = readField(fieldValue, target: f, kind: kind) { fields.append(field) }
                        }
                    default: problem(at: k.mark, "unknown key `\(k.string ?? "?")` under `\(name)` (expected items, fields)")
                    }
                }
                if fields.isEmpty { problem(at: key.mark, "list `\(name)` has no `fields:`") }
                out.append(XMLDialect.List(path: binding.path, items: items, fields: fields))
            }
            return out
        }

        /// `Path/To/Element`, or `{path:, date: | yes_no: | codes:}`.
        mutating func readField(_ node: Node, target: String, kind: FieldKind) -> XMLDialect.Field? {
            if node.scalar != nil {
                guard let s = steps(node) else { return nil }
                return XMLDialect.Field(target: target, steps: s)
            }
            guard let entry = node.mapping, let pathNode = entry["path"] else {
                problem(at: node.mark, "`\(target)` must be an element path or `{path:, …}`")
                return nil
            }
            guard let s = steps(pathNode) else { return nil }
            var conversion = XMLDialect.Conversion.none
            for (k, v) in entry {
                let key = k.string ?? "?"
                guard key != "path" else { continue }
                guard conversion == .none else {
                    problem(at: k.mark, "`\(target)` has more than one conversion")
                    continue
                }
                switch key {
                case "date":
                    guard kind == .date else { problem(at: k.mark, "`date:` is for date fields; `\(target)` is \(kind)"); continue }
                    let pattern = v.string ?? ""
                    guard XMLDialect.Conversion.isValidDatePattern(pattern) else {
                        problem(at: v.mark, "date pattern `\(pattern)` needs d or dd, M or MM, yy or yyyy, and separators")
                        continue
                    }
                    conversion = .date(pattern: pattern)
                case "yes_no":
                    guard kind == .boolean else { problem(at: k.mark, "`yes_no:` is for yes/no fields; `\(target)` is \(kind)"); continue }
                    let yes = Set((v.mapping?["yes"]?.sequence ?? []).compactMap { $0.string?.lowercased() })
                    let no = Set((v.mapping?["no"]?.sequence ?? []).compactMap { $0.string?.lowercased() })
                    guard !yes.isEmpty, !no.isEmpty, yes.isDisjoint(with: no) else {
                        problem(at: v.mark, "`yes_no` needs `yes: [words]` and `no: [words]`, with no word in both")
                        continue
                    }
                    conversion = .yesNo(yes: yes, no: no)
                case "codes":
                    guard let pairs = v.mapping, !pairs.isEmpty else {
                        problem(at: v.mark, "`codes` must map the system's codes to the field's values")
                        continue
                    }
                    var table: [String: String] = [:]
                    for (code, value) in pairs {
                        guard let c = code.string, let val = value.string else { continue }
                        if case .choice(let options) = kind, !options.contains(val) {
                            problem(at: value.mark, "`\(val)` is not a value of `\(target)` (one of \(options.joined(separator: ", ")))")
                        }
                        table[c.lowercased()] = val
                    }
                    conversion = .codes(table)
                default:
                    problem(at: k.mark, "unknown key `\(key)` under `\(target)` (expected path, date, yes_no, codes)")
                }
            }
            return XMLDialect.Field(target: target, steps: s, conversion: conversion)
        }

        /// An element path (`A/B/C`, `A/@b`) as steps, or nil with a problem.
        mutating func steps(_ node: Node) -> [String]? {
            guard let text = node.string, !text.isEmpty else {
                problem(at: node.mark, "an element path must be text like `Learner/Names/Given`")
                return nil
            }
            let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            for (i, part) in parts.enumerated() {
                let isAttribute = part.hasPrefix("@")
                let name = isAttribute ? String(part.dropFirst()) : part
                guard Self.isName(name), !isAttribute || i == parts.count - 1 else {
                    problem(at: node.mark, "`\(text)` is not an element path (names joined by /, an @attribute only last)")
                    return nil
                }
            }
            return parts
        }

        /// An XML local name (letters, digits, `_ - .`, not starting with a digit).
        static func isName(_ text: String) -> Bool {
            guard let first = text.first, first.isLetter || first == "_" else { return false }
            return text.allSatisfy { $0.isLetter || $0.isNumber || "_-.".contains($0) }
        }

        mutating func problem(at mark: Mark?, _ message: String) {
            problems.append(.init(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message))
        }
    }
}
