import PEPModel
import Testing
@testable import PEPReaders

/// Reads a hostile document and returns the refusal, checking it came quickly, on one line,
/// and without any content of /etc/passwd.
private func refuse(_ text: String, within limit: Duration = .seconds(2)) -> IngestError? {
    let clock = ContinuousClock()
    let start = clock.now
    var refusal: IngestError?
    do {
        let doc = try XMLPEPReader().read(Array(text.utf8), file: "hostile.xml")
        #expect(!doc.scalars.contains { if case .text(let t) = $0.raw { t.contains("root:") } else { false } })
    } catch {
        refusal = error
        #expect(!error.description.contains("\n"))
        #expect(!error.description.contains("root:"))
        #expect(!error.description.contains("/bin/"))
    }
    #expect(clock.now - start < limit)
    return refusal
}

private let open = "<pep xmlns=\"urn:virtual-school:pep:1\" schema-version=\"1\">"

@Test func anXXEGeneralEntityIsRefusedWithoutReadingTheFile() {
    let error = refuse(
        """
        <?xml version="1.0"?>
        <!DOCTYPE pep [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        \(open)<child><upn>&xxe;</upn></child></pep>
        """)
    #expect(error?.code == .unsafe)
    #expect(error?.description == "hostile.xml: the XML declares a DTD (DOCTYPE), which is not accepted")
}

@Test func aParameterEntityIsRefused() {
    let error = refuse(
        """
        <?xml version="1.0"?>
        <!DOCTYPE pep [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>
        \(open)</pep>
        """)
    #expect(error?.code == .unsafe)
}

@Test func anExternalDTDIsRefusedAndNotLoaded() {
    let error = refuse("<?xml version=\"1.0\"?>\n<!DOCTYPE pep SYSTEM \"file:///etc/passwd\">\n\(open)</pep>")
    #expect(error?.code == .unsafe)
}

@Test func billionLaughsIsRefusedQuickly() {
    var entities = "<!ENTITY lol0 \"lol\">"
    for i in 1...9 {
        entities += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">"
    }
    let error = refuse("<?xml version=\"1.0\"?>\n<!DOCTYPE pep [\(entities)]>\n\(open)<child_voice>&lol9;</child_voice></pep>")
    #expect(error?.code == .unsafe)
}

@Test func quadraticBlowupIsRefusedQuickly() {
    let big = String(repeating: "a", count: 100_000)
    let refs = String(repeating: "&big;", count: 20_000)
    let error = refuse("<?xml version=\"1.0\"?>\n<!DOCTYPE pep [<!ENTITY big \"\(big)\">]>\n\(open)<child_voice>\(refs)</child_voice></pep>")
    #expect(error?.code == .unsafe)
}

@Test func deepNestingIsRefusedQuickly() {
    let depth = 100_000
    let text = open + String(repeating: "<child>", count: depth) + String(repeating: "</child>", count: depth) + "</pep>"
    let error = refuse(text)
    #expect(error != nil)
    #expect(error?.description == "hostile.xml: the XML nests too deeply (line 1)")
}

@Test func deepNestingOfKnownElementsStopsAtTheLimit() {
    // Valid-looking nesting is impossible past four levels, so the schema stops it at the first extra level.
    let error = refuse(open + "<child><send><status><status>x</status></status></send></child></pep>")
    #expect(error?.code == .schemaViolation)
}

@Test func anXIncludeIsNotFollowed() {
    let error = refuse(
        open + "<child_voice><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" parse=\"text\"/></child_voice></pep>")
    #expect(error?.code == .schemaViolation)
}

@Test func anXsiSchemaLocationIsIgnored() throws {
    let text = "<pep xmlns=\"urn:virtual-school:pep:1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        + "xsi:schemaLocation=\"urn:virtual-school:pep:1 file:///etc/passwd\" schema-version=\"1\"><child_voice>ok</child_voice></pep>"
    let doc = try XMLPEPReader().read(Array(text.utf8), file: "x.xml")
    #expect(doc.scalars.map(\.raw) == [.text("ok")])
}

@Test func nonUTF8ByteSoupIsMalformed() {
    let bytes: [UInt8] = Array(open.utf8) + [0xC3, 0x28, 0xFF] + Array("</pep>".utf8)
    do {
        _ = try XMLPEPReader().read(bytes, file: "soup.xml")
        Issue.record("read byte soup")
    } catch {
        #expect(error.code == .malformed)
        #expect(!error.description.contains("\n"))
    }
}
