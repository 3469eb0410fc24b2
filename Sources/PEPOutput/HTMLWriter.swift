/// Writes the static pages the watcher leaves in the output folder (QA reports, the dashboard,
/// the tracker and the VSH's figures, a finance run's held and reconciliation pages), in one
/// growing buffer. The workbench and the e-mails are Mustache templates.
///
/// Why not Mustache for these too: swift-mustache looks each `{{value}}` up through
/// dynamic casts on `Any` and escapes it a Character at a time, about 36 µs a table row; a
/// term's pages are thousands of rows, rewritten after every document. Measured by
/// `scripts/bench.sh poll` and `pipeline` (README, "Benchmarks and accuracy").
///
/// The same safety as a template: markup can only be a `StaticString` (a literal in this
/// code), and every value goes through `text`, which escapes exactly what Mustache escapes
/// (`& < > " '`), so a value can never open a tag or leave an attribute.
package struct HTMLWriter {
    private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 1 << 14) { bytes.reserveCapacity(capacity) }

    /// Markup, written as it is: only a literal of this code.
    package mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A value, escaped.
    package mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for (i, byte) in utf8.enumerated() {
                let entity: StaticString
                switch byte {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                entity.withUTF8Buffer { bytes.append(contentsOf: $0) }
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
    }

    /// A number (nothing to escape).
    package mutating func text(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    /// `open`, the value escaped, then `close`: a cell, a heading, a link's text.
    package mutating func element(_ open: StaticString, _ value: String, _ close: StaticString) {
        raw(open)
        text(value)
        raw(close)
    }

    /// `open`, the number, then `close`: a count in a cell or a heading.
    package mutating func element(_ open: StaticString, _ value: Int, _ close: StaticString) {
        raw(open)
        text(value)
        raw(close)
    }

    /// A rating badge.
    package mutating func badge(_ label: String, kind: String) {
        raw("<span class=\"badge ")
        text(kind)
        raw("\">")
        text(label)
        raw("</span>")
    }

    /// What another writer wrote (escaped there), as it is.
    package mutating func append(_ other: HTMLWriter) { bytes.append(contentsOf: other.bytes) }

    /// What was written.
    package var html: String { String(decoding: bytes, as: UTF8.self) }

    /// Every static page: doctype, charset, title, the shared style, and `body` (written by
    /// another writer, so already escaped) in `<main>`, the landmark screen readers jump to.
    package static func page(title: String, _ body: HTMLWriter) -> String {
        var w = HTMLWriter(capacity: body.bytes.count + 4096)
        w.raw(
            """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">

            """)
        w.element("<title>", title, "</title>\n<style>")
        w.raw(HTML.style)
        w.raw("</style>\n</head>\n<body>\n<main>\n")
        w.append(body)
        w.raw("\n</main>\n</body>\n</html>\n")
        return w.html
    }
}
