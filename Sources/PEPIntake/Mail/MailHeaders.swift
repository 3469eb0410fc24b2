/// The header fields of a message or MIME part, unfolded, in order.
///
/// Values are kept raw (RFC 2047 words undecoded) because decoding depends on the field:
/// `Subject` is decoded as text, `Content-Type` parameters are parsed first.
package struct MailHeaders: Sendable, Hashable {
    package struct Field: Sendable, Hashable {
        package var name: String
        package var value: String
    }

    package var fields: [Field]

    package init(fields: [Field] = []) { self.fields = fields }

    /// The first field named `name` (case-insensitive), trimmed.
    package func value(_ name: String) -> String? {
        let key = name.lowercased()
        return fields.first { $0.name.lowercased() == key }?.value
    }

    /// Splits `bytes` into header fields and the index where the body starts.
    ///
    /// Folded lines (starting with a space or tab) continue the field above. The header section
    /// ends at the first empty line, or at the first line that is neither a field nor a
    /// continuation (lenient: that line is the first of the body). CRLF and bare LF both end a line.
    /// Header bytes that are not UTF-8 are read as Windows-1252.
    static func parse(_ bytes: ArraySlice<UInt8>) -> (MailHeaders, bodyStart: Int) {
        var fields: [Field] = []
        var current: (name: String, value: [UInt8])?
        var lineStart = bytes.startIndex
        var bodyStart = bytes.endIndex
        func finish() {
            if let c = current {
                let value = CharsetDecoder.decodeLenient(c.value).trimmingASCIIWhitespace()
                fields.append(Field(name: c.name, value: value))
            }
            current = nil
        }
        while lineStart < bytes.endIndex {
            let newline = bytes[lineStart...].firstIndex(of: 0x0A)
            let next = newline.map { $0 + 1 } ?? bytes.endIndex
            var lineEnd = newline ?? bytes.endIndex
            if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = bytes[lineStart..<lineEnd]
            if line.isEmpty {
                bodyStart = next
                break
            }
            if line.first == 0x20 || line.first == 0x09, current != nil {
                current?.value.append(contentsOf: line)
            } else if let colon = line.firstIndex(of: UInt8(ascii: ":")), isFieldName(line[lineStart..<colon]) {
                finish()
                let name = String(decoding: line[lineStart..<colon], as: UTF8.self).trimmingASCIIWhitespace()
                current = (name, Array(line[(colon + 1)...]))
            } else if fields.isEmpty, current == nil, line.starts(with: "From ".utf8) {
                // An mbox envelope line before the first header: not part of the message.
            } else {
                bodyStart = lineStart
                break
            }
            lineStart = next
        }
        finish()
        return (MailHeaders(fields: fields), bodyStart)
    }

    /// A field name is printable ASCII without spaces (RFC 5322 §3.6.8); trailing blanks before
    /// the colon are tolerated.
    private static func isFieldName(_ bytes: ArraySlice<UInt8>) -> Bool {
        var sawName = false
        var sawBlank = false
        for byte in bytes {
            if byte == 0x20 || byte == 0x09 {
                sawBlank = true
            } else if byte > 0x20, byte < 0x7F, !sawBlank {
                sawName = true
            } else {
                return false
            }
        }
        return sawName
    }
}
