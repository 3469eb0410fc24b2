import Foundation
import PEPModel
import PEPRules
import PEPTestSupport

@testable import PEPReaders

/// A minimal ZIP writer for tests: stored or pre-deflated entries, with control over the
/// declared sizes, CRC and flags, so hostile archives can be built byte by byte.
enum TestZip {
    struct Item {
        var name: String
        var data: [UInt8]
        /// 0 stored, 8 deflated (then `data` is raw deflate and `size` the inflated size).
        var method: UInt16 = 0
        var size: UInt32?
        var crc: UInt32?
        var flags: UInt16 = 0x0800

        init(_ name: String, _ text: String) {
            self.name = name
            self.data = Array(text.utf8)
        }

        init(name: String, data: [UInt8], method: UInt16 = 0, size: UInt32? = nil, crc: UInt32? = nil, flags: UInt16 = 0x0800) {
            self.name = name
            self.data = data
            self.method = method
            self.size = size
            self.crc = crc
            self.flags = flags
        }
    }

    static func make(_ items: [Item]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for item in items {
            let offset = UInt32(out.count)
            let name = Array(item.name.utf8)
            let crc = item.crc ?? crc32(item.data)
            let size = item.size ?? UInt32(item.data.count)
            var header: [UInt8] = []
            header += le32(0x0403_4B50) + le16(20) + le16(item.flags) + le16(item.method) + le16(0) + le16(0x21)
            header += le32(crc) + le32(UInt32(item.data.count)) + le32(size) + le16(UInt16(name.count)) + le16(0)
            out += header + name + item.data
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(item.flags) + le16(item.method) + le16(0) + le16(0x21)
            central += le32(crc) + le32(UInt32(item.data.count)) + le32(size) + le16(UInt16(name.count))
            central += le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let cdOffset = UInt32(out.count)
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(items.count)) + le16(UInt16(items.count))
        out += le32(UInt32(central.count)) + le32(cdOffset) + le16(0)
        return out
    }

    static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }

    /// A raw deflate stream (one fixed-Huffman block) that inflates to `1 + 258 * repeats`
    /// bytes of "a": a literal, then back-references of length 258 at distance 1.
    static func deflateBomb(repeats: Int) -> [UInt8] {
        var bits = BitWriter()
        bits.write(1, count: 1)  // BFINAL
        bits.write(1, count: 2)  // BTYPE = 01, fixed Huffman
        bits.writeCode(0x30 + 0x61, length: 8)  // literal 'a'
        for _ in 0..<repeats {
            bits.writeCode(0b1100_0101, length: 8)  // length code 285 = 258
            bits.writeCode(0, length: 5)  // distance code 0 = 1
        }
        bits.writeCode(0, length: 7)  // end of block
        return bits.bytes
    }

    struct BitWriter {
        var bytes: [UInt8] = []
        var used = 8

        mutating func bit(_ b: UInt32) {
            if used == 8 {
                bytes.append(0)
                used = 0
            }
            bytes[bytes.count - 1] |= UInt8(b & 1) << used
            used += 1
        }

        /// A plain value, least significant bit first.
        mutating func write(_ value: UInt32, count: Int) { for i in 0..<count { bit(value >> i) } }

        /// A Huffman code, most significant bit first.
        mutating func writeCode(_ code: UInt32, length: Int) { for i in (0..<length).reversed() { bit(code >> i) } }
    }
}

/// Builds small Word packages for tests and reads them with the shipped mapping.
enum Docx {
    static let wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let strictNS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    static let mainType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"

    /// The shipped `Rules/docx-mapping.yaml`.
    static let mapping: FormMapping = {
        do {
            return try FormMappingLoader.load(contentsOf: Repository.rules.appendingPathComponent("docx-mapping.yaml"))
        } catch {
            fatalError("Rules/docx-mapping.yaml does not load: \(error)")
        }
    }()

    /// A main document part around `body` (written with the `w:` prefix), re-prefixed and in
    /// another namespace when asked.
    static func document(_ body: String, prefix: String = "w", namespace: String = wordNS) -> String {
        let text = prefix == "w" ? body : body.replacingOccurrences(of: "<w:", with: "<\(prefix):")
            .replacingOccurrences(of: "</w:", with: "</\(prefix):").replacingOccurrences(of: " w:", with: " \(prefix):")
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <\(prefix):document xmlns:\(prefix)="\(namespace)" \
            xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" \
            xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
            xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
            xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="w14"><\(prefix):body>\(text)</\(prefix):body></\(prefix):document>
            """
    }

    static func contentTypes(part: String = "word/document.xml", type: String = mainType) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/\(part)" ContentType="\(type)"/></Types>
        """
    }

