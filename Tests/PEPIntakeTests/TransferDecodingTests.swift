import Testing

@testable import PEPIntake

@Test func base64DecodesAcrossLineBreaksAndStraySpaces() {
    let encoded = "eyJzY2hl\r\nbWEiOiAi\n  cGVwLzEi\tfQ==\r\n"
    #expect(TransferDecoding.base64(Array(encoded.utf8)) == Array(#"{"schema": "pep/1"}"#.utf8))
}

@Test func base64DecodesUnpaddedTail() {
    #expect(TransferDecoding.base64(Array("YWI".utf8)) == Array("ab".utf8))
    #expect(TransferDecoding.base64(Array("YQ".utf8)) == Array("a".utf8))
}

@Test func base64RestartsAfterPaddingInTheMiddle() {
    #expect(TransferDecoding.base64(Array("YQ==YWI=".utf8)) == Array("aab".utf8))
}

@Test func quotedPrintableJoinsSoftLineBreaksAndDecodesHexOctets() {
    let encoded = "<name>Anika S=C3=B8rensen</name> and a very long li=\r\nne\r\nnext=3D1\n"
    let decoded = TransferDecoding.quotedPrintable(Array(encoded.utf8))
    #expect(String(decoding: decoded, as: UTF8.self) == "<name>Anika Sørensen</name> and a very long line\r\nnext=1\n")
}

@Test func quotedPrintableAcceptsLowerCaseHexAndKeepsAMalformedEquals() {
    let decoded = TransferDecoding.quotedPrintable(Array("caf=e9 =ZZ 100=".utf8))
    #expect(decoded == [0x63, 0x61, 0x66, 0xE9, 0x20, 0x3D, 0x5A, 0x5A, 0x20, 0x31, 0x30, 0x30])
}

@Test func quotedPrintableDropsTransportPaddingBeforeALineEnd() {
    let decoded = TransferDecoding.quotedPrintable(Array("line one   \r\nline two =  \r\nend".utf8))
    #expect(String(decoding: decoded, as: UTF8.self) == "line one\r\nline two end")
}

@Test func sevenBitEightBitAndBinaryPassThroughUnchanged() {
    let bytes: ArraySlice<UInt8> = [0x00, 0xFF, 0x0D, 0x0A, 0x41]
    for encoding in ["7bit", "8bit", "binary", "BINARY", nil] {
        #expect(TransferDecoding.decode(bytes, encoding: encoding) == Array(bytes))
    }
}

@Test func unknownTransferEncodingIsReportedAsNil() {
    #expect(TransferDecoding.decode([0x41], encoding: "x-uuencode") == nil)
}
