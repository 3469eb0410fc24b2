import CLibXML2
import PEPModel

/// Limits that keep a hostile XML document within bounded time and memory.
struct XMLLimits: Sendable {
    /// Deepest element nesting accepted (Word documents rarely pass 40).
    var maxDepth = 256
    /// Most nodes read before giving up.
    var maxNodes = 5_000_000

    static let standard = XMLLimits()
}

/// A forward-only, streaming view of an XML document over libxml2's `xmlTextReader`, with the
/// safe options and limits applied. No DOM is built.
///
/// DTDs and entity references are refused outright: PEP XML never needs them, and OPC (the DOCX
/// package format) forbids DTDs in package parts.
final class XMLStreamReader {
    enum Kind: Equatable {
        case element, endElement, text, whitespace, other
    }

    private let reader: xmlTextReaderPtr
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private let limits: XMLLimits
    private let file: String
    private let part: String?
    private var nodes = 0
    /// The current node's type and depth, read once per node by `read()`: every node's
    /// handler asks for both, often twice.
    private var nodeType: Int32 = 0
    private(set) var depth = 0
    private let errors = ErrorBox()
    /// Element and namespace names by libxml2's pointer to them. The reader's parser interns
    /// every name in its dictionary (`dictNames`), so one name is one pointer for the reader's
    /// life: each is made a Swift String once, not once per node (which, with a hash of the
    /// namespace URI per element, was a fifth of reading a Word document).
    private var names: [UnsafePointer<xmlChar>: String] = [:]
    /// The last namespace URI met, by its pointer: nearly every node of a Word document is in
    /// the same namespace as the one before, so this spares a dictionary lookup per node.
    private var lastNamespace: (pointer: UnsafePointer<xmlChar>, name: String)?