    static func rels(target: String = "word/document.xml", type: String = officeDocument) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(type)" Target="\(target)"/></Relationships>
        """
    }

    /// A complete package: content types, package relationships and the main part.
    static func package(_ documentXML: String, part: String = "word/document.xml", extra: [TestZip.Item] = []) -> [UInt8] {
        TestZip.make(
            [
                .init("[Content_Types].xml", contentTypes(part: part)), .init("_rels/.rels", rels(target: part)),
                .init(part, documentXML),
            ] + extra)
    }

    static func docx(_ body: String, prefix: String = "w", namespace: String = wordNS) -> [UInt8] {
        package(document(body, prefix: prefix, namespace: namespace))
    }

    static func read(_ bytes: [UInt8], file: String = "test.docx") throws(IngestError) -> ExtractedDocument {
        try DocxReader(mapping: mapping).read(bytes, file: file)
    }

    static func result(_ body: String, prefix: String = "w", namespace: String = wordNS) throws -> ReadResult {
        PEPBuilder.build(try read(docx(body, prefix: prefix, namespace: namespace)))
    }

    // MARK: WordprocessingML snippets

    static func esc(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }

    static func run(_ text: String, bold: Bool = false) -> String {
        "<w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(esc(text))</w:t></w:r>"
    }

    static func p(_ inner: String) -> String { "<w:p>\(inner)</w:p>" }
    static func para(_ text: String) -> String { p(run(text)) }

    static func cell(_ inner: String, span: Int = 1, vMerge: String? = nil, shade: Bool = false) -> String {
        var pr = span > 1 ? "<w:gridSpan w:val=\"\(span)\"/>" : ""
        if let vMerge { pr += vMerge == "restart" ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>" }
        if shade { pr += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9E2F3\"/>" }
        let content = inner.hasPrefix("<w:p>") || inner.hasPrefix("<w:tbl>") ? inner : p(inner)
        return "<w:tc><w:tcPr>\(pr)</w:tcPr>\(content)</w:tc>"
    }

    static func textCell(_ text: String, shade: Bool = false) -> String { cell(run(text), shade: shade) }
    static func row(_ cells: String...) -> String { "<w:tr>\(cells.joined())</w:tr>" }
    static func row(texts: [String]) -> String { "<w:tr>\(texts.map { textCell($0) }.joined())</w:tr>" }
    static func table(_ rows: String...) -> String { "<w:tbl><w:tblPr/>\(rows.joined())</w:tbl>" }

    static func sdt(tag: String, _ content: String, properties: String = "") -> String {
        "<w:sdt><w:sdtPr><w:tag w:val=\"\(tag)\"/><w:id w:val=\"1\"/>\(properties)</w:sdtPr><w:sdtContent>\(content)</w:sdtContent></w:sdt>"
    }

    static func formText(_ name: String, result: [String], defaultText: String? = nil) -> String {
        let d = defaultText.map { "<w:default w:val=\"\($0)\"/>" } ?? ""
        return "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:name w:val=\"\(name)\"/><w:enabled/><w:textInput>\(d)</w:textInput></w:ffData></w:fldChar></w:r>"
            + "<w:r><w:instrText xml:space=\"preserve\"> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
            + result.map { run($0) }.joined() + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    }

    static func formCheckbox(_ name: String, checked: String?, defaultValue: String = "0") -> String {
        "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:name w:val=\"\(name)\"/><w:checkBox><w:sizeAuto/><w:default w:val=\"\(defaultValue)\"/>\(checked ?? "")</w:checkBox></w:ffData></w:fldChar></w:r>"
            + "<w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    }
}

extension ExtractedDocument {
    /// The raw values read for a path, in order.
    func raws(_ path: FieldPath) -> [RawValue] { scalars.filter { $0.path == path }.map(\.raw) }
    func list(_ path: FieldPath) -> ExtractedList? { lists.first { $0.path == path } }
}

extension ReadResult {
    func text(_ path: FieldPath) -> String? { pep.value(at: path)?.value.text }
}
