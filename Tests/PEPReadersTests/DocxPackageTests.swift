import Foundation
import PEPModel
import Testing

@testable import PEPReaders

@Suite struct DocxPackageTests {
    static let body = Docx.document(Docx.table(Docx.row(texts: ["Surname", "Marlow"])))

    func code(_ bytes: [UInt8]) -> IngestError.Code? {
        do {
            _ = try Docx.read(bytes)
            return nil
        } catch {
            return error.code
        }
    }

    @Test func theMainPartIsFoundThroughRelationshipsNotByName() throws {
        let bytes = Docx.package(Self.body, part: "content/main-part.xml")
        let r = PEPBuilder.build(try Docx.read(bytes))
        #expect(r.text("child.last_name") == "Marlow")
    }

    @Test func aDecoyWordDocumentXmlIsNotReadWhenTheRelationshipPointsElsewhere() throws {
        let decoy = Docx.document(Docx.table(Docx.row(texts: ["Surname", "Decoy"])))
        let bytes = Docx.package(Self.body, part: "word/document2.xml", extra: [.init("word/document.xml", decoy)])
        #expect(PEPBuilder.build(try Docx.read(bytes)).text("child.last_name") == "Marlow")
    }

    @Test func macroEnabledAndTemplateContentTypesAreAccepted() throws {
        for type in [
            "application/vnd.ms-word.document.macroEnabled.main+xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        ] {
            let bytes = TestZip.make([
                .init("[Content_Types].xml", Docx.contentTypes(type: type)), .init("_rels/.rels", Docx.rels()),
                .init("word/document.xml", Self.body),
            ])
            #expect(PEPBuilder.build(try Docx.read(bytes)).text("child.last_name") == "Marlow")
        }
    }

    @Test func strictRelationshipTypesAndAbsoluteTargetsAreAccepted() throws {
        let rels = Docx.rels(target: "/word/document.xml", type: "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument")
        let bytes = TestZip.make([
            .init("[Content_Types].xml", Docx.contentTypes()), .init("_rels/.rels", rels), .init("word/document.xml", Self.body),
        ])
        #expect(PEPBuilder.build(try Docx.read(bytes)).text("child.last_name") == "Marlow")
    }

