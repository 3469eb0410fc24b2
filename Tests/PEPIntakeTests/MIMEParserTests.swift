import Testing

@testable import PEPIntake

private func parse(_ text: String, limits: MIMELimits = .standard) throws -> MailMessage {
    try MailMessage.parse(Array(text.utf8), limits: limits)
}

private let nested = """
    From: dt@school.example
    Subject: nested
    Content-Type: multipart/mixed; boundary="outer"

    preamble text that is not a part
    --outer
    Content-Type: multipart/alternative; boundary="inner"

    --inner
    Content-Type: text/plain

    plain body
    --inner
    Content-Type: multipart/related; boundary="rel"

    --rel
    Content-Type: text/html

    <p>html body</p>
    --rel
    Content-Type: image/png
    Content-ID: <logo>
    Content-Transfer-Encoding: base64

    iVBORw0KGgo=
    --rel--
    --inner--
    --outer
    Content-Type: application/json
    Content-Disposition: attachment; filename="pep.json"

    {"schema": "pep/1"}
    --outer--
    epilogue text
    """

@Test func nestedMultipartsGiveTheirLeavesInOrder() throws {
    let message = try parse(nested.crlf)
    #expect(message.root.leaves.map(\.contentType.value) == ["text/plain", "text/html", "image/png", "application/json"])
    #expect(message.root.leaves.first?.body == Array("plain body".utf8))
}

@Test func bareLFMessageParsesLikeCRLF() throws {
    let lf = try parse(nested)
    let crlf = try parse(nested.crlf)
    #expect(lf.root.leaves.map(\.contentType.value) == crlf.root.leaves.map(\.contentType.value))
    #expect(lf.attachmentParts.last?.body == Array(#"{"schema": "pep/1"}"#.utf8))
}

@Test func inlineTextAndHTMLAreNotAttachmentsButASignatureImageIs() throws {
    let message = try parse(nested.crlf)
    #expect(message.attachmentParts.map(\.contentType.value) == ["image/png", "application/json"])
    #expect(message.attachmentParts.first?.body == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
}

@Test func missingFinalBoundaryKeepsTheLastPart() throws {
    let text = """
        From: a@b.example
        Content-Type: multipart/mixed; boundary=XyZ

        --XyZ
        Content-Type: text/plain

        hello
        --XyZ
        Content-Type: application/json
        Content-Transfer-Encoding: base64

        eyJzY2hlbWEiOiJwZXAvMSJ9

        """
    let message = try parse(text.crlf)
    #expect(message.attachmentParts.count == 1)
    #expect(message.attachmentParts.first?.body == Array(#"{"schema":"pep/1"}"#.utf8))
}

@Test func boundaryThatIsAPrefixOfALongerLineIsNotADelimiter() throws {
    let text = "From: a@b.example\nContent-Type: multipart/mixed; boundary=ab\n\n--ab\nContent-Type: text/plain\n\nx\n--abc\ny\n--ab--\n"
    let message = try parse(text)
    #expect(message.root.children.count == 1)
    #expect(message.root.children.first?.body == Array("x\n--abc\ny".utf8))
}

@Test func multipartWithoutBoundaryParameterIsMalformed() {
    #expect(throws: MIMEError.malformed("a multipart part (level 0) has no usable boundary parameter")) {
        try parse("From: a@b.example\nContent-Type: multipart/mixed\n\nbody\n")
    }
}

@Test func multipartWhoseBoundaryNeverAppearsIsMalformed() {
    #expect(throws: MIMEError.malformed("a multipart part (level 0) never uses its boundary")) {
        try parse("From: a@b.example\nContent-Type: multipart/mixed; boundary=zz\n\nno parts here\n")
    }
}

@Test func fileWithoutHeadersIsMalformed() {
    #expect(throws: MIMEError.malformed("the file does not start with RFC 5322 header fields")) {
        try parse("just some text\nwith lines\n")
    }
}

@Test func emptyFileIsReportedAsEmpty() {
    #expect(throws: MIMEError(kind: .empty, message: "the message file is empty")) { try parse("") }
}

@Test func limitsOnSizePartsAndDepthAreEnforced() {
    #expect(throws: MIMEError.self) { try parse(nested, limits: MIMELimits(maxMessageBytes: 100)) }
    #expect(throws: MIMEError.tooLarge("the message has more than 3 MIME parts")) {
        try parse(nested, limits: MIMELimits(maxParts: 3))
    }
    #expect(throws: MIMEError.tooLarge("the message nests MIME parts deeper than 2 levels")) {
        try parse(nested, limits: MIMELimits(maxDepth: 2))
    }
}

@Test func deeplyNestedHostileMessageFailsCleanly() {
    var text = "From: a@b.example\nContent-Type: multipart/mixed; boundary=b0\n\n"
    for level in 1...200 { text += "--b\(level - 1)\nContent-Type: multipart/mixed; boundary=b\(level)\n\n" }
    #expect(throws: MIMEError.self) { try parse(text) }
}

@Test func attachedMessageIsDescendedInto() throws {
    let text = """
        From: a@b.example
        Content-Type: multipart/mixed; boundary=fw

        --fw
        Content-Type: message/rfc822

        From: dt@school.example
        Content-Type: multipart/mixed; boundary=in

        --in
        Content-Type: text/xml
        Content-Disposition: attachment; filename=pep.xml

        <pep/>
        --in--
        --fw--
        """
    let message = try parse(text)
    #expect(message.attachmentParts.map(\.fileName) == ["pep.xml"])
}

@Test func unknownTransferEncodingMakesThePartOpaqueOctets() throws {
    let text = "From: a@b.example\nContent-Type: text/xml\nContent-Transfer-Encoding: x-custom\n\n<pep/>"
    let message = try parse(text)
    #expect(message.root.contentType.value == "application/octet-stream")
    #expect(message.root.body == Array("<pep/>".utf8))
}

@Test func foldedHeadersAreUnfolded() throws {
    let message = try parse("From: a@b.example\nSubject: a long\n subject\n\tline\n\nbody")
    #expect(message.subject == "a long subject\tline")
}

@Test func fileNameFallsBackToContentTypeNameAndDropsPathParts() throws {
    let text = """
        From: a@b.example
        Content-Type: multipart/mixed; boundary=q

        --q
        Content-Type: application/json; name="=?UTF-8?B?cMOpcC5qc29u?="

        {}
        --q
        Content-Type: application/pdf
        Content-Disposition: attachment; filename="C:\\\\Users\\\\dt\\\\Boxall.pdf"

        %PDF
        --q--
        """
    let message = try parse(text)
    #expect(message.attachmentParts.map(\.fileName) == ["pép.json", "Boxall.pdf"])
}
