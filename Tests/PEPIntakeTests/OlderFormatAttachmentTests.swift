import Testing
@testable import PEPIntake

/// A school still e-mails PEPs as .odt, .doc and .rtf: those attachments are PEP candidates
/// (the readers then read, convert or refuse them with a reason), by name or declared type.
@Test func olderWordProcessorAttachmentsArePEPCandidates() {
    for name in ["PEP autumn.odt", "PEP autumn.doc", "PEP autumn.RTF"] {
        #expect(AttachmentClassifier.classify(fileName: name, contentType: "application/octet-stream", bytes: []) == .pepCandidate)
    }
    for type in ["application/vnd.oasis.opendocument.text", "application/msword", "application/rtf", "text/rtf"] {
        #expect(AttachmentClassifier.classify(fileName: nil, contentType: type, bytes: []) == .pepCandidate)
    }
    #expect(AttachmentClassifier.classify(fileName: "Boxall.pdf", contentType: "application/pdf", bytes: []) == .other)
}