    /// - Parameters:
    ///   - bytes: the document (copied; the reader owns its copy).
    ///   - file: the submission's file name, for errors.
    ///   - part: the part inside an archive (`word/document.xml`), for errors.
    init(bytes: [UInt8], file: String, part: String? = nil, limits: XMLLimits = .standard) throws(IngestError) {
        XMLSafety.prepare()
        self.file = file
        self.part = part
        self.limits = limits
        buffer = .allocate(capacity: max(bytes.count, 1))
        _ = buffer.initialize(from: bytes)
        guard let address = buffer.baseAddress,
            let r = xmlReaderForMemory(
                UnsafeRawPointer(address).assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil, nil,
                XMLSafety.parseOptions)
        else {
            buffer.deallocate()
            throw IngestError(.malformed, file: file, field: part, message: "the XML could not be opened")
        }
        reader = r
        xmlTextReaderSetStructuredErrorHandler(
            reader,
            { context, error in
                guard let context, let error else { return }
                let box = Unmanaged<ErrorBox>.fromOpaque(context).takeUnretainedValue()
                if box.first == nil {
                    let message = error.pointee.message.map { String(cString: $0) } ?? "malformed XML"
                    // One line only: libxml2 adds a second line quoting the document's bytes.
                    let firstLine = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? message
                    box.first = (firstLine.trimmingCharacters(in: .whitespaces), Int(error.pointee.line))
                }
            }, Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
        buffer.deallocate()
    }

    /// Moves to the next node; false at the end of the document.
    /// - Throws: `.malformed` for broken XML, `.unsafe` for a DTD or entity reference,
    ///   `.tooLarge` past the depth or node limits.
    func read() throws(IngestError) -> Bool {
        let status = xmlTextReaderRead(reader)
        if status == 0 { return false }
        if status < 0 { throw malformed() }
        nodes += 1
        nodeType = xmlTextReaderNodeType(reader)
        depth = Int(xmlTextReaderDepth(reader))
        if nodes > limits.maxNodes {
            throw IngestError(.tooLarge, file: file, field: part, message: "the XML has more than \(limits.maxNodes) nodes")
        }
        if depth > limits.maxDepth {
            throw IngestError(.tooLarge, file: file, field: part, message: "the XML nests deeper than \(limits.maxDepth) levels")
        }
        switch nodeType {
        case 10:  // XML_READER_TYPE_DOCUMENT_TYPE
            throw IngestError(.unsafe, file: file, field: part, message: "the XML declares a DTD (DOCTYPE), which is not accepted")
        case 5, 6:  // ENTITY_REFERENCE, ENTITY
            throw IngestError(.unsafe, file: file, field: part, message: "the XML uses entity references, which are not accepted")
        default:
            return true
        }
    }

    /// Moves to the next node that is not inside the subtree being skipped, for a parser that
    /// ignores whole elements (a deleted run, a text box's fallback): it sets `skipDepth` to
    /// the element's depth and gets nothing until that element's end has passed.
    func read(skipping skipDepth: inout Int?) throws(IngestError) -> Bool {
        while try read() {
            guard let skip = skipDepth else { return true }
            if kind == .endElement, depth == skip { skipDepth = nil }
        }
        return false
    }

    private func malformed() -> IngestError {
        let (message, line) = errors.first ?? ("malformed XML", 0)
        let at = line > 0 ? " (line \(line))" : ""
        if message.hasPrefix("Excessive depth") {
            return IngestError(.tooLarge, file: file, field: part, message: "the XML nests too deeply\(at)")
        }
        if message.contains("ntity") {
            return IngestError(.unsafe, file: file, field: part, message: "the XML was refused: \(message)\(at)")
        }
        return IngestError(.malformed, file: file, field: part, message: "the XML is not well-formed: \(message)\(at)")
    }

    var kind: Kind {
        switch nodeType {
        case 1: return .element
        case 15: return .endElement
        case 3, 4: return .text
        case 13, 14: return .whitespace
        default: return .other
        }
    }

    /// The line of the current node as the parser recorded it on the node (exact, unlike
    /// `line`, which is where the parser has read up to).
    var nodeLine: Int {
        guard let node = xmlTextReaderCurrentNode(reader) else { return line }
        return Int(xmlGetLineNo(node))
    }

    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }
    var localName: String { interned(xmlTextReaderConstLocalName(reader)) }
    /// An element's namespace is read from its node: `xmlTextReaderConstNamespaceUri` looks the
    /// URI up in the parser's dictionary (a hash and a compare of the whole URI) at every call,
    /// once per element and end tag, which was a fortieth of reading a Word document.
    var namespaceURI: String {
        let p: UnsafePointer<xmlChar>?
        if let node = xmlTextReaderCurrentNode(reader), node.pointee.type == XML_ELEMENT_NODE {
            p = node.pointee.ns?.pointee.href
        } else {
            p = xmlTextReaderConstNamespaceUri(reader)
        }
        guard let p else { return "" }
        if let last = lastNamespace, last.pointer == p { return last.name }
        let name = interned(p)
        lastNamespace = (p, name)
        return name
    }
    /// The prefixed name as written (`w:t`), for messages.
    var qualifiedName: String { string(xmlTextReaderConstName(reader)) }
    /// The text of a text, CDATA or whitespace node.
    var value: String { string(xmlTextReaderConstValue(reader)) }
    /// The line of the current node, for errors.
    var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    /// An attribute of the current element by local name and namespace (nil namespace: none).
    func attribute(_ localName: String, namespace: String?) -> String? {
        let raw: UnsafeMutablePointer<xmlChar>?
        if let namespace {
            raw = xmlTextReaderGetAttributeNs(reader, localName, namespace)
        } else {
            raw = xmlTextReaderGetAttribute(reader, localName)
        }
        guard let raw else { return nil }
        defer { cxml_free(raw) }
        return String(cString: raw)
    }

    /// All attributes of the current element as (namespace, local name, value).
    func attributes() -> [(namespace: String, name: String, value: String)] {
        var out: [(String, String, String)] = []
        guard xmlTextReaderHasAttributes(reader) == 1, xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return out }
        repeat {
            let ns = string(xmlTextReaderConstNamespaceUri(reader))
            if ns != "http://www.w3.org/2000/xmlns/" {
                out.append((ns, string(xmlTextReaderConstLocalName(reader)), string(xmlTextReaderConstValue(reader))))
            }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
        return out
    }

    private func interned(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        if let name = names[p] { return name }
        let name = String(cString: p)
        names[p] = name
        return name
    }

    private func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }
}

/// Holds the first error libxml2 reported for one reader.
private final class ErrorBox {
    var first: (String, Int)?
}

import Foundation
