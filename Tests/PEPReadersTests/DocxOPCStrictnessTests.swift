import Foundation
import PEPModel
import Testing

@testable import PEPReaders

/// Package tricks (ECMA-376 Part 2) that must be refused with a reason, not read.
@Suite struct DocxOPCStrictnessTests {
    static let body = Docx.document(Docx.table(Docx.row(texts: ["Surname", "Marlow"])))

    func refusal(_ bytes: [UInt8]) -> IngestError? {
        do {
            _ = try Docx.read(bytes)
            return nil
        } catch {
            return error
        }
    }

    /// A package whose relationship part says `relationship` (a `<Relationship …/>` element).
    func package(relationship: String, extra: [TestZip.Item] = []) -> [UInt8] {
        let rels = """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(relationship)</Relationships>
            """
        return TestZip.make(
            [
                .init("[Content_Types].xml", Docx.contentTypes()), .init("_rels/.rels", rels),
                .init("word/document.xml", Self.body),
            ] + extra)
    }

    func officeDocument(_ target: String, mode: String? = nil) -> String {
        let m = mode.map { " TargetMode=\"\($0)\"" } ?? ""
        return "<Relationship Id=\"rId1\" Type=\"\(Docx.officeDocument)\" Target=\"\(target)\"\(m)/>"
    }

    @Test func twoEntriesWithOneNameAreRefused() {
        let decoy = Docx.document(Docx.table(Docx.row(texts: ["Surname", "Decoy"])))
        let bytes = Docx.package(Self.body, extra: [.init("word/document.xml", decoy)])
        let error = refusal(bytes)
        #expect(error?.code == .unsafe)
        #expect(error?.description.contains("two entries with one name") == true)
        #expect(error?.description.contains("\n") == false)
        // Names compare as OPC part names: without case and leading slash.
        #expect(refusal(Docx.package(Self.body, extra: [.init("/Word/Document.XML", decoy)]))?.code == .unsafe)
    }

    @Test func aRelationshipThatClimbsOutOfThePackageIsRefusedWithNoFallback() {
        for target in ["../word/document.xml", "word/../../document.xml", "%2e%2e/word/document.xml", "..\\word\\document.xml"] {
            let error = refusal(package(relationship: officeDocument(target)))
            #expect(error?.code == .unsafe, "\(target)")
            #expect(error?.description.contains("points outside the package") == true, "\(target)")
        }
    }

    @Test func aRelationshipToAnAbsoluteLocationOutsideIsRefused() {
        for target in ["file:///C:/Users/school/pep.docx", "C:\\forms\\document.xml", "//server/share/document.xml", "https://example.org/d.xml"] {
            #expect(refusal(package(relationship: officeDocument(target)))?.code == .unsafe, "\(target)")
        }
    }

    @Test func anExternalRelationshipIsRefusedEvenWhenItsTargetLooksInside() {
        let error = refusal(package(relationship: officeDocument("word/document.xml", mode: "External")))
        #expect(error?.code == .unsafe)
        #expect(refusal(package(relationship: officeDocument("word/document.xml", mode: "external")))?.code == .unsafe)
    }

    @Test func aPackageAbsoluteAndADotSegmentTargetStayInsideAndAreRead() throws {
        for target in ["/word/document.xml", "./word/document.xml", "word/./x/../document.xml"] {
            let doc = try Docx.read(package(relationship: officeDocument(target)))
            #expect(PEPBuilder.build(doc).text("child.last_name") == "Marlow", "\(target)")
        }
    }

    @Test func aMainPartOfAnotherContentTypeIsRefused() {
        let bytes = TestZip.make([
            .init("[Content_Types].xml", Docx.contentTypes(type: "application/xml")), .init("_rels/.rels", Docx.rels()),
            .init("word/document.xml", Self.body),
        ])
        let error = refusal(bytes)
        #expect(error?.code == .noDocumentPart)
        #expect(error?.description.contains("content type application/xml") == true)
    }

    @Test func aLocalHeaderOffsetPastTheEndIsRefusedWithoutTrapping() throws {
        var bytes = Docx.package(Self.body)
        let central = try #require(Self.firstCentralHeader(bytes))
        for (i, b) in TestZip.le32(UInt32(bytes.count + 1000)).enumerated() { bytes[central + 42 + i] = b }
        #expect(refusal(bytes)?.code == .malformed)
        // An offset inside the file that is not a local header, and data running past the end.
        for (i, b) in TestZip.le32(7).enumerated() { bytes[central + 42 + i] = b }
        #expect(refusal(bytes)?.code == .malformed)
        var long = Docx.package(Self.body)
        for (i, b) in TestZip.le32(UInt32(long.count)).enumerated() { long[central + 20 + i] = b }
        #expect(refusal(long)?.code == .malformed)
    }

    /// Found by fuzzing (`FuzzZIP`): an end record whose comment runs past the end of the data
    /// made ZIPFoundation fail to open the archive after making its in-memory file, which it then
    /// leaked with a copy of the whole document. Our own scan refuses it now, before ZIPFoundation
    /// is called (its refusal says "not a readable ZIP archive"; ours, "not a complete").
    @Test func anEndRecordCommentPastTheEndIsRefusedBeforeZIPFoundation() {
        let fuzzed: [UInt8] = [
            0xcb, 0x82, 0x7e, 0x1b, 0xd7, 0x5d, 0x5e, 0x01, 0x11, 0x00, 0x11, 0x11, 0x11, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x11, 0x00, 0x11, 0x11, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x50, 0x4b, 0x05, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x67, 0x00, 0xff, 0xfb, 0xfe, 0xa2, 0xc3, 0xfc, 0xf7, 0xff, 0xff, 0x00, 0x00,
            0x00,
        ]
        var commented = Docx.package(Self.body)
        commented[commented.count - 2] = 16  // a 16-byte comment declared, none there
        for bytes in [fuzzed, commented] {
            let error = refusal(bytes)
            #expect(error?.code == .malformed)
            #expect(error?.description.contains("not a complete ZIP archive") == true, "\(String(describing: error))")
        }
    }

    static func firstCentralHeader(_ bytes: [UInt8]) -> Int? {
        let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        return (0..<(bytes.count - 4)).first { Array(bytes[$0..<($0 + 4)]) == signature }
    }
}
