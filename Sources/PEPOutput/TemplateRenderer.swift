/// A value a feedback or notice template can show.
package enum TemplateValue: Sendable, Hashable {
    case text(String)
    /// A list for `{{#each name}} ... {{/each}}`; each item has its own keys.
    case list([[String: TemplateValue]])
    case flag(Bool)

    /// True for non-empty text, a non-empty list, or a true flag (what `{{#if}}` tests).
    var isTruthy: Bool {
        switch self {
        case .text(let t): return !t.isEmpty
        case .list(let l): return !l.isEmpty
        case .flag(let f): return f
        }
    }
}

/// A template error: the template's name, the line, and what is wrong (never a value).
package struct TemplateError: Error, CustomStringConvertible, Equatable {
    package var template: String
    package var line: Int
    package var message: String
    package var description: String { "\(template):\(line): \(message)" }
}

/// A deliberately small template language for plain-text e-mails, so that wording lives in
/// `Rules/feedback/*.txt` where a coordinator can edit it:
///
/// - `{{key}}` inserts a value (no escaping: the output is plain text);
/// - `{{#each list}} ... {{/each}}` repeats for each item, whose keys shadow the outer ones;
/// - `{{#if key}} ... {{else}} ... {{/if}}` and `{{#unless key}} ... {{/unless}}`;
/// - `{{! comment }}` is dropped.
///
/// A tag alone on its line removes the whole line, as in Mustache, so blocks leave no blank lines.
/// A key the context does not hold is an error, not an empty string: this is what keeps
/// payment details out of a social worker's e-mail — the context for that copy has no such keys,
/// so a template that asks for them fails loudly.
package struct TemplateRenderer: Sendable {
    package let name: String
    private let nodes: [Node]

    indirect enum Node: Sendable {
        case text(String)
        case value(String, line: Int)
        case each(String, [Node], line: Int)
        case conditional(String, negate: Bool, then: [Node], otherwise: [Node], line: Int)
    }

    /// Parses a template. - Throws: `TemplateError` for an unclosed or stray block tag.
    package init(name: String, source: String) throws {
        self.name = name
        var parser = TemplateParser(name: name, tokens: TemplateLexer.tokens(source))
        self.nodes = try parser.parseAll()
    }

    /// Renders with a context. - Throws: `TemplateError` naming a key the context lacks.
    package func render(_ context: [String: TemplateValue]) throws -> String {
        var out = ""
        try render(nodes, scopes: [context], into: &out)
        return out
    }

    private func lookup(_ key: String, _ scopes: [[String: TemplateValue]], line: Int) throws -> TemplateValue {
        for scope in scopes.reversed() {
            if let v = scope[key] { return v }
        }
        throw TemplateError(template: name, line: line, message: "unknown placeholder {{\(key)}}")
    }

    private func render(_ nodes: [Node], scopes: [[String: TemplateValue]], into out: inout String) throws {
        for node in nodes {
            switch node {
            case .text(let t):
                out += t
            case .value(let key, let line):
                switch try lookup(key, scopes, line: line) {
                case .text(let t): out += t
                case .flag(let f): out += f ? "yes" : "no"
                case .list: throw TemplateError(template: name, line: line, message: "{{\(key)}} is a list: use {{#each \(key)}}")
                }
            case .each(let key, let body, let line):
                guard case .list(let items) = try lookup(key, scopes, line: line) else {
                    throw TemplateError(template: name, line: line, message: "{{#each \(key)}} needs a list")
                }
                for item in items { try render(body, scopes: scopes + [item], into: &out) }
            case .conditional(let key, let negate, let then, let otherwise, let line):
                let truthy = try lookup(key, scopes, line: line).isTruthy
                try render(truthy != negate ? then : otherwise, scopes: scopes, into: &out)
            }
        }
    }
}

/// A token of a template: literal text or a tag, with its line.
enum TemplateToken: Sendable {
    case text(String)
    case tag(String, line: Int)
}

