import Testing

@testable import PEPIntake

@Test func contentTypeValueIsLowerCasedAndQuotedParametersUnquoted() {
    let header = ParameterisedHeader.parse(#"Multipart/Mixed; BOUNDARY="a;b \"c\""; charset=utf-8"#)
    #expect(header.value == "multipart/mixed")
    #expect(header["boundary"] == #"a;b "c""#)
    #expect(header["charset"] == "utf-8")
}

@Test func rfc2231ExtendedValueIsPercentDecodedInItsCharset() {
    let header = ParameterisedHeader.parse("attachment; filename*=iso-8859-1'en'r%E9vision.json")
    #expect(header["filename"] == "révision.json")
}

@Test func rfc2231ContinuationsJoinInOrderBeforeDecoding() {
    // The en dash (E2 80 93) is split across sections 0 and 1.
    let raw = "attachment; filename*1*=%80%93%20Autumn.json; filename*0*=UTF-8''PEP%20%E2; filename*2=\" 2025\""
    #expect(ParameterisedHeader.parse(raw)["filename"] == "PEP – Autumn.json 2025")
}

@Test func rfc2231PlainContinuationsJoin() {
    let header = ParameterisedHeader.parse(#"attachment; filename*0="long name "; filename*1="part two.docx""#)
    #expect(header["filename"] == "long name part two.docx")
}

@Test func extendedFileNameWinsOverThePlainOne() {
    let header = ParameterisedHeader.parse("attachment; filename=\"fallback.json\"; filename*=UTF-8''r%C3%A9el.json")
    #expect(header["filename"] == "réel.json")
}
