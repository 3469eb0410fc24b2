import Mustache

/// The Mustache templates of the finance run's static pages (held PP+, the reconciliation) and
/// of the page around every static page (the pages a publish rewrites, for every document or
/// poll, are written by `HTMLWriter`), compiled into the binary: the watcher writes these pages with no
/// network and no resource folder to find, and a report must look the same wherever it is
/// opened. The workbench and the e-mails use the same engine (one template language).
///
/// Every `{{value}}` is HTML-escaped by Mustache; the only unescaped insertions are the page's
/// own style sheet and a body this library has already rendered.
package enum ReportTemplates {
    /// Parsed once. A template that does not parse is a programming error, caught by every
    /// test that renders a page.
    static let library: MustacheLibrary = {
        let sources: [String: [UInt8]] = [
            "page": PackageResources.page_mustache, "badge": PackageResources.badge_mustache,
            "held": PackageResources.held_mustache, "reconciliation": PackageResources.reconciliation_mustache,
        ]
        var library = MustacheLibrary()
        for (name, bytes) in sources {
            do {
                try library.register(String(decoding: bytes, as: UTF8.self), named: name)
            } catch {
                preconditionFailure("built-in template \(name).mustache does not parse: \(error)")
            }
        }
        return library
    }()

    /// The body rendered by `template`, inside the shared page.
    static func page(title: String, template: String, _ model: [String: Any]) -> String {
        page(title: title, body: render(template, model))
    }

    /// A body already rendered (and escaped) inside the shared page.
    static func page(title: String, body: String) -> String {
        render("page", ["title": title, "style": HTML.style, "body": body])
    }

    static func render(_ template: String, _ model: [String: Any]) -> String {
        guard let text = library.render(model, withTemplate: template) else {
            preconditionFailure("no built-in template \(template).mustache")
        }
        return text
    }

    /// A rating badge's model: `red`, `amber`, `green`, or anything else in grey.
    static func badge(_ label: String, kind: String) -> [String: Any] { ["label": label, "kind": kind] }
}
