import CLibXML2
import PEPModel

/// The compiled PEP XSD, parsed once from the text embedded in the binary and shared by
/// every validation (libxml2 only reads a compiled schema while validating).
final class CompiledPEPSchema: @unchecked Sendable {
    /// The schema, or nil if the embedded XSD failed to compile (a bug, caught by a test).
    let schema: xmlSchemaPtr?

    static let shared = CompiledPEPSchema()

    private init() {
        XMLSafety.prepare()
        let bytes = PEPSchema.xsd
        schema = bytes.withUnsafeBufferPointer { buffer -> xmlSchemaPtr? in
            guard let base = buffer.baseAddress,
                let parser = base.withMemoryRebound(to: CChar.self, capacity: buffer.count, {
                    xmlSchemaNewMemParserCtxt($0, Int32(buffer.count))
                })
            else { return nil }
            defer { xmlSchemaFreeParserCtxt(parser) }
            xmlSchemaSetParserStructuredErrors(parser, { _, _ in }, nil)
            return xmlSchemaParse(parser)
        }
    }
}

/// One document's validation against the PEP XSD.
///
/// Runs only after `XMLStreamReader` has read the whole document safely (no DTD, no entity
/// references, within the depth and node limits, well-formed), so the document it parses is
/// known to be plain elements and text. It parses again with the same safe options into a
/// small tree and validates that; the validator's errors come to this object, never to a
/// global handler. (Plugging the validator into the stream reader instead swaps libxml2's SAX
/// handler and breaks the reader's own error reporting.)
final class PEPSchemaValidation {
    private let context: xmlSchemaValidCtxtPtr
    /// The first validity error: libxml2's message, made safe to show, and its line.
    private(set) var firstError: (message: String, line: Int)?

    init?() {
        guard let schema = CompiledPEPSchema.shared.schema, let context = xmlSchemaNewValidCtxt(schema) else { return nil }
        self.context = context
        xmlSchemaSetValidStructuredErrors(
            context,
            { userData, error in
                guard let userData, let error else { return }
                let validation = Unmanaged<PEPSchemaValidation>.fromOpaque(userData).takeUnretainedValue()
                guard validation.firstError == nil else { return }
                let raw = error.pointee.message.map { String(cString: $0) } ?? "the document does not match the schema"
                validation.firstError = (PEPSchemaValidation.redact(raw), Int(error.pointee.line))
            }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit { xmlSchemaFreeValidCtxt(context) }

    /// Validates `bytes`, list items under any name (see `ListItemNaming`); true when valid.
    /// False with `firstError` set for a violation, or with it nil when libxml2 could not
    /// parse the bytes (the stream pass reports those).
    func validate(_ bytes: [UInt8]) -> Bool {
        XMLSafety.prepare()
        let doc = bytes.withUnsafeBufferPointer { buffer -> xmlDocPtr? in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), nil, nil, XMLSafety.parseOptions)
            }
        }
        guard let doc else { return false }
        defer { xmlFreeDoc(doc) }
        ListItemNaming.canonicalise(doc)
        return xmlSchemaValidateDoc(context, doc) == 0
    }

    /// One line from a libxml2 validity message: the namespace dropped from element names,
    /// and any quoted text that is not a plain XML name (a value) replaced by `'…'`, so a
    /// document's content never reaches a message.
    static func redact(_ message: String) -> String {
        let flat = message.replacingOccurrences(of: "{\(XMLPEPReader.namespace)}", with: "")
            .split(whereSeparator: \.isNewline).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
        var out = ""
        var quoted: String?
        for ch in flat {
            if var q = quoted {
                if ch == "'" {
                    out += isPlainName(q) ? "'\(q)'" : "'…'"
                    quoted = nil
                } else {
                    q.append(ch)
                    quoted = q
                }
            } else if ch == "'" {
                quoted = ""
            } else {
                out.append(ch)
            }
        }
        if quoted != nil { out += "'…" }
        return out
    }

    /// An element or attribute name (`schema-version`, `{urn:x}target`), not a value.
    static func isPlainName(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" || first == "{", text.count <= 80 else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.:{}/".contains($0)) }
    }
}