    @Test func aPackageWithNoDocumentPartIsRefused() {
        let spreadsheet = TestZip.make([
            .init("[Content_Types].xml", Docx.contentTypes(part: "xl/workbook.xml", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")),
            .init("_rels/.rels", Docx.rels(target: "xl/workbook.xml")), .init("xl/workbook.xml", "<workbook/>"),
        ])
        #expect(code(spreadsheet) == .noDocumentPart)
        #expect(code(TestZip.make([.init("readme.txt", "hello")])) == .noDocumentPart)
    }

    @Test func aRelationshipToAMissingPartIsNoDocumentPart() {
        let bytes = TestZip.make([.init("[Content_Types].xml", Docx.contentTypes()), .init("_rels/.rels", Docx.rels())])
        #expect(code(bytes) == .noDocumentPart)
    }

    @Test func aTruncatedArchiveIsMalformed() {
        let bytes = Docx.package(Self.body)
        #expect(code(Array(bytes.prefix(bytes.count / 2))) == .malformed)
        #expect(code(Array(bytes.prefix(bytes.count - 10))) == .malformed)
    }

    @Test func aCorruptPartIsMalformed() {
        var bytes = Docx.package(Self.body)
        // Flip a byte inside the stored document part: its CRC no longer matches.
        let marker = Array("Marlow".utf8)
        if let i = (0..<(bytes.count - marker.count)).first(where: { Array(bytes[$0..<($0 + marker.count)]) == marker }) {
            bytes[i] ^= 0x20
        }
        #expect(code(bytes) == .malformed)
    }

    @Test func anEncryptedEntryIsRefusedAsEncrypted() throws {
        var items: [TestZip.Item] = [
            .init("[Content_Types].xml", Docx.contentTypes()), .init("_rels/.rels", Docx.rels()), .init("word/document.xml", Self.body),
        ]
        items[2].flags |= 1
        let bytes = TestZip.make(items)
        #expect(code(bytes) == .encrypted)
        do {
            _ = try Docx.read(bytes, file: "pep.docx")
        } catch {
            #expect(error.description.hasPrefix("pep.docx: "))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func aPDFRenamedDocxIsRefusedByTheSniffer() {
        let pdf = Array("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".utf8)
        #expect(throws: IngestError.self) { try FormatSniffer.sniff(pdf, file: "pep.docx") }
        #expect((try? FormatSniffer.sniff(pdf, file: "pep.docx")) == nil)
        #expect(code(pdf) == .malformed)
    }

    @Test func aDTDInTheDocumentPartIsRefusedAsUnsafe() {
        let dtd = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document xmlns:w=\"\(Docx.wordNS)\"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
        #expect(code(Docx.package(dtd)) == .unsafe)
    }

    @Test func malformedXmlInTheDocumentPartIsMalformed() {
        #expect(code(Docx.package("<w:document xmlns:w=\"\(Docx.wordNS)\"><w:body><w:p>")) == .malformed)
    }

    @Test func aZipBombWithHonestSizesIsRefusedBeforeInflating() {
        let bomb = TestZip.deflateBomb(repeats: 400_000)  // about 100 MB from 650 KB
        let size = UInt32(1 + 258 * 400_000)
        let bytes = TestZip.make([
            .init("[Content_Types].xml", Docx.contentTypes()), .init("_rels/.rels", Docx.rels()),
            .init(name: "word/document.xml", data: bomb, method: 8, size: size, crc: 0),
        ])
        let clock = ContinuousClock()
        var result: IngestError.Code?
        let elapsed = clock.measure { result = code(bytes) }
        #expect(result == .tooLarge)
        #expect(elapsed < .seconds(2))
    }

    /// Also proves the bomb helper inflates: only bytes counted while inflating can trip this.
    @Test func aZipBombThatUnderstatesItsSizeIsStoppedWhileInflating() {
        let bomb = TestZip.deflateBomb(repeats: 400_000)
        let bytes = TestZip.make([
            .init("[Content_Types].xml", Docx.contentTypes()), .init("_rels/.rels", Docx.rels()),
            .init(name: "word/document.xml", data: bomb, method: 8, size: 1_000, crc: 0),
        ])
        let clock = ContinuousClock()
        var result: IngestError.Code?
        let elapsed = clock.measure { result = code(bytes) }
        #expect(result == .tooLarge)
        // `.tooLarge` is what proves it stopped on the byte count; the time bound is only a hang
        // guard, loose enough for a loaded CI machine (speed is measured by `make bench`).
        #expect(elapsed < .seconds(60))
    }

    /// Found by fuzzing (`FuzzZIP`): ZIPFoundation inflates until the stream ends, reading past
    /// the entry to the end of the archive, and asks for more input for ever when it never ends.
    /// Here a non-final stored block promises 65,535 bytes the archive does not hold. The read
    /// runs on its own thread so that, were the hang back, the test fails instead of stopping
    /// the suite.
    @Test func aDeflatedPartWhoseStreamNeverEndsIsRefusedNotLoopedOn() {
        let endless: [UInt8] = [0x00, 0xFF, 0xFF, 0x00, 0x00] + Array("<w:document".utf8)
        let bytes = TestZip.make([
            .init("[Content_Types].xml", Docx.contentTypes()), .init("_rels/.rels", Docx.rels()),
            .init(name: "word/document.xml", data: endless, method: 8, size: 1_000, crc: 0),
        ])
        #expect(PartInflater.inflate(endless[...], limit: 1 << 20) == .endless)
        let outcome = Outcome()
        Thread.detachNewThread { [self] in outcome.finish(code(bytes)) }
        #expect(outcome.wait(seconds: 60) == .some(.malformed))
    }

    /// One read's result, handed from the thread that reads to the test that waits.
    final class Outcome: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var code: IngestError.Code?
        func finish(_ code: IngestError.Code?) {
            self.code = code
            done.signal()
        }
        /// The code, or nil when the read has not finished in time.
        func wait(seconds: Double) -> IngestError.Code?? {
            done.wait(timeout: .now() + seconds) == .success ? .some(code) : nil
        }
    }

    /// zlib inflates every deflated part and checks its CRC-32 against the directory: the
    /// right one is read, a wrong one refused as corrupt (the check ZIPFoundation made before).
    @Test func aDeflatedPartIsReadAndItsChecksumHeldToTheDirectory() throws {
        let part = Array(Self.body.utf8)
        // One final stored block: the simplest raw deflate stream that holds `part` as it is.
        let n = UInt16(part.count)
        let stream = [0x01, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8(~n >> 8)] + part
        func package(crc: UInt32) -> [UInt8] {
            TestZip.make([
                .init("[Content_Types].xml", Docx.contentTypes()), .init("_rels/.rels", Docx.rels()),
                .init(name: "word/document.xml", data: stream, method: 8, size: UInt32(part.count), crc: crc),
            ])
        }
        let right = TestZip.crc32(part)
        #expect(PEPBuilder.build(try Docx.read(package(crc: right))).text("child.last_name") == "Marlow")
        #expect(code(package(crc: right ^ 1)) == .malformed)
    }

    @Test func aDeflatedPartThatEndsIsChecked() {
        let reservedBlockType: [UInt8] = [0x07, 0x00]
        guard case .ends(let bytes) = PartInflater.inflate(TestZip.deflateBomb(repeats: 10)[...], limit: 1 << 20) else {
            Issue.record("a stream that ends is inflated")
            return
        }
        #expect(bytes == Array(repeating: UInt8(ascii: "a"), count: 1 + 258 * 10), "every byte the stream makes")
        #expect(PartInflater.inflate(TestZip.deflateBomb(repeats: 10_000)[...], limit: 1_000) == .tooLarge)
        #expect(PartInflater.inflate(reservedBlockType[...], limit: 1 << 20) == .corrupt)
    }

    @Test func tooManyEntriesAreRefused() {
        var items: [TestZip.Item] = [
            .init("[Content_Types].xml", Docx.contentTypes()), .init("_rels/.rels", Docx.rels()), .init("word/document.xml", Self.body),
        ]
        for i in 0..<30 { items.append(.init("customXml/item\(i).xml", "<a/>")) }
        var limits = DocxLimits()
        limits.maxEntries = 20
        #expect(throws: IngestError.self) { try DocxReader(mapping: Docx.mapping, limits: limits).read(TestZip.make(items), file: "t.docx") }
    }

    @Test func deepNestingIsRefused() {
        let deep = String(repeating: "<w:tbl><w:tr><w:tc>", count: 100)
        #expect(code(Docx.package(Docx.document(deep))) == .tooLarge || code(Docx.package(Docx.document(deep))) == .malformed)
        var limits = DocxLimits()
        limits.xml.maxDepth = 50
        let closed = deep + String(repeating: "</w:tc></w:tr></w:tbl>", count: 100)
        #expect(throws: IngestError.self) { try DocxReader(mapping: Docx.mapping, limits: limits).read(Docx.package(Docx.document(closed)), file: "t.docx") }
    }

    @Test func archiveNamesAreNeverUsedAsPaths() throws {
        // A part name that tries to climb out of a folder is only a key: nothing is written,
        // and the relationship that climbs out to reach it is refused.
        let bytes = Docx.package(Self.body, part: "../../etc/evil.xml")
        #expect(code(bytes) == .unsafe)
        #expect(!FileManager.default.fileExists(atPath: "/etc/evil.xml"))
        // An entry so named, reached by a relationship that stays inside, is still only a key.
        let rels = Docx.rels(target: "word/document.xml")
        let inside = TestZip.make([
            .init("[Content_Types].xml", Docx.contentTypes()), .init("_rels/.rels", rels),
            .init("word/document.xml", Self.body), .init("../../etc/evil.xml", Self.body),
        ])
        #expect(PEPBuilder.build(try Docx.read(inside)).text("child.last_name") == "Marlow")
        #expect(!FileManager.default.fileExists(atPath: "/etc/evil.xml"))
    }
}
