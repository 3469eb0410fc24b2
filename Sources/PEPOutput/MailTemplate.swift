import Foundation
import Mustache

/// A template error: the template's name, the line, and what is wrong (never a value).
package struct TemplateError: Error, CustomStringConvertible, Equatable {
    package var template: String
    package var line: Int
    package var message: String
    package var description: String { "\(template):\(line): \(message)" }
}

/// A plain-text e-mail template in Mustache, the one template language of the product (the
/// workbench's pages use it too), so a Virtual School edits its wording in `Rules/feedback/`
/// with the syntax any Mustache guide teaches.
///
/// Rendered as text: `{{key}}` inserts the value unescaped (an e-mail is not HTML).
///
/// Mustache renders a key it cannot find as nothing. Here that would be silent harm: a
/// misspelt placeholder would send a blank, and a social worker's template asking for PP+
/// amounts would quietly fail open once someone added them to the context. So every tag is
/// checked against the keys its context holds when the template is loaded, and a tag naming
/// another is a `TemplateError` with its line: the service refuses to start rather than send
/// a wrong e-mail. This is what keeps payment details out of a social worker's copy — that
/// context has no such keys.
package struct MailTemplate: Sendable {
    package let name: String
    let template: MustacheTemplate

    /// Parses `source` and checks every tag against `sample`, a context with one of everything
    /// (lists with one item) shaped as `render` will get it.
    /// - Throws: `TemplateError` for a syntax error, a partial, or an unknown key.
    package init(name: String, source: String, sample: [String: Any]) throws {
        self.name = name
        do {
            // On a line of its own, so that it leaves nothing and the template's first line
            // keeps Mustache's standalone-tag rule; hence the line numbers one less.
            template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT }}\n" + source)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(template: name, line: max(1, error.context.lineNumber - 1), message: Self.explain(error.error))
        }
        try Self.checkTags(source, name: name, sample: sample)
    }

    /// Renders with a context: strings, booleans and lists of such dictionaries.
    package func render(_ context: [String: Any]) -> String {
        template.render(context)
    }

    static func explain(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: return "a closing tag {{/…}} does not match the block it closes"
        case .expectedSectionEnd: return "a block {{#…}} or {{^…}} is never closed"
        case .unfinishedName: return "a tag is not finished (missing }})"
        default: return "the template is not valid Mustache (\(error))"
        }
    }

    /// Every tag's name must be a key of the context, or of the items of a list whose block
    /// it is inside. Comments are skipped; partials and delimiter changes are refused (nothing
    /// here to include, and the check reads the standard delimiters).
    static func checkTags(_ source: String, name: String, sample: [String: Any]) throws {
        let tag = /\{\{(\{?)\s*([#^\/&!>=%<$]?)\s*((?:[^}]|\}(?!\}))*?)\s*\}?\}\}/
        var open: [String] = []
        for match in source.matches(of: tag) {
            let sigil = String(match.output.2)
            let key = String(match.output.3)
            let line = source[..<match.range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            func fail(_ message: String) -> TemplateError { TemplateError(template: name, line: line, message: message) }
            switch sigil {
            case "!", "%": continue
            case ">", "<", "$", "=":
                throw fail("{{\(sigil)…}} tags (partials, blocks, delimiters) are not available in e-mail templates")
            default: break
            }
            let bare = Self.bare(key)
            if sigil == "/" {
                guard open.last == key else { throw fail("{{/\(key)}} closes a block that is not open") }
                open.removeLast()
                continue
            }
            if bare != "." && !known(bare, sample: sample, inside: open) {
                throw fail("unknown placeholder {{\(key)}}")
            }
            if sigil == "#" || sigil == "^" { open.append(key) }
        }
    }

    /// The key a tag names: `list` in `empty(list)` or `count(list)` (swift-mustache's
    /// transforms), else the tag itself.
    static func bare(_ tag: String) -> String {
        tag.firstIndex(of: "(").map { String(tag[tag.index(after: $0)...].dropLast()) } ?? tag
    }

    /// Whether `key` is a top-level key, or a key of an enclosing list's items.
    static func known(_ key: String, sample: [String: Any], inside open: [String]) -> Bool {
        if sample[key] != nil { return true }
        for block in open {
            if let items = sample[bare(block)] as? [[String: Any]], items.contains(where: { $0[key] != nil }) { return true }
        }
        return false
    }
}