/// Splits a template into text and tags, dropping the line of a standalone block tag.
enum TemplateLexer {
    static func tokens(_ source: String) -> [TemplateToken] {
        var tokens: [TemplateToken] = []
        let lines = flattenComments(source).split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            let newline = index < lines.count - 1 ? "\n" : ""
            let trimmed = rawLine.trimmingPrefix(while: { $0 == " " || $0 == "\t" })
            if let tag = standaloneBlockTag(trimmed) {
                tokens.append(.tag(tag, line: lineNumber))
                continue
            }
            var rest = Substring(rawLine)
            while let open = rest.firstRange(of: "{{"), let close = rest[open.upperBound...].firstRange(of: "}}") {
                if open.lowerBound > rest.startIndex { tokens.append(.text(String(rest[..<open.lowerBound]))) }
                tokens.append(.tag(String(rest[open.upperBound..<close.lowerBound]).trimmed, line: lineNumber))
                rest = rest[close.upperBound...]
            }
            tokens.append(.text(String(rest) + newline))
        }
        return tokens
    }

    /// Turns a comment that spans lines into one empty comment tag per line, so line numbers
    /// stay right and each of its lines is dropped as a standalone tag.
    static func flattenComments(_ source: String) -> String {
        var out = ""
        var rest = Substring(source)
        while let open = rest.firstRange(of: "{{!") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else { return out + rest[open.lowerBound...] }
            let newlines = rest[open.upperBound..<close.lowerBound].filter { $0 == "\n" }.count
            out += Array(repeating: "{{!}}", count: newlines + 1).joined(separator: "\n")
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// The tag, when a line holds only one block tag (`#each`, `/each`, `#if`, `else`, `!`...).
    static func standaloneBlockTag(_ line: Substring) -> String? {
        let content = line.trimmed
        guard content.hasPrefix("{{"), content.hasSuffix("}}"), content.count >= 4 else { return nil }
        let inner = content.dropFirst(2).dropLast(2)
        guard !inner.contains("{{"), !inner.contains("}}") else { return nil }
        let tag = String(inner).trimmed
        guard let first = tag.first, "#/!".contains(first) || tag == "else" else { return nil }
        return tag
    }
}

/// Builds the node tree from tokens, checking that blocks nest.
struct TemplateParser {
    let name: String
    let tokens: [TemplateToken]
    var position = 0

    init(name: String, tokens: [TemplateToken]) {
        self.name = name
        self.tokens = tokens
    }

    mutating func parseAll() throws -> [TemplateRenderer.Node] {
        let (nodes, end) = try parseBlock(closing: nil)
        if let end { throw TemplateError(template: name, line: end.line, message: "stray {{\(end.tag)}}") }
        return nodes
    }

    /// Parses until `{{/closing}}` (or `{{else}}`) and returns the nodes and the tag that ended them.
    mutating func parseBlock(closing: String?) throws -> ([TemplateRenderer.Node], (tag: String, line: Int)?) {
        var nodes: [TemplateRenderer.Node] = []
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            switch token {
            case .text(let t):
                nodes.append(.text(t))
            case .tag(let tag, let line):
                if tag.hasPrefix("!") { continue }
                if tag.hasPrefix("/") || tag == "else" {
                    guard closing != nil else { throw TemplateError(template: name, line: line, message: "stray {{\(tag)}}") }
                    return (nodes, (tag, line))
                }
                if tag.hasPrefix("#") {
                    nodes.append(try parseSection(tag, line: line))
                } else {
                    nodes.append(.value(tag, line: line))
                }
            }
        }
        if let closing { throw TemplateError(template: name, line: lastLine, message: "{{#\(closing)}} is never closed") }
        return (nodes, nil)
    }

    var lastLine: Int {
        for token in tokens.reversed() { if case .tag(_, let line) = token { return line } }
        return 1
    }

    mutating func parseSection(_ tag: String, line: Int) throws -> TemplateRenderer.Node {
        let words = tag.dropFirst().split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.count == 2, ["each", "if", "unless"].contains(words[0]) else {
            throw TemplateError(template: name, line: line, message: "unknown block {{\(tag)}}")
        }
        let (kind, key) = (words[0], words[1])
        let (body, end) = try parseBlock(closing: kind)
        var otherwise: [TemplateRenderer.Node] = []
        var endTag = end
        if end?.tag == "else", kind != "each" {
            let (elseBody, elseEnd) = try parseBlock(closing: kind)
            otherwise = elseBody
            endTag = elseEnd
        }
        guard let endTag, endTag.tag == "/" + kind else {
            throw TemplateError(template: name, line: end?.line ?? line, message: "{{#\(kind) \(key)}} is closed by {{\(end?.tag ?? "nothing")}}")
        }
        if kind == "each" { return .each(key, body, line: line) }
        return .conditional(key, negate: kind == "unless", then: body, otherwise: otherwise, line: line)
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmed: String {
        String(self.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
