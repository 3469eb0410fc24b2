import Foundation
import PEPModel
import Testing

@testable import PEPReaders

/// OpenDocument text, old Word, RTF, password-protected Word and PDF: read, converted, or
/// refused with a reason that tells the school what to send.
@Suite struct OlderFormatTests {
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let field = "urn:openoffice:names:experimental:ooo-ms-interop:xmlns:field:1.0"

    static func content(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:text="\(text)" xmlns:table="\(table)" xmlns:field="\(field)" office:version="1.3"><office:body><office:text>\(body)\
        </office:text></office:body></office:document-content>
        """
    }

    static func odt(_ body: String, mimetype: String = "application/vnd.oasis.opendocument.text") -> [UInt8] {
        TestZip.make([
            .init("mimetype", mimetype), .init("content.xml", content(body)),
            .init("META-INF/manifest.xml", "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>"),
        ])
    }

    static func p(_ s: String) -> String { "<text:p>\(s)</text:p>" }
    static func cell(_ s: String, attributes: String = "") -> String { "<table:table-cell \(attributes)>\(p(s))</table:table-cell>" }
    static func row(_ cells: String...) -> String { "<table:table-row>\(cells.joined())</table:table-row>" }
    static func tbl(_ rows: String...) -> String { "<table:table table:name=\"T\">\(rows.joined())</table:table>" }

    static let form = [
        p("Personal Education Plan"),
        p("Term: Autumn"),
        tbl(
            row(cell("Surname"), cell("Marlow")),
            row(cell("First name"), cell("Ada<text:s text:c=\"2\"/>Jane")),
            row(cell("UPN", attributes: "table:number-rows-spanned=\"2\""), cell("<text:text-input text:description=\"UPN\">H801200001001</text:text-input>")),
            row("<table:covered-table-cell/>", cell("(check letter first)"))),
        p("Targets"),
        tbl(
            row(cell("Area"), cell("Target"), cell("By when")),
            row(cell("English"), cell("Improve paragraph structure"), cell("06/02/2026")),
            row(cell("Maths", attributes: "table:number-columns-spanned=\"2\""), "<table:covered-table-cell/>", cell("06/02/2026"))),
        "<text:tracked-changes><text:changed-region><text:deletion>\(p("Surname: Deleted"))</text:deletion></text:changed-region></text:tracked-changes>",
    ].joined()

    func read(_ bytes: [UInt8], file: String = "pep.odt") throws -> ReadResult {
        try ReaderRegistry([OdtReader(mapping: Docx.mapping)]).read(bytes, file: file)
    }

    @Test func anOpenDocumentFormReadsThroughTheWordLabels() throws {
        let r = try read(Self.odt(Self.form))
        #expect(r.format == .odt)
        #expect(r.text("child.last_name") == "Marlow")
        #expect(r.text("child.first_name") == "Ada Jane")
        #expect(r.text("child.upn") == "H801200001001")
        #expect(r.pep.pep.term?.value == .autumn)
        #expect(r.pep.targets.map { $0.area?.value } == ["English", "Maths"])
        #expect(r.pep.targets.first?.reviewDate?.value == CalendarDate(year: 2026, month: 2, day: 6))
        #expect(r.issues.isEmpty)
    }

    /// Word's legacy check boxes and drop-downs as LibreOffice saves them: a point
    /// `field:fieldmark` with a generated name and its state in `field:param`s.
    static func fieldmark(_ type: String, name: String = "__Fieldmark__12_345", _ params: [(String, String)]) -> String {
        let inner = params.map { "<field:param field:name=\"\($0.0)\" field:value=\"\($0.1)\"/>" }.joined()
        return "<field:fieldmark text:name=\"\(name)\" field:type=\"vnd.oasis.opendocument.field.\(type)\">\(inner)</field:fieldmark>"
    }

    @Test func wordCheckBoxesAndDropDownsSavedByLibreOfficeReadLikeWords() throws {
        let senOptions = [("Dropdown_ListEntry", "None"), ("Dropdown_ListEntry", "SEN Support"), ("Dropdown_ListEntry", "EHCP")]
        let r = try read(
            Self.odt(
                Self.tbl(
                    Self.row(Self.cell("SEN status"), Self.cell(Self.fieldmark("FORMDROPDOWN", senOptions + [("Dropdown_Selected", "2")]))),
                    Self.row(
                        Self.cell("Permanently excluded"),
                        Self.cell("Yes " + Self.fieldmark("FORMCHECKBOX", [("Checkbox_Checked", "false")]) + " No " + Self.fieldmark("FORMCHECKBOX", [("Checkbox_Checked", "true")]))),
                    Self.row(
                        Self.cell("I confirm the Designated Teacher has signed off this PEP"),
                        Self.cell(Self.fieldmark("FORMCHECKBOX", [("Checkbox_Checked", "true")]))))
                    // A check box whose Word name survived maps by that name, as in Word.
                    + Self.p(Self.fieldmark("FORMCHECKBOX", name: "ChildAttend", [("Checkbox_Checked", "1")]))))
        #expect(r.pep.child.send.status?.value == .ehcp)
        #expect(r.pep.exclusions.permanent?.value == false)
        #expect(r.pep.signOff.confirmed?.value == true)
        #expect(r.pep.meeting.childAttended?.value == true)
    }

    @Test func anOpenDocumentSpreadsheetIsRefusedAsNotAForm() throws {
        #expect {
            try FormatSniffer.sniff(Self.odt("", mimetype: "application/vnd.oasis.opendocument.spreadsheet"), file: "x.ods")
        } throws: { ($0 as? IngestError)?.code == .unsupportedFormat }
        #expect(try FormatSniffer.sniff(Self.odt(""), file: "x.odt") == .odt)
        #expect(try FormatSniffer.sniff(Docx.docx(""), file: "x.docx") == .docx)
    }

    @Test func anOpenDocumentWithoutContentIsNoDocumentPart() {
        let bytes = TestZip.make([.init("mimetype", "application/vnd.oasis.opendocument.text")])
        #expect { try read(bytes) } throws: { ($0 as? IngestError)?.code == .noDocumentPart }
    }

    /// An OLE2 compound file whose directory holds the stream `name` (UTF-16LE, as OLE2 stores it).
    static func compound(stream name: String) -> [UInt8] {
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        bytes += name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [UInt8](repeating: 0, count: 64)
        return bytes
    }

    func reason(_ bytes: [UInt8], readers: [any DocumentReader] = []) -> IngestError? {
        do {
            _ = try ReaderRegistry(readers).read(bytes, file: "pep")
            return nil
        } catch {
            return error
        }
    }

    @Test func aPasswordProtectedWordFileIsRefusedWithWhatToSendInstead() {
        let error = reason(Self.compound(stream: "EncryptedPackage"))
        #expect(error?.code == .encrypted)
        #expect(error?.message.contains("remove the password") == true && error?.message.contains(".docx") == true)
    }

    @Test func aPDFIsRefusedWithWhatToSendInstead() {
        let error = reason(Array("%PDF-1.7\n...".utf8))
        #expect(error?.code == .unsupportedFormat)
        #expect(error?.message.contains("send the form itself") == true)
    }

    @Test func oldWordAndRTFAreRecognisedAndWithoutLibreOfficeRefusedWithHowToEnableIt() throws {
        #expect(try FormatSniffer.sniff(Self.compound(stream: "WordDocument"), file: "x.doc") == .doc)
        #expect(try FormatSniffer.sniff(Array("{\\rtf1\\ansi Hello}".utf8), file: "x.rtf") == .rtf)
        #expect(reason(Self.compound(stream: "Workbook"))?.code == .unsupportedFormat)
        let docx = DocxReader(mapping: Docx.mapping)
        let readers = [ConvertedWordReader(format: .doc, converter: nil, docx: docx), ConvertedWordReader(format: .rtf, converter: nil, docx: docx)]
        for bytes in [Self.compound(stream: "WordDocument"), Array("{\\rtf1 x}".utf8)] {
            let error = reason(bytes, readers: readers)
            #expect(error?.code == .unsupportedFormat)
            #expect(error?.message.contains("apt-get install libreoffice-writer-nogui") == true)
        }
    }

    /// A converter that hands back a fixed DOCX, so the conversion path is tested without LibreOffice.
    struct FixedConverter: DocumentConverter {
        let docx: [UInt8]
        var name: String { "test converter" }
        func convertToDocx(_ bytes: [UInt8], from format: DocumentFormat, file: String) throws(IngestError) -> [UInt8] { docx }
    }

    @Test func aConvertedDocumentIsReadAsWordAndRecordsItsConversion() throws {
        let converted = Docx.docx(Docx.table(Docx.row(texts: ["Surname", "Marlow"])))
        let reader = ConvertedWordReader(format: .doc, converter: FixedConverter(docx: converted), docx: DocxReader(mapping: Docx.mapping))
        let r = try ReaderRegistry([reader]).read(Self.compound(stream: "WordDocument"), file: "pep.doc")
        #expect(r.text("child.last_name") == "Marlow")
        #expect(r.format == .doc)
        #expect(r.readVia == ReadVia(convertedFrom: "doc", converter: "test converter"))
    }
}
