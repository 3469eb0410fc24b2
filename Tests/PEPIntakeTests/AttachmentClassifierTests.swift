import Testing

@testable import PEPIntake

private let docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

@Test func pepContentTypesAreCandidatesWhateverTheName() {
    for type in [docxType, "application/json", "text/xml", "application/xml", "Application/JSON"] {
        #expect(AttachmentClassifier.classify(fileName: "x.bin", contentType: type, bytes: []) == .pepCandidate)
    }
}

@Test func pepExtensionsAreCandidatesWhateverTheType() {
    for name in ["PEP.DOCX", "pep.xml", "pep.Json"] {
        #expect(AttachmentClassifier.classify(fileName: name, contentType: "application/x-weird", bytes: []) == .pepCandidate)
    }
}

@Test func octetStreamIsJudgedByItsFirstBytes() {
    let cases: [([UInt8], AttachmentClassifier.Kind)] = [
        ([0x50, 0x4B, 0x03, 0x04, 0x14], .pepCandidate),
        (Array("  \n{\"schema\":\"pep/1\"}".utf8), .pepCandidate),
        ([0xEF, 0xBB, 0xBF] + Array("<?xml version=\"1.0\"?>".utf8), .pepCandidate),
        (Array("%PDF-1.4".utf8), .other),
        ([0xFF, 0xD8, 0xFF], .other),
        ([], .other),
    ]
    for (bytes, expected) in cases {
        #expect(AttachmentClassifier.classify(fileName: nil, contentType: "application/octet-stream", bytes: bytes) == expected)
    }
}

@Test func firstBytesDoNotCountForADeclaredNonPEPType() {
    #expect(AttachmentClassifier.classify(fileName: "Boxall.pdf", contentType: "application/pdf", bytes: Array("{".utf8)) == .other)
    #expect(AttachmentClassifier.classify(fileName: "logo.svg", contentType: "image/svg+xml", bytes: Array("<svg".utf8)) == .other)
}
